using Fenquan.Core.Attachments;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Web.Api;
using Fenquan.Web.Attachments;
using Fenquan.Web.Finance;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Matters;

/// <summary>A matter: its route, who acted when, comments, and the actions the viewer may take (the server checks anyway).</summary>
[RequestSizeLimit(AttachmentService.Overhead + 10L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentService.Overhead + 10L * 1024 * 1024)]
public sealed class MatterDetailsModel(MatterService matters, AttachmentService attachments, Fenquan.Web.Registers.CountyDataService countyData, PaymentService payments, ReceptionService receptions, Fenquan.Web.Procurement.PurchaseService purchases, Fenquan.Web.Flags.FlagService flagService, IStringLocalizer<SharedResource> text, IStringLocalizer<FinanceResource> financeText, IStringLocalizer<FlagResource> flagText) : FenquanPage(text)
{
    public Matter? Matter { get; private set; }

    public IReadOnlyList<ActionKind> Available { get; private set; } = [];

    public IStringLocalizer<FinanceResource> FinanceText { get; } = financeText;

    public IStringLocalizer<FlagResource> FlagText { get; } = flagText;

    public IReadOnlyList<string> WaitingFor { get; private set; } = [];

    public IReadOnlyList<Attachment> Attachments { get; private set; } = [];

    /// <summary>R42, R43: the payments on an approved matter that carries money; null otherwise.</summary>
    public PaymentsPanel? Payments { get; private set; }

    [BindProperty]
    public PaymentInput Pay { get; set; } = new();

    /// <summary>The payment's amount as typed ("3000", "3,000.00", "¥3,000", "3000元", "1.2万"), read by <see cref="AmountField"/>.</summary>
    [BindProperty]
    public string? PayAmount { get; set; }

    /// <summary>The purchase result's amount as typed, read by <see cref="AmountField"/>.</summary>
    [BindProperty]
    public string? ResultAmount { get; set; }

    /// <summary>R7: why a payment is to be reversed (a bounced transfer, a wrong account …).</summary>
    [BindProperty]
    public string? ReversalReason { get; set; }

    /// <summary>R16, R18: an approved purchase's result and receipt; null for any other matter.</summary>
    public Fenquan.Web.Procurement.PurchasePanel? Purchase { get; private set; }

    /// <summary>The history: the route's actions, then the purchase's result and receipt and the payments (R16, R18, R42), in order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    [BindProperty]
    public Fenquan.Web.Procurement.PurchaseResultInput Result { get; set; } = new();

    [BindProperty]
    public Fenquan.Web.Procurement.PurchaseReceiptInput Receipt { get; set; } = new();

    /// <summary>R47: the matter's red flags; null when it has none.</summary>
    public Fenquan.Web.Flags.FlagsPanel? Flags { get; private set; }

    [BindProperty]
    public string? FlagReason { get; set; }

    /// <summary>R4, R8: an expense claim's line items and invoices; null for a matter without lines.</summary>
    public ClaimPanel? Claim { get; private set; }

    /// <summary>People who delegated to the viewer and whose step this is (代理): the on-behalf-of choice.</summary>
    public IReadOnlyList<PersonId> ActingFor { get; private set; } = [];

    /// <summary>Whether the viewer may take the step in their own right (otherwise only on someone's behalf).</summary>
    public bool OwnStep => Matter is not null && Viewer.Person is { } me && Viewer.Org is not null && Matter.IsWaitingFor(me, Viewer.Org);

    /// <summary>The initiator may attach while the matter is not final, and so may whoever may act on it now (R8).</summary>
    public bool MayAttach => Matter is not null && Matter.State is not (MatterState.Rejected or MatterState.Withdrawn)
        && (IsInitiator || (Viewer.Person is { } me && Viewer.Org is not null && Matter.IsWaitingFor(me, Viewer.Org)));

    public bool MayEdit => IsInitiator && Matter!.State is MatterState.Pending or MatterState.Approved or MatterState.Returned;
    public bool IsInitiator => Matter is not null && Matter.InitiatorId == Viewer.Person;

