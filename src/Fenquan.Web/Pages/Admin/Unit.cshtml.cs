using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
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
/// and the policy editor — the verifier's result and counterexample before a new version is
/// proposed (R40). A proposal is tabled in a team meeting, its agreement recorded from the final
/// minutes, and it waits for two county officials; nothing on this page puts a version in force.
/// </summary>
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

    public int PolicyNumber { get; private set; }

    [BindProperty]
    public string? PolicyJson { get; set; }

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
        await VerifyAsync();
        await LoadAsync(keepJson: true);
    }

    /// <summary>R40: proposes the checked document as the unit's next version; it is not in force until the county approves it.</summary>
    public async Task<IActionResult> OnPostProposeAsync()
    {
        if (await VerifyAsync() is null)
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

    // R40: parse and verify; the failures (with counterexamples) are shown before anything is published.
    private async Task<PolicyDocument?> VerifyAsync()
    {
        var parsed = Core.Policy.PolicyJson.Parse(PolicyJson ?? string.Empty);
        if (!parsed.IsOk)
        {
            Failures = [Documents.Language.RefusalText.Shared.WithRule(parsed.Refusal!)];
            return null;
        }

        var bounds = await BoundsAsync();
        var verification = PolicyVerifier.Verify(parsed.Value, bounds);
        Failures = verification.Failures.Select(Documents.Language.RefusalText.Shared.Failure).ToList();
        CheckedValid = verification.IsValid;
        return verification.IsValid ? parsed.Value : null;
    }

    private Task<CountyBounds> BoundsAsync() => session.Db.Counties.Where(c => c.Id == Viewer.County).Select(c => c.Bounds).SingleAsync();

    private async Task LoadAsync(bool keepJson)
    {
        var unit = Viewer.Unit!.Value;
        Memberships = (await session.Db.Memberships.Where(m => m.CountyId == Viewer.County && m.UnitId == unit).ToListAsync())
            .Where(m => m.IsInForceOn(Viewer.Today)).OrderBy(m => m.Role).ToList();
        var bounds = await BoundsAsync();
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
        Upgrade = current.IsOk && Core.Policy.PolicyJson.Parse(current.Value.Version.DocumentJson) is { IsOk: true } inForce ? PolicyUpgrade.WithVariationShare(inForce.Value, bounds, Viewer.Today) : null;
        if (!keepJson)
        {
            PolicyJson = Upgrade is { } upgraded ? Core.Policy.PolicyJson.Write(upgraded) : current.IsOk ? current.Value.Version.DocumentJson : string.Empty;
        }
    }
}
