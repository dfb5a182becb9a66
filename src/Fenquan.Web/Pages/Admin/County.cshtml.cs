using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;
using Fenquan.Web.Pages.Meetings;
using Fenquan.Web.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Admin;

/// <summary>
/// County administration: units, bounds, people, and the rules of decision of the county's meetings
/// (each change through the operations, ledgered; R1 and R43 checked by the core).
/// </summary>
public sealed class CountyAdminModel(DbSession session, FenquanStore store, OrganizationOperations organization, PolicyService policies, CountyChangeOperations countyChanges, Fenquan.Web.Registers.CountyDataService countyData, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    /// <summary>R40: units' policy proposals agreed by their team and waiting for two county officials.</summary>
    public IReadOnlyList<Core.Policy.PolicyProposal> AwaitingApproval { get; private set; } = [];

    private readonly DecisionRulesService _rules = new(session, store);

    /// <summary>The county's rules of decision in force (R43): meetings freeze them when scheduled.</summary>
    public DecisionRulesView Rules { get; private set; } = null!;

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public CountyBounds Bounds { get; private set; } = CountyBounds.Default;

    /// <summary>The county's name, bounds and the bounds changes under way (R40: proposed, waiting for units).</summary>
    public Fenquan.Web.Registers.CountySettingsView Settings { get; private set; } = null!;

    /// <summary>Whether the viewer proposed the pending bounds change (then only a second administrator confirms it).</summary>
    public bool ProposedPending => ProposedBy(Settings.Pending);

    /// <summary>Whether the viewer proposed the pending rename (then only a second administrator confirms it).</summary>
    public bool ProposedPendingRename => ProposedBy(Settings.PendingRename);

    /// <summary>Whether the viewer proposed the pending OCDS prefix (then only a second administrator confirms it).</summary>
    public bool ProposedPendingOcdsPrefix => ProposedBy(Settings.PendingOcdsPrefix);

    /// <summary>R22: the placeholder prefix the county's ocids start with until it registers its own.</summary>
    public string ConfiguredOcdsPrefix { get; private set; } = Core.Ocds.OcdsPrefix.Demo;

    /// <summary>R29: who receives, for the county's discipline inspection, notice of changes to county data.</summary>
    public PersonId? DisciplineInspection { get; private set; }

    /// <summary>The county's people, for choosing the discipline inspection's liaison.</summary>
    public IReadOnlyList<Person> People { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        await base.OnPageHandlerExecutionAsync(context, async () =>
        {
            if (!Viewer.IsCountyAdministrator)
            {
                context.Result = Forbid();
                return null!;
            }

            return await next();
        });

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddUnitAsync(string? unitName, UnitKind kind)
    {
        var result = await organization.AddUnitAsync(Viewer.County, unitName ?? string.Empty, kind);
        return await DoneAsync(result.Refusal);
    }

    public async Task<IActionResult> OnPostAddPersonAsync(string? personName, Guid unit, Role role, DateOnly from)
    {
        if (!await session.Db.Units.AnyAsync(u => u.Id == new UnitId(unit) && u.CountyId == Viewer.County))
        {
            return await DoneAsync(Refusal.NotFound("Unit " + unit.ToString("D")));
        }

        var person = await organization.AddPersonAsync(Viewer.County, personName ?? string.Empty);
        if (!person.IsOk)
        {
            return await DoneAsync(person.Refusal);
        }

        var membership = await organization.AddMembershipAsync(Viewer.County, new UnitId(unit), person.Value.Id, role, from);
        return await DoneAsync(membership.Refusal);
    }

    /// <summary>R29: names the county discipline inspection's liaison (the former one is notified).</summary>
    public async Task<IActionResult> OnPostDisciplineInspectionAsync(Guid person)
    {
        var official = Fenquan.Web.Registers.CountyDataService.Official(Viewer)!;
        var named = await countyChanges.NameDisciplineInspectionAsync(Viewer.County, new PersonId(person), official);
        return await DoneAsync(named.Refusal);
    }

    /// <summary>Proposes new bounds and switches: refused with its rule when no unit could meet them; a second administrator confirms.</summary>
    public async Task<IActionResult> OnPostProposeBoundsAsync(Fenquan.Web.Registers.CountySettingsInput settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var current = await session.Db.Counties.Where(c => c.Id == Viewer.County).Select(c => c.Bounds).SingleAsync();
        var proposed = await countyData.ProposeBoundsAsync(Viewer, settings.Over(current), settings.Summary);
        return await ChangedAsync(proposed.Result.Refusal, Text["Settings.Proposed"]);
    }

    /// <summary>Proposes a new name for the county (R40): refused with its rule when empty, too long or unchanged; a second administrator confirms.</summary>
    public async Task<IActionResult> OnPostProposeNameAsync(string? name, string? summary)
    {
        var proposed = await countyData.ProposeRenameAsync(Viewer, name, summary);
        return await ChangedAsync(proposed.Result.Refusal, Text["Settings.Proposed"]);
    }

    /// <summary>R22: proposes the county's registered OCDS prefix (R40): refused with its rule when malformed; a second administrator confirms.</summary>
    public async Task<IActionResult> OnPostProposeOcdsPrefixAsync(string? prefix, string? summary)
    {
        var proposed = await countyData.ProposeOcdsPrefixAsync(Viewer, prefix, summary);
        return await ChangedAsync(proposed.Result.Refusal, Text["Settings.Proposed"]);
    }

    /// <summary>Four eyes (R40): a second county administrator confirms the pending change of bounds, name or OCDS prefix.</summary>
    public async Task<IActionResult> OnPostConfirmChangeAsync(Guid change)
    {
        var confirmed = await countyData.ConfirmAsync(Viewer, change);
        return await ChangedAsync(
            confirmed.Result.Refusal,
            confirmed.Result.IsOk && confirmed.Result.Value.State == Core.CountyChanges.CountyChangeState.AwaitingUnits ? Text["Settings.ConfirmedWaiting"] : Text["Settings.ConfirmedInForce"]);
    }

    /// <summary>Requires (or stops requiring) two-factor sign-in for the county's accounts: at once, ledgered.</summary>
    public async Task<IActionResult> OnPostTwoFactorAsync(bool required, [FromServices] Fenquan.Web.Accounts.TwoFactorRequirement twoFactor)
    {
        ArgumentNullException.ThrowIfNull(twoFactor);
        var set = await twoFactor.SetAsync(Viewer, required);
        return await ChangedAsync(set.Refusal, Text["Settings.TwoFactorSet"]);
    }

    /// <summary>Sets the county's rules of decision (R43): refused below the floor, naming the rule.</summary>
    public async Task<IActionResult> OnPostDecisionRulesAsync(DecisionRulesInput rules)
    {
        var set = await _rules.SetAsync(Viewer, rules);
        if (set.Result.IsOk)
        {
            Notice = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<MeetingResource>>()["Done.RulesSet"];
            return RedirectToPage();
        }

        Show(set.Result.Refusal!);
        await LoadAsync();
        return Page();
    }

    /// <summary>R40: approves a proposal as this county official; the second, different official's approval puts it in force.</summary>
    public async Task<IActionResult> OnPostApprovePolicyAsync(Guid proposal)
    {
        var approved = await policies.ApproveAtCountyAsync(Viewer, proposal);
        if (!approved.Result.IsOk)
        {
            Show(approved.Result.Refusal!);
            await LoadAsync();
            return Page();
        }

        Notice = approved.Result.Value.Version is { } version
            ? Text["Policy.InForce", version.Number, Labels.Day(version.EffectiveFrom)]
            : Text["Policy.ApprovedOnce"];
        return RedirectToPage();
    }

    private bool ProposedBy(Core.CountyChanges.CountyChange? change) =>
        change is not null && string.Equals(change.ProposedBy, Viewer.UserName, StringComparison.OrdinalIgnoreCase);

    private async Task<IActionResult> ChangedAsync(Refusal? refusal, string notice)
    {
        if (refusal is not null)
        {
            return await DoneAsync(refusal);
        }

        Notice = notice;
        return RedirectToPage();
    }

    private async Task<IActionResult> DoneAsync(Refusal? refusal)
    {
        if (refusal is not null)
        {
            Show(refusal);
            await LoadAsync();
            return Page();
        }

        Notice = Text["Admin.Added"];
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Units = await session.Db.Units.Where(u => u.CountyId == Viewer.County).OrderBy(u => u.Name).ToListAsync();
        Settings = countyData.Settings(Viewer, Viewer.Today);
        Bounds = Settings.Bounds;
        ConfiguredOcdsPrefix = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hosting.FenquanOptions>>().Value.OcdsPrefix;
        DisciplineInspection = await session.Db.Counties.Where(c => c.Id == Viewer.County).Select(c => c.DisciplineInspectionId).SingleAsync();
        People = await session.Db.People.Where(p => p.CountyId == Viewer.County).OrderBy(p => p.Name).ToListAsync();
        Rules = _rules.Current(Viewer);
        AwaitingApproval = policies.AwaitingCounty(Viewer);
    }
}
