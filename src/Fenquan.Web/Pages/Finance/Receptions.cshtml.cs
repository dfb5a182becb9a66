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
public sealed class ReceptionsModel(ReceptionService receptions, Fenquan.Web.Matters.MatterService matters, IStringLocalizer<SharedResource> text, IStringLocalizer<FinanceResource> financeText) : FenquanPage(text)
{
    public IReadOnlyList<ReceptionRequest> Requests { get; private set; } = [];

    public bool MayRequest => ReceptionAccess.MayRequest(Viewer.Asker);

    /// <summary>The unit's people today, who may accompany guests.</summary>
    public IReadOnlyList<(PersonId Id, string Name)> UnitPeople { get; private set; } = [];

    [BindProperty]
    public ReceptionForm Form { get; set; } = new();

    /// <summary>The line rows a reception claim offers on the form (R31).</summary>
    public const int ClaimRows = 3;

    /// <summary>A reception claim as typed (R31): its lines with their invoices' goods lines, the attendees, the invoice.</summary>
    [BindProperty]
    public ReceptionClaimForm Claim { get; set; } = new();

    public bool MayApprove(ReceptionRequest request) => Viewer.Org is { } org && ReceptionAccess.MayApprove(Viewer.Asker, request, org);

    public bool MayClaim(ReceptionRequest request) => ReceptionAccess.MayClaim(Viewer.Asker, request);

    public ReceptionList ListOf(ReceptionRequest request) => ReceptionList.Of(request, NameOf);

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

    public async Task<IActionResult> OnPostApproveAsync(Guid id)
    {
        var approved = await receptions.ApproveAsync(Viewer, id);
        if (approved.Result.IsOk)
        {
            Notice = financeText["Reception.Approved"];
            return RedirectToPage();
        }

        Show(approved.Result.Refusal!);
        return Load() ? Page() : NotFound();
    }

    /// <summary>R31: a reception claim is a matter of the reception route tied to its approved request; the core checks it line by line at submission.</summary>
    public async Task<IActionResult> OnPostClaimAsync(Guid id)
    {
        var input = Claim.Parse(id, Viewer.Today);
        if (input is null)
        {
            Show(Refusal.Invalid(financeText["Reception.BadClaim"]));
            return Load() ? Page() : NotFound();
        }

        var submitted = await matters.SubmitAsync(Viewer, input);
        if (submitted.IsOk)
        {
            Notice = Text["New.Submitted"];
            return Redirect("/matters/" + submitted.Value.Id);
        }

        Show(submitted.Refusal!);
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

/// <summary>A reception claim as the page's form sends it: up to three lines, the attendees by id, one invoice.</summary>
public sealed class ReceptionClaimForm
{
    public string? Title { get; set; }

    public List<ReceptionClaimLineForm> Lines { get; set; } = [];

    public List<Guid> Attending { get; set; } = [];

    public string? InvoiceCode { get; set; }

    public string? InvoiceNumber { get; set; }

    /// <summary>The submission, the claimant paid (they advanced the money); null when a line is malformed. The core checks the rest.</summary>
    public Fenquan.Web.Matters.SubmitInput? Parse(Guid request, DateOnly today)
    {
        var lines = new List<Core.Finance.ClaimLineInput>();
        foreach (var row in Lines.Where(r => !string.IsNullOrWhiteSpace(r.Category) || !string.IsNullOrWhiteSpace(r.Amount)))
        {
            if (!Core.Primitives.AmountText.TryParse(row.Amount, out var amount) || row.Day is not { } day) // "3000", "3,000.00", "¥3,000", "3000元", "1.2万"
            {
                return null;
            }

            var goods = (row.Goods ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            lines.Add(new(row.Category, 1m, amount, amount) { Reception = new ReceptionLineFacts(row.Cost, day, row.Persons, row.Times, goods) });
        }

        if (lines.Count == 0)
        {
            return null;
        }

        return new Fenquan.Web.Matters.SubmitInput
        {
            Kind = Core.Policy.MatterKind.Reception,
            Title = Title,
            Amount = lines.Sum(l => l.Amount),
            PayMe = true,
            Lines = lines,
            Vouchers = string.IsNullOrWhiteSpace(InvoiceNumber) ? null : [new(InvoiceCode, InvoiceNumber)],
            Reception = new ReceptionClaimFacts(request, [.. Attending.Select(p => new PersonId(p))]),
            MatterDate = lines.Select(l => l.Reception!.Day).Where(d => d <= today).DefaultIfEmpty(today).Max(),
        };
    }
}

/// <summary>A reception claim's line as typed: what it pays for, the day, people and times, the amount and the invoice's goods lines (one a line).</summary>
public sealed class ReceptionClaimLineForm
{
    public ReceptionCost Cost { get; set; } = ReceptionCost.Meal;

    public string? Category { get; set; }

    public DateOnly? Day { get; set; }

    public int Persons { get; set; }

    public int Times { get; set; } = 1;

    public string? Amount { get; set; }

    public string? Goods { get; set; }
}
