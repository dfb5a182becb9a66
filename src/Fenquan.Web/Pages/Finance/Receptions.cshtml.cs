using Fenquan.Core.Access;
using Fenquan.Core.Finance.Reception;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Web.Finance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Finance;

/// <summary>
/// Official receptions of the viewer's unit (R31): the office or a section head requests one with the
/// sending office's letter (公函), the guests, the accompanying staff and the days; the unit's
/// receptions the viewer may see are listed, each with its reception list (接待清单). Who requests and
/// who sees is <see cref="ReceptionAccess"/>'s decision; the core checks the request.
/// </summary>
public sealed class ReceptionsModel(ReceptionService receptions, IStringLocalizer<SharedResource> text, IStringLocalizer<FinanceResource> financeText) : FenquanPage(text)
{
    public IReadOnlyList<ReceptionRequest> Requests { get; private set; } = [];

    public bool MayRequest => ReceptionAccess.MayRequest(Viewer.Asker);

    /// <summary>The unit's people today, who may accompany guests.</summary>
    public IReadOnlyList<(PersonId Id, string Name)> UnitPeople { get; private set; } = [];

    [BindProperty]
    public ReceptionForm Form { get; set; } = new();

    public IActionResult OnGet() => Load() ? Page() : NotFound();

    public async Task<IActionResult> OnPostRequestAsync()
    {
        var guests = (Form.Guests ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var staff = (Form.Staff ?? []).Select(p => new PersonId(p)).ToList();
        var requested = await receptions.RequestAsync(Viewer, Form.Letter, Form.SendingOffice, Form.Level, guests, staff, Form.From, Form.Until);
        if (requested.Result.IsOk)
        {
            Notice = financeText["Reception.Requested"];
            return RedirectToPage();
        }

        Show(requested.Result.Refusal!);
        return Load() ? Page() : NotFound();
    }

    public string NameOf(PersonId person) => Fenquan.Web.Matters.MatterService.NameOf(Viewer, person);

    private bool Load()
    {
        if (Viewer.Unit is not { } unit || Viewer.Org is not { } org)
        {
            return false;
        }

        Requests = receptions.List(Viewer);
        UnitPeople = [.. Enum.GetValues<Role>().SelectMany(r => org.PeopleWithRole(unit, r, Viewer.Today)).Distinct().Select(p => (p, org.NameOf(p))).OrderBy(p => p.Item2, StringComparer.Ordinal)];
        if (Form.From == default)
        {
            Form = Form with { From = Viewer.Today, Until = Viewer.Today };
        }

        return true;
    }
}

/// <summary>A reception request as the page's form sends it: the guests one per line, the staff by id.</summary>
public sealed record ReceptionForm
{
    public string? Letter { get; init; }

    public string? SendingOffice { get; init; }

    public GuestLevel Level { get; init; } = GuestLevel.County;

    public string? Guests { get; init; }

    public IReadOnlyList<Guid>? Staff { get; init; }

    public DateOnly From { get; init; }

    public DateOnly Until { get; init; }
}
