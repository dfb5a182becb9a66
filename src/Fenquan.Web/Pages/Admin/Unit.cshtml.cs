using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Admin;

/// <summary>
/// Unit administration: the team, portfolio assignments (R3 checked by the core, refusals shown),
/// and the policy editor — the verifier's result and counterexample before a version is published (R40).
/// </summary>
public sealed class UnitAdminModel(DbSession session, OrganizationOperations organization, PolicyOperations policies, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public IReadOnlyList<Membership> Memberships { get; private set; } = [];

    public int PolicyNumber { get; private set; }

    [BindProperty]
    public string? PolicyJson { get; set; }

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

    public async Task<IActionResult> OnPostPublishAsync()
    {
        var document = await VerifyAsync();
        if (document is null)
        {
            await LoadAsync(keepJson: true);
            return Page();
        }

        var published = await policies.PublishAsync(Viewer.County, Viewer.Unit!.Value, document);
        if (!published.IsOk)
        {
            Show(published.Refusal!);
            await LoadAsync(keepJson: true);
            return Page();
        }

        Notice = Text["Admin.Published", published.Value.Number];
        return RedirectToPage();
    }

    // R40: parse and verify; the failures (with counterexamples) are shown before anything is published.
    private async Task<PolicyDocument?> VerifyAsync()
    {
        var parsed = Core.Policy.PolicyJson.Parse(PolicyJson ?? string.Empty);
        if (!parsed.IsOk)
        {
            Failures = [parsed.Refusal!.ToString()];
            return null;
        }

        var bounds = await BoundsAsync();
        var verification = PolicyVerifier.Verify(parsed.Value, bounds);
        Failures = verification.Failures.Select(f => f.ToString()).ToList();
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
            .. principals.IsOk ? [] : new[] { Problems.Message(principals.Refusal!, Text) },
            .. PortfolioRules.Gaps(unit, Viewer.Today, Viewer.Org!, bounds).Select(area => Text["Admin.AreaWithoutDeputy", Text.Of(area)].Value),
        ];
        var current = PolicyOperations.InForce(session.Db, Viewer.County, unit, Viewer.Today);
        PolicyNumber = current.IsOk ? current.Value.Version.Number : 0;
        if (!keepJson)
        {
            PolicyJson = current.IsOk ? current.Value.Version.DocumentJson : string.Empty;
        }
    }
}
