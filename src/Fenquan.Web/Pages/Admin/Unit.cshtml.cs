using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Policy.Form;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Api;
using Fenquan.Web.Pages.Meetings;
using Fenquan.Web.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Admin;

/// <summary>
/// Unit administration: the team, portfolio assignments (R3 checked by the core, refusals shown),
/// and the policy editor — a form (limits, step time limits, each area's routes as ordered steps;
/// step buttons that work without script) and the raw JSON as an advanced view, both editing the
/// same policy; the verifier's result with each counterexample beside the rule it concerns before a
/// new version is proposed (R40, R46). A proposal is tabled in a team meeting, its agreement recorded
/// from the final minutes, and it waits for two county officials; nothing on this page puts a
/// version in force.
/// </summary>
[RequestFormLimits(ValueCountLimit = 20_000)]
public sealed class UnitAdminModel(DbSession session, OrganizationOperations organization, PolicyService policies, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public IReadOnlyList<PolicyProposal> Proposals { get; private set; } = [];

    /// <summary>Meetings a proposal can be tabled on (scheduled) or agreed in (closed; bound once the minutes are final, R43).</summary>
    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    /// <summary>R43: policy items of meetings in session still waiting for their outcome, with their meeting.</summary>
    public IReadOnlyList<(Meeting Meeting, AgendaItem Item)> OpenPolicyItems { get; private set; } = [];

    /// <summary>The unit's published versions by id, so an approved proposal names its version and the day it takes effect.</summary>
    public IReadOnlyDictionary<PolicyVersionId, PolicyVersion> Published { get; private set; } = new Dictionary<PolicyVersionId, PolicyVersion>();

    [BindProperty]
    public string? Summary { get; set; }

    public IReadOnlyList<Membership> Memberships { get; private set; } = [];

    /// <summary>R3: the people the portfolio choice offers, as the core decides: the unit's deputies today (no principal, no staff).</summary>
    public IReadOnlyList<PersonId> EligibleDeputies { get; private set; } = [];

    public int PolicyNumber { get; private set; }

    [BindProperty]
    public string? PolicyJson { get; set; }

    /// <summary>The policy as a form; the same policy as <see cref="PolicyJson"/>.</summary>
    [BindProperty]
    public PolicyForm Form { get; set; } = new();

    /// <summary>The form's bad fields by their path (<c>Rules[3].Steps[1].Role</c>), each with why, in the viewer's language.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; private set; } = new Dictionary<string, string>();

    /// <summary>R40: the verifier's failures whose counterexample names a rule, by the rule's index in the form.</summary>
    public IReadOnlyDictionary<int, List<string>> RuleFailures { get; private set; } = new Dictionary<int, List<string>>();

    /// <summary>R46: failures about a part of the policy outside its rules, by its JSON path (<c>$.stepLimits.review</c>).</summary>
    public IReadOnlyDictionary<string, List<string>> PartFailures { get; private set; } = new Dictionary<string, List<string>>();

    /// <summary>R40: failures of the limits against the county's bounds.</summary>
    public IReadOnlyList<string> LimitFailures { get; private set; } = [];

    /// <summary>Whether the raw JSON view is open (it was the one posted).</summary>
    public bool JsonView { get; private set; }

    /// <summary>The version in force upgraded with rules it predates (<see cref="PolicyUpgrade"/>), offered as the draft; null when it lacks none.</summary>
    public PolicyDocument? Upgrade { get; private set; }

    public IReadOnlyList<string> Failures { get; private set; } = [];

    /// <summary>What today's team lacks: R1 (one or two principals) and R3 (a deputy in charge of each restricted area).</summary>
    public IReadOnlyList<string> TeamProblems { get; private set; } = [];

    public bool CheckedValid { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        await base.OnPageHandlerExecutionAsync(context, async () =>
        {
            if (!Viewer.IsUnitAdministrator || Viewer.Unit is null)
            {
                context.Result = Forbid();
                return null!;
            }

            return await next();
        });

    public async Task OnGetAsync() => await LoadAsync(keepJson: false);

    /// <summary>A step button of the form (add, remove, move up): the form comes back changed, nothing typed lost, nothing checked yet.</summary>
    public async Task OnPostFormAsync(string? edit)
    {
        Form.Apply(edit);
        PolicyJson = Form.Read() is { IsOk: true } read ? Core.Policy.PolicyJson.Write(read.Document!) : null;
        await LoadAsync(keepJson: true);
    }

    public async Task OnPostFormCheckAsync()
    {
        await VerifyFormAsync();
        await LoadAsync(keepJson: true);
    }

    /// <summary>R40: proposes the form's policy, checked, as the unit's next version (the same flow as the JSON view's).</summary>
    public async Task<IActionResult> OnPostFormProposeAsync() => await ProposeAsync(VerifyFormAsync);

    public async Task<IActionResult> OnPostAssignAsync(Area area, Guid person, DateOnly from)
    {
        var result = await organization.AssignPortfolioAsync(new AssignPortfolio(Viewer.County, Viewer.Unit!.Value, area, new PersonId(person), from));
        if (!result.IsOk)
        {
            Show(result.Refusal!);
            await LoadAsync(keepJson: false);
            return Page();
        }

        Notice = Text["Admin.Assigned"];
        return RedirectToPage();
    }

    public async Task OnPostCheckAsync()
    {
        await VerifyJsonAsync();
        await LoadAsync(keepJson: true);
    }

    /// <summary>R40: proposes the checked document as the unit's next version; it is not in force until the county approves it.</summary>
    public async Task<IActionResult> OnPostProposeAsync() => await ProposeAsync(VerifyJsonAsync);

    // R40: only a checked policy is proposed (PolicyJson then holds it, whichever view it came from).
    private async Task<IActionResult> ProposeAsync(Func<Task<PolicyDocument?>> verify)
    {
        if (await verify() is null)
        {
            await LoadAsync(keepJson: true);
            return Page();
        }

        var proposed = await policies.ProposeAsync(Viewer, new ProposalInput { Summary = Summary, Document = PolicyJson });
        return await DoneAsync(proposed.Result.Refusal, "Policy.Proposed", keepJson: true);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid proposal, string? reason) =>
        await DoneAsync((await policies.WithdrawAsync(Viewer, proposal, new WithdrawInput { Reason = reason })).Result.Refusal, "Policy.Withdrawn");

    public async Task<IActionResult> OnPostTableAsync(Guid proposal, Guid meeting) =>
        await DoneAsync((await policies.TableAsync(Viewer, meeting, new PolicyItemInput { ProposalId = proposal })).Result.Refusal, "Policy.Tabled");

    /// <summary>R43: records the team's approval or rejection of a policy item as the count shows (the meeting's recorder only).</summary>
    public async Task<IActionResult> OnPostPolicyOutcomeAsync(Guid meeting, Guid item, OutcomeChoice outcome, string? reason) =>
        await DoneAsync((await policies.OutcomeAsync(Viewer, meeting, item, new PolicyOutcomeInput { Outcome = outcome, Reason = reason })).Result.Refusal, "Policy.OutcomeRecorded");

    public async Task<IActionResult> OnPostAgreementAsync(Guid proposal, Guid meeting) =>
        await DoneAsync((await policies.RecordAgreementAsync(Viewer, proposal, new AgreementInput { MeetingId = meeting })).Result.Refusal, "Policy.Agreed");

    private async Task<IActionResult> DoneAsync(Refusal? refusal, string notice, bool keepJson = false)
    {
        if (refusal is not null)
        {
            Show(refusal);
            await LoadAsync(keepJson);
            return Page();
        }

        Notice = Text[notice];
        return RedirectToPage();
    }

    // R40: parse and verify the raw JSON; the form then shows the same policy.
    private async Task<PolicyDocument?> VerifyJsonAsync()
    {
        JsonView = true;
        var parsed = Core.Policy.PolicyJson.Parse(PolicyJson ?? string.Empty);
        if (!parsed.IsOk)
        {
            Form = new PolicyForm();
            Failures = [Documents.Language.RefusalText.Shared.WithRule(parsed.Refusal!)];
            return null;
        }

        Form = PolicyForm.Of(parsed.Value);
        return await VerifyAsync(parsed.Value);
    }

    // R40: read the form (bad fields shown beside themselves) and verify the policy it describes; the JSON view then shows the same policy.
    private async Task<PolicyDocument?> VerifyFormAsync()
    {
        var read = Form.Read();
        if (!read.IsOk)
        {
            PolicyJson = null;
            FieldErrors = read.Errors.ToDictionary(e => e.Key, e => Documents.Language.RefusalText.Shared.Message(e.Value));
            return null;
        }

        PolicyJson = Core.Policy.PolicyJson.Write(read.Document!);
        return await VerifyAsync(read.Document!);
    }

    // R40: the failures (with counterexamples) are shown before anything is published, each beside the rule or part it concerns.
    private async Task<PolicyDocument?> VerifyAsync(PolicyDocument policy)
    {
        var verification = PolicyVerifier.Verify(policy, await BoundsAsync());
        var names = policy.Rules.Select((r, i) => r.Id ?? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"#{i}")).ToList();
        var byRule = new Dictionary<int, List<string>>();
        var byPart = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var limits = new List<string>();
        foreach (var failure in verification.Failures)
        {
            var text = Documents.Language.RefusalText.Shared.Failure(failure);
            if (failure.Example?.Rule is { } rule && names.IndexOf(rule) is >= 0 and var index)
            {
                (byRule.TryGetValue(index, out var list) ? list : byRule[index] = []).Add(text);
            }
            else if (failure.Part is { } part)
            {
                (byPart.TryGetValue(part, out var list) ? list : byPart[part] = []).Add(text);
            }
            else if (failure.Check == VerificationCheck.WithinBounds && failure.Example is null)
            {
                limits.Add(text);
            }
        }

        (RuleFailures, PartFailures, LimitFailures) = (byRule, byPart, limits);
        Failures = verification.Failures.Select(Documents.Language.RefusalText.Shared.Failure).ToList();
        CheckedValid = verification.IsValid;
        return verification.IsValid ? policy : null;
    }

    private Task<CountyBounds> BoundsAsync() => session.Db.Counties.Where(c => c.Id == Viewer.County).Select(c => c.Bounds).SingleAsync();

    private async Task LoadAsync(bool keepJson)
    {
        var unit = Viewer.Unit!.Value;
        Memberships = (await session.Db.Memberships.Where(m => m.CountyId == Viewer.County && m.UnitId == unit).ToListAsync())
            .Where(m => m.IsInForceOn(Viewer.Today)).OrderBy(m => m.Role).ToList();
        var bounds = await BoundsAsync();
        EligibleDeputies = PortfolioRules.EligibleDeputies(unit, Viewer.Today, Memberships, bounds);
        var principals = TeamRules.CheckPrincipals(unit, Viewer.Today, Viewer.Org!);
        TeamProblems =
        [
            .. principals.IsOk ? [] : new[] { Problems.Message(principals.Refusal!).ToString() },
            .. PortfolioRules.Gaps(unit, Viewer.Today, Viewer.Org!, bounds).Select(area => Text["Admin.AreaWithoutDeputy", Text.Of(area)].Value),
        ];
        Proposals = policies.OfMyUnit(Viewer);
        Published = await session.Db.PolicyVersions.Where(v => v.CountyId == Viewer.County && v.UnitId == unit).ToDictionaryAsync(v => v.Id);
        var meetings = MeetingOperations.MeetingsOf(session.Db, Viewer.County, unit);
        Meetings = meetings.Where(m => m.State is MeetingState.Scheduled or MeetingState.Closed or MeetingState.Bound).ToList();
        OpenPolicyItems =
        [
            .. meetings.Where(m => m.State == MeetingState.InSession)
                .Select(m => MeetingOperations.Find(session.Db, Viewer.County, m.Id)!)
                .SelectMany(m => m.Items.Where(i => i.PolicyProposalId is not null && m.OutcomeOf(i.Id) is null).Select(i => (m, i))),
        ];
        var current = PolicyOperations.InForce(session.Db, Viewer.County, unit, Viewer.Today);
        PolicyNumber = current.IsOk ? current.Value.Version.Number : 0;
        // R19, R40: a policy from before the variation share is offered upgraded, for the unit to propose; the version in force is not changed.
        PolicyDocument? inForceDocument = current.IsOk && Core.Policy.PolicyJson.Parse(current.Value.Version.DocumentJson) is { IsOk: true } parsedInForce ? parsedInForce.Value : null;
        Upgrade = inForceDocument is null ? null : PolicyUpgrade.WithVariationShare(inForceDocument, bounds, Viewer.Today);

        // The draft is the version in force (or its upgrade) taking effect no earlier than today, as a proposal must (R40).
        var draft = (Upgrade ?? inForceDocument) is { } document
            ? Core.Policy.PolicyJson.Write(document.EffectiveFrom < Viewer.Today ? document with { EffectiveFrom = Viewer.Today } : document)
            : string.Empty;
        if (!keepJson || string.IsNullOrEmpty(PolicyJson))
        {
            PolicyJson = draft;
        }

        // The form shows the same draft, unless it holds what was just typed.
        if ((!keepJson || Form.Version is null) && Core.Policy.PolicyJson.Parse(draft) is { IsOk: true } parsed)
        {
            Form = PolicyForm.Of(parsed.Value);
        }
    }
}
