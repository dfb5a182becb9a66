using Fenquan.Core.Access;
using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Hosting;
using Fenquan.Web.Matters;

namespace Fenquan.Web.Finance;

/// <summary>
/// The payment step and income for pages and the API: the core decides (<see cref="Payment.Record"/>,
/// <see cref="Income.Record"/>, <see cref="PaymentAccess"/>), the writer ledgers; this only translates.
/// </summary>
public sealed class PaymentService(DbSession session, PaymentOperations operations, Clock clock)
{
    public const int MaxListed = 200;

    public static bool MayPay(Viewer viewer, Matter matter) => PaymentAccess.MayPay(viewer.Asker, matter);

    public static bool MayRecordIncome(Viewer viewer) => PaymentAccess.MayRecordIncome(viewer.Asker);

    /// <summary>The payments of a matter the viewer sees (the caller has checked that).</summary>
    public PaymentsOfMatter Of(Matter matter)
    {
        ArgumentNullException.ThrowIfNull(matter);
        var payments = PaymentOperations.Of(session.Db, matter.CountyId, matter.Id);
        var result = matter.Kind == Core.Policy.MatterKind.PurchasePlan ? PurchaseOperations.ProgressOf(session.Db, matter.CountyId, matter.Id).Result : null;
        return new(result?.Amount ?? matter.DecidedTerms?.Amount ?? matter.Amount, payments.Sum(p => p.Amount), payments, result?.Supplier, PaymentOperations.ReversalsOf(session.Db, matter.CountyId, matter.Id));
    }

    /// <summary>R7: whether the viewer is offered the reversal of <paramref name="payment"/> (the core decides, <see cref="PaymentAccess.MayRequestReversal"/>).</summary>
    public static bool MayRequestReversal(Viewer viewer, Matter matter, PaymentsOfMatter payments, Payment payment) =>
        PaymentAccess.MayRequestReversal(viewer.Asker, matter, payment, payments.ReversalOf(payment.Id));

    /// <summary>R7: whether the viewer is offered the confirmation of <paramref name="reversal"/> (<see cref="PaymentAccess.MayConfirmReversal"/>).</summary>
    public static bool MayConfirmReversal(Viewer viewer, Matter matter, PaymentReversal reversal) =>
        viewer.Org is { } org && PaymentAccess.MayConfirmReversal(viewer.Asker, matter, reversal, org);

