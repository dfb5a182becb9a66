using System.Globalization;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Matters;

/// <summary>Submit a matter in one of the five areas. The web checks the shape; the policy routes it; the core decides.</summary>
public sealed class NewMatterModel(MatterService matters, Fenquan.Web.Registers.CountyDataService countyData, Fenquan.Web.Registers.CounterpartyService counterparties, IStringLocalizer<SharedResource> text, IStringLocalizer<FinanceResource> financeText, Fenquan.Web.Finance.BudgetService budgets) : FenquanPage(text)
{
    /// <summary>The line rows an expense claim offers on the form (R4); the API takes up to <see cref="Core.Finance.Claim.MaxLines"/>.</summary>
    public const int LineRows = 3;

    /// <summary>The invoice rows the form offers (R8).</summary>
    public const int VoucherRows = 2;

    /// <summary>An expense claim's line rows, as typed.</summary>
    [BindProperty]
    public List<ClaimLineForm> Lines { get; set; } = [];

    /// <summary>An expense claim's invoice rows, as typed.</summary>
    [BindProperty]
    public List<VoucherForm> Vouchers { get; set; } = [];

    /// <summary>R6: the county's registered counterparties, offered as payees.</summary>
    public IReadOnlyList<Fenquan.Web.Registers.CounterpartyView> Counterparties => counterparties.List(Viewer, null) is { IsOk: true } list ? list.Value : [];

    private static readonly Core.Organization.Area[] FiveAreas = [Core.Organization.Area.Finance, Core.Organization.Area.Personnel, Core.Organization.Area.Procurement, Core.Organization.Area.Construction, Core.Organization.Area.AdministrativeApproval];

    [BindProperty(SupportsGet = true)]
    public Core.Organization.Area? Area { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public bool PayMe { get; set; }

    [BindProperty]
    public string? PayeeName { get; set; }

    /// <summary>R18: the catalogue entry a purchase plan names, or "none" (never a self-declared flag, R40).</summary>
    [BindProperty]
    public string? CatalogueCode { get; set; }

    /// <summary>R23, R24: the register item an approval item names.</summary>
    [BindProperty]
    public string? ApprovalItemCode { get; set; }

    /// <summary>The county's catalogue and register in force, for the choices.</summary>
    public Fenquan.Web.Registers.CountyDataView CountyData => _countyData ??= countyData.Read(Viewer);

    private Fenquan.Web.Registers.CountyDataView? _countyData;

    [BindProperty]
    public string? MatterDate { get; set; }

    /// <summary>The budget line the matter is charged to (R4): a code of the unit's confirmed budget for this year, or none.</summary>
    [BindProperty]
    public string? BudgetLine { get; set; }

    /// <summary>The lines of the unit's confirmed budget for this year, to choose from (R4).</summary>
    public IReadOnlyList<Core.Finance.BudgetLine> BudgetLines => budgets.LinesToCharge(Viewer, Viewer.Today.Year);

    public IReadOnlyList<MatterKind> Kinds => (Area is { } area && FiveAreas.Contains(area) ? [area] : FiveAreas).SelectMany(MatterKinds.For).ToList();

    public IActionResult OnGet()
    {
        PayMe = Area is null or Core.Organization.Area.Finance;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Parse();
        if (!input.IsOk)
        {
            Show(input.Refusal!);
            return Page();
        }

        var submitted = await matters.SubmitAsync(Viewer, input.Value);
        if (!submitted.IsOk)
        {
            Show(submitted.Refusal!);
            return Page();
        }

        Notice = Text["New.Submitted"];
        return Redirect("/matters/" + submitted.Value.Id);
    }

    private Result<SubmitInput> Parse()
    {
        if (!Enum.TryParse<MatterKind>(Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            return Refusal.Invalid(Text["New.ChooseKind"]);
        }

        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(Amount))
        {
            // "3000", "3,000.00", "¥3,000", "3000元" and "1.2万" alike.
            if (!Core.Primitives.AmountText.TryParse(Amount, out var parsed))
            {
                return Refusal.Invalid(Text["New.BadAmount"]);
            }

            amount = parsed;
        }

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(MatterDate))
        {
            if (!DateOnly.TryParseExact(MatterDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Refusal.Invalid(Text["New.BadDate"]);
            }

            date = parsed;
        }

        var lines = new List<Core.Finance.ClaimLineInput>();
        foreach (var (row, number) in Lines.Take(Core.Finance.Claim.MaxLines).Select((r, i) => (r, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(row.Category) && string.IsNullOrWhiteSpace(row.Quantity) && string.IsNullOrWhiteSpace(row.UnitPrice))
            {
                continue;
            }

            if (!decimal.TryParse(row.Quantity?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity)
                || !decimal.TryParse(row.UnitPrice?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price))
            {
                return Refusal.Invalid(financeText["Claim.BadLine", number]);
            }

            lines.Add(new(row.Category, quantity, price, decimal.Round(quantity * price, 2, MidpointRounding.AwayFromZero)));
        }

        var vouchers = Vouchers.Take(Core.Finance.Claim.MaxVouchers).Where(v => !string.IsNullOrWhiteSpace(v.Number)).Select(v => new Core.Finance.VoucherInput(v.Code, v.Number)).ToList();
        if (lines.Count > 0 && amount is null)
        {
            amount = lines.Sum(l => l.Amount);
        }

        return Result<SubmitInput>.Ok(new SubmitInput
        {
            Lines = lines.Count > 0 ? lines : null,
            Vouchers = vouchers.Count > 0 ? vouchers : null,
            Kind = kind,
            Title = Title,
            Amount = amount,
            PayMe = PayMe,
            PayeeName = PayeeName,
            ItemCode = kind switch
            {
                MatterKind.PurchasePlan => CatalogueCode,
                MatterKind.ApprovalItem => ApprovalItemCode,
                _ => null,
            },
            MatterDate = date,
            BudgetLine = string.IsNullOrWhiteSpace(BudgetLine) ? null : BudgetLine,
        });
    }
}

/// <summary>A claim line row of the form, as typed.</summary>
public sealed class ClaimLineForm
{
    public string? Category { get; set; }

    public string? Quantity { get; set; }

    public string? UnitPrice { get; set; }
}

/// <summary>An invoice row of the form, as typed.</summary>
public sealed class VoucherForm
{
    public string? Code { get; set; }

    public string? Number { get; set; }
}