    public bool NeedsReference => Matter?.CurrentStep is { } step
        && (step.Kind is StepKind.CollectiveDecision or StepKind.HandOff or StepKind.PublicNotice || step.Actor.Kind is ActorKind.Team or ActorKind.External);

    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public Guid? OnBehalfOf { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostActAsync(Guid id)
    {
        if (!Enum.TryParse<ActionKind>(Action, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            return await ShowAsync(id, Refusal.Invalid(Text["Matter.ChooseAction"]), forbidden: false);
        }

        var outcome = await matters.ActAsync(Viewer, id, new ActInput { Action = kind, Comment = Comment, Reference = Reference, OnBehalfOf = OnBehalfOf });
        if (!outcome.Result.IsOk)
        {
            return await ShowAsync(id, outcome.Result.Refusal!, outcome.Forbidden);
        }

        Notice = Text["Matter.Done", Text.Of(kind)];
        return Redirect("/matters/" + id.ToString("D"));
    }

    public async Task<IActionResult> OnPostAttachAsync(Guid id, IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            return await ShowAsync(id, Refusal.Invalid(Text["Attach.ChooseFile"]), forbidden: false);
        }

        await using var content = file.OpenReadStream();
        var added = await attachments.AddAsync(Viewer, id, file.FileName, content, HttpContext.RequestAborted);
        if (!added.IsOk)
        {
            var refusal = added.Refusal!;
            var worded = refusal.RuleId switch
            {
                AttachmentRules.TooLargeId => refusal with { Reason = Text["Attach.TooLarge", file.FileName] },
                // The page's words name the file; other input refusals (an empty file) keep their own key's words.
                Refusal.InvalidId when refusal.Key == Refusal.InvalidId + "." + AttachmentRules.FileTypeName => Refusal.Invalid(Text["Attach.BadType", file.FileName]),
                _ => refusal,
            };
            return await ShowAsync(id, worded, forbidden: refusal.RuleId == Attachment.RuleId);
        }

        Notice = Text["Attach.Done", added.Value.FileName];
        return Redirect("/matters/" + id.ToString("D"));
    }

    public async Task<IActionResult> OnPostPayAsync(Guid id)
    {
        var amount = AmountField.Read(PayAmount, FinanceText["Pay.Amount"], FinanceText);
        if (!amount.IsOk)
        {
            return await ShowAsync(id, amount.Refusal!, forbidden: false);
        }

        Pay.Amount = amount.Value;
        var paid = await payments.PayAsync(Viewer, id, Pay);
        if (!paid.Result.IsOk)
        {
            return await ShowAsync(id, paid.Result.Refusal!, paid.Forbidden);
        }

        Notice = FinanceText["Pay.Done", Labels.Yuan(paid.Result.Value.Amount)];
        return Redirect("/matters/" + id.ToString("D"));
    }

    public async Task<IActionResult> OnPostRequestReversalAsync(Guid id, Guid paymentId)
    {
        var requested = await payments.RequestReversalAsync(Viewer, paymentId, ReversalReason);
        if (!requested.Result.IsOk)
        {
            return await ShowAsync(id, requested.Result.Refusal!, requested.Forbidden);
        }

        Notice = FinanceText["Reversal.Requested"];
        return Redirect("/matters/" + requested.Result.Value.MatterId.Value.ToString("D"));
    }

    public async Task<IActionResult> OnPostConfirmReversalAsync(Guid id, Guid reversalId)
    {
        var confirmed = await payments.ConfirmReversalAsync(Viewer, reversalId);
        if (!confirmed.Result.IsOk)
        {
            return await ShowAsync(id, confirmed.Result.Refusal!, confirmed.Forbidden);
        }

        Notice = FinanceText["Reversal.Confirmed", Labels.Yuan(-confirmed.Result.Value.Amount)];
        return Redirect("/matters/" + confirmed.Result.Value.MatterId.Value.ToString("D"));
    }

    public async Task<IActionResult> OnPostPurchaseResultAsync(Guid id)
    {
        var amount = AmountField.Read(ResultAmount, FinanceText["Purchase.Amount"], FinanceText);
        if (!amount.IsOk)
        {
            return await ShowAsync(id, amount.Refusal!, forbidden: false);
        }

        Result.Amount = amount.Value;
        var recorded = await purchases.RecordResultAsync(Viewer, id, Result);
        if (!recorded.Result.IsOk)
        {
            return await ShowAsync(id, recorded.Result.Refusal!, recorded.Forbidden);
        }

        Notice = FinanceText["Purchase.ResultDone", recorded.Result.Value.Reference];
        return Redirect("/matters/" + id.ToString("D"));
    }

    public async Task<IActionResult> OnPostReceiptAsync(Guid id)
    {
        var recorded = await purchases.RecordReceiptAsync(Viewer, id, Receipt);
        if (!recorded.Result.IsOk)
        {
            return await ShowAsync(id, recorded.Result.Refusal!, recorded.Forbidden);
        }

        Notice = FinanceText["Purchase.ReceiptDone"];
        return Redirect("/matters/" + id.ToString("D"));
    }

    public async Task<IActionResult> OnPostClearFlagAsync(Guid id, Guid flagId)
    {
        var cleared = await flagService.ClearAsync(Viewer, id, flagId, FlagReason);
        if (!cleared.Result.IsOk)
        {
            return await ShowAsync(id, cleared.Result.Refusal!, cleared.Forbidden);
        }

        Notice = FlagText["Flag.ClearedNotice"];
        return Redirect("/matters/" + id.ToString("D"));
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id)
    {
        var change = await matters.WithdrawAsync(Viewer, id);
        if (!change.IsOk)
        {
            return await ShowAsync(id, change.Refusal!, forbidden: false);
        }

        Notice = Text["Matter.Withdrawn"];
        return Redirect("/matters/" + id.ToString("D"));
    }

    /// <summary>R18: the office may correct the catalogue entry of this purchase plan now.</summary>
    public bool MayCorrectItem => Matter is not null && MatterService.MayCorrectItem(Viewer, Matter);

    /// <summary>The catalogue in force, for the office's correction.</summary>
    public Core.Procurement.ProcurementCatalogue Catalogue => countyData.Read(Viewer).Catalogue;

    [BindProperty]
    public string? ItemCode { get; set; }

    public async Task<IActionResult> OnPostCorrectItemAsync(Guid id)
    {
        var change = await matters.CorrectItemAsync(Viewer, id, ItemCode);
        if (!change.IsOk)
        {
            return await ShowAsync(id, change.Refusal!, forbidden: change.Refusal!.Key == "R18.OnlyOfficeCorrectsItem");
        }

        Notice = Text[change.Value.Material ? "Matter.ItemCorrectedRerouted" : "Matter.ItemCorrected"];
        return Redirect("/matters/" + id.ToString("D"));
    }

    public async Task<IActionResult> OnPostResubmitAsync(Guid id)
    {
        var change = await matters.ResubmitAsync(Viewer, id);
        if (!change.IsOk)
        {
            return await ShowAsync(id, change.Refusal!, forbidden: false);
        }

        Notice = Text["Matter.Resubmitted"];
        return Redirect("/matters/" + id.ToString("D"));
    }

    private async Task<IActionResult> ShowAsync(Guid id, Refusal refusal, bool forbidden)
    {
        if (refusal.IsNotFound || !await LoadAsync(id))
        {
            return NotFound();
        }

        Error = Problems.Message(refusal);
        Response.StatusCode = Problems.StatusOf(refusal, forbidden);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var found = await matters.GetAsync(Viewer, id);
        if (!found.IsOk)
        {
            return false;
        }

        Matter = found.Value;
        ActingFor = await matters.ActingForAsync(Viewer, Matter);
        Available = MatterService.AvailableActions(Viewer, Matter, ActingFor);
        Attachments = (await attachments.ListAsync(Viewer, id)).Value;
        var (lines, vouchers) = payments.ClaimOf(Matter);
        var reception = receptions.OfClaim(Viewer, Matter.Id) is { } request ? ReceptionList.Of(request, p => MatterService.NameOf(Viewer, p)) : null; // R31: the reception list with its claim
        Claim = lines.Count > 0 || vouchers.Count > 0 ? new ClaimPanel(lines, vouchers, reception) : null;
        var matter = Matter;
        var paid = Matter.State == MatterState.Approved && MatterRules.RequiresAmount(Matter.Kind) && Matter.Kind != MatterKind.BudgetRaise ? payments.Of(Matter) : null;
        Payments = paid is null ? null
            : new PaymentsPanel(Matter, paid, PaymentService.MayPay(Viewer, Matter), p => PaymentService.MayRequestReversal(Viewer, matter, paid, p), r => PaymentService.MayConfirmReversal(Viewer, matter, r),
                PayAmount is null ? null : new PaymentTyped(PayAmount, Pay.Method, Pay.Reference));
        var purchase = purchases.PanelOf(Viewer, Matter);
        Purchase = purchase is not null && ResultAmount is not null ? purchase with { Typed = Result, TypedAmount = ResultAmount } : purchase;
        Timeline = MatterTimeline.Of(Matter, Purchase?.Progress ?? Core.Procurement.PurchaseProgress.None, paid?.Payments ?? [], paid?.Reversals);
        var flags = flagService.Of(Viewer, Matter);
        Flags = flags.Flags.Count > 0 ? flags : null;
        WaitingFor = Viewer.Org is null ? [] : Matter.WhoMayActNow(Viewer.Org).Select(Viewer.Org.NameOf).ToList();
        return true;
    }
}