    /// <summary>R7: finance staff request the reversal of a payment with a reason; 403 for those who have no part in reversals.</summary>
    public async Task<PaymentOutcome<PaymentReversal>> RequestReversalAsync(Viewer viewer, Guid paymentId, string? reason)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Person is not { } me)
        {
            return new(Refusal.NotFound("Payment " + paymentId.ToString("D")), false);
        }

        var result = await operations.RequestReversalAsync(viewer.County, paymentId, me, reason, viewer.MaySee);
        return new(result, IsForbidden(result));
    }

    /// <summary>R7, four eyes: a second person confirms a reversal; the counter-entry is returned.</summary>
    public async Task<PaymentOutcome<Payment>> ConfirmReversalAsync(Viewer viewer, Guid reversalId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Person is not { } me)
        {
            return new(Refusal.NotFound("Payment reversal " + reversalId.ToString("D")), false);
        }

        var result = await operations.ConfirmReversalAsync(viewer.County, reversalId, me, viewer.MaySee);
        return new(result, IsForbidden(result));
    }

    // A refusal of the person (interested, not finance, the requester again) is a 403; a reversed payment is a 409.
    private static bool IsForbidden<T>(Result<T> result) =>
        !result.IsOk && result.Refusal!.Key is "R6.PaymentByInterested" or "R7.ReversalRole" or "R7.ReversalFourEyes";

    /// <summary>The line items and invoices of a claim the viewer sees (the caller has checked that).</summary>
    public (IReadOnlyList<ClaimLine> Lines, IReadOnlyList<Voucher> Vouchers) ClaimOf(Matter matter)
    {
        ArgumentNullException.ThrowIfNull(matter);
        return (ClaimOperations.LinesOf(session.Db, matter.CountyId, matter.Id), ClaimOperations.VouchersOf(session.Db, matter.CountyId, matter.Id));
    }

    public async Task<PaymentOutcome<Payment>> PayAsync(Viewer viewer, Guid matterId, PaymentInput input)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Amount is not { } amount || input.Method is not { } method || (input.PayeeName?.Length ?? 0) > 200 || (input.Reference?.Length ?? 0) > Payment.MaxReference)
        {
            return new(Refusal.Because(Refusal.InvalidId, "PaymentFields", "A payment names its amount, its method (TreasuryDirect, OfficialCard or BankTransfer) and its reference (at most {max} characters).", ("max", Payment.MaxReference.ToString(System.Globalization.CultureInfo.InvariantCulture))), false);
        }

        if (viewer.Person is not { } me)
        {
            return new(Refusal.NotFound("Matter " + matterId.ToString("D")), false);
        }

        var today = clock.Today;
        Matter? approved = null;
        var result = await operations.RecordAsync(viewer.County, new MatterId(matterId), new RecordPayment(me, amount, PayeeOf(input) ?? Payee.None, method, input.Reference, input.PaidOn ?? today), m =>
        {
            approved = m;
            return viewer.MaySee(m);
        });
        return new(result, !result.IsOk && approved is not null && !PaymentAccess.MayRecordIncome(viewer.Asker));
    }

    public async Task<PaymentOutcome<Income>> RecordIncomeAsync(Viewer viewer, IncomeInput input)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        if (viewer.Person is not { } me || viewer.Unit is not { } unit)
        {
            return new(Refusal.NotFound("Unit"), false);
        }

        if (input.Kind is not { } kind || input.Amount is not { } amount || (input.Source?.Length ?? 0) > Income.MaxText || (input.Voucher?.Length ?? 0) > Income.MaxText)
        {
            return new(Refusal.Because(Refusal.InvalidId, "IncomeFormFields", "Income names its kind (Appropriation, NonTaxRevenue or Other), amount, source and voucher (at most {max} characters each).", ("max", Income.MaxText.ToString(System.Globalization.CultureInfo.InvariantCulture))), false);
        }

        var result = await operations.RecordIncomeAsync(viewer.County, unit, new RecordIncome(me, kind, amount, input.Source, input.Voucher, input.ReceivedOn ?? clock.Today));
        return new(result, !result.IsOk && !PaymentAccess.MayRecordIncome(viewer.Asker));
    }

    /// <summary>The unit's approved matters to pay, unpaid first, with what was paid on each: for finance staff only.</summary>
    public IReadOnlyList<(Matter Matter, decimal Paid)> ToPay(Viewer viewer) =>
        PaymentAccess.MayRecordIncome(viewer.Asker) ? PaymentOperations.ToPay(session.Db, viewer.County, viewer.Unit!.Value, MaxListed) : [];

    /// <summary>The unit's income, newest first: finance staff and those who see the whole unit.</summary>
    public IReadOnlyList<Income> IncomeOf(Viewer viewer) =>
        viewer.Unit is { } unit && (PaymentAccess.MayRecordIncome(viewer.Asker) || MatterAccess.SeesWholeUnit(viewer.Roles)) ? PaymentOperations.IncomeOf(session.Db, viewer.County, unit, MaxListed) : [];

    // The payee the finance staff name, or null: the approved (or decided) payee.
    private static Payee? PayeeOf(PaymentInput input) =>
        input.PayeePersonId is { } person ? Payee.Person(new PersonId(person), string.Empty)
        : input.PayeeCounterpartyId is { } counterparty ? Payee.Counterparty(new CounterpartyId(counterparty), string.Empty)
        : string.IsNullOrWhiteSpace(input.PayeeName) ? null
        : Payee.Named(input.PayeeName.Trim());
}
