using System.Globalization;
using Fenquan.Core.Attachments;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Api;
using Fenquan.Web.Attachments;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Matters;

/// <summary>
/// Submit a matter in one of the five areas, with its vouchers and documents in the same operation
/// (issue 14), and preview its route first. The web checks the shape; the policy routes it; the core decides.
/// </summary>
[RequestSizeLimit(MaxRequest)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequest)]
public sealed class NewMatterModel(MatterService matters, Fenquan.Web.Registers.CountyDataService countyData, Fenquan.Web.Registers.CounterpartyService counterparties, IStringLocalizer<SharedResource> text, IStringLocalizer<FinanceResource> financeText, Fenquan.Web.Finance.BudgetService budgets, AttachmentService attachmentLimits) : FenquanPage(text)
{
    /// <summary>The line rows an expense claim offers on the form (R4); the API takes up to <see cref="Core.Finance.Claim.MaxLines"/>.</summary>
    public const int LineRows = 3;

    /// <summary>The invoice rows the form offers (R8).</summary>
    public const int VoucherRows = 2;

    /// <summary>The files a submission may carry.</summary>
    public const int MaxFiles = 4;

    /// <summary>
    /// Room for every file at the limit and one more over it: a file too large is then refused by the
    /// attachment check with its name, and the form comes back with what was typed, not an error page.
    /// </summary>
    private const long MaxRequest = (MaxFiles + 1) * 10L * 1024 * 1024 + AttachmentService.Overhead;

    /// <summary>Vouchers and documents submitted with the matter (stored in the same operation).</summary>
    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>The route the facts typed would take (the no-script preview, or after a refusal).</summary>
    public RoutePreviewView? Preview { get; private set; }

    /// <summary>Why the facts typed have no route yet (shown in the preview panel).</summary>
    public PageMessage? PreviewError { get; private set; }

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

        if (RefusedFile() is { } refused)
        {
            Error = refused;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var streams = Files.Select(f => new UploadedFile(f.FileName, f.OpenReadStream())).ToList();
        try
        {
            var submitted = await matters.SubmitAsync(Viewer, input.Value, streams, HttpContext.RequestAborted);
            if (!submitted.IsOk)
            {
                Show(submitted.Refusal!);
                await PreviewAsync(input.Value);
                return Page();
            }

            Notice = Text["New.Submitted"];
            return Redirect("/matters/" + submitted.Value.Id);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.Content.DisposeAsync();
            }
        }
    }

    /// <summary>The no-script preview: the form comes back with everything typed and the route it would take.</summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        var input = Parse();
        if (!input.IsOk)
        {
            PreviewError = Problems.Message(input.Refusal!);
            return Page();
        }

        await PreviewAsync(input.Value);
        return Page();
    }

    private async Task PreviewAsync(SubmitInput input)
    {
        var preview = await matters.PreviewAsync(Viewer, input);
        if (preview.IsOk)
        {
            Preview = RoutePreviewView.Of(preview.Value, input.Amount ?? 0m, Viewer, Text);
        }
        else
        {
            PreviewError = Problems.Message(preview.Refusal!);
        }
    }

    /// <summary>
    /// Each file checked by the core's attachment rules before anything is sent on (the operation checks
    /// again as it stores them), so that a refusal names the file in the viewer's words.
    /// </summary>
    private string? RefusedFile()
    {
        if (Files.Count > MaxFiles)
        {
            return Text["New.TooManyFiles", MaxFiles];
        }

        foreach (var file in Files)
        {
            var head = new byte[AttachmentRules.HeadLength];
            using (var stream = file.OpenReadStream())
            {
                stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            }

            var check = AttachmentRules.Check(head, file.Length, file.FileName, attachmentLimits.Limits);
            if (!check.IsOk)
            {
                var why = check.Refusal!.RuleId == AttachmentRules.TooLargeId ? Text["Attach.TooLarge", file.FileName] : Text["Attach.BadType", file.FileName];
                return Text["New.AttachmentRejected", file.FileName, why];
            }
        }

        return null;
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
                || !Core.Primitives.AmountText.TryParse(row.UnitPrice, out var price))
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
