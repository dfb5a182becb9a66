using Fenquan.Core.Finance;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;

namespace Fenquan.Core.Matters;

/// <summary>What a timeline entry records: a step's action, or what happened after approval.</summary>
public enum TimelineEntryKind
{
    /// <summary>An action on the matter's route (<see cref="TimelineEntry.Action"/>).</summary>
    Action,

    /// <summary>R18: the procurement centre's or tender's result: supplier and amount.</summary>
    PurchaseResult,

    /// <summary>R16: the receipt (验收) of what was bought, by someone other than the proposer.</summary>
    PurchaseReceipt,

    /// <summary>R42: a payment on the approved matter.</summary>
    Payment,

    /// <summary>R7: finance staff asked to reverse a payment, with the reason (<see cref="TimelineEntry.Text"/>); a second person confirms.</summary>
    ReversalRequested,

    /// <summary>R7: a second person confirmed a reversal; its counter-entry (the negative amount) is written.</summary>
    PaymentReversed,
}

/// <summary>
/// One line of a matter's history: when, who, what, and for the procurement result and payments the
/// amount and to whom; <see cref="Reference"/> is the action's external reference, the result's or the
/// payment's number, <see cref="Text"/> the action's comment or the receipt's note, <see cref="On"/> the
/// day of the result, receipt or payment as recorded.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, PersonId By, TimelineEntryKind Kind, MatterAction? Action, decimal? Amount, Payee? Party, string? Reference, string? Text, DateOnly? On, PaymentMethod? Method = null);

/// <summary>
/// A matter's history as the matter page and the API show it (R7, R16, R18, R42): every action on its
/// route, then what followed its approval — the procurement result, the receipt, each payment, each
/// reversal requested and each confirmed (its counter-entry) — in the order they were recorded, each
/// with who recorded it, when, and the amount.
/// </summary>
public static class MatterTimeline
{
    public static IReadOnlyList<TimelineEntry> Of(Matter matter, PurchaseProgress purchase, IReadOnlyCollection<Payment> payments, IReadOnlyCollection<PaymentReversal>? reversals = null)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(purchase);
        ArgumentNullException.ThrowIfNull(payments);
        var entries = matter.Actions.Select(a => new TimelineEntry(a.At, a.ActorId, TimelineEntryKind.Action, a, null, null, a.ExternalReference, a.Comment, null)).ToList();
        if (purchase.Result is { } result)
        {
            entries.Add(new TimelineEntry(result.RecordedAt, result.RecordedBy, TimelineEntryKind.PurchaseResult, null, result.Amount, result.Supplier, result.Reference, null, result.ResultOn));
        }

        if (purchase.Receipt is { } receipt)
        {
            entries.Add(new TimelineEntry(receipt.RecordedAt, receipt.RecordedBy, TimelineEntryKind.PurchaseReceipt, null, null, null, null, receipt.Note, receipt.ReceivedOn));
        }

        var reasons = (reversals ?? []).Where(r => r.MatterId == matter.Id).ToDictionary(r => r.PaymentId);
        var paid = payments.Where(p => p.MatterId == matter.Id).ToDictionary(p => p.Id);
        entries.AddRange(paid.Values.Select(p => new TimelineEntry(p.RecordedAt, p.RecordedBy, p.ReversesId is null ? TimelineEntryKind.Payment : TimelineEntryKind.PaymentReversed, null, p.Amount, p.Payee, p.Reference,
            p.ReversesId is { } reversed && reasons.TryGetValue(reversed, out var why) ? why.Reason : null, p.PaidOn, p.Method)));
        foreach (var r in reasons.Values)
        {
            if (paid.TryGetValue(r.PaymentId, out var p))
            {
                entries.Add(new TimelineEntry(r.RequestedAt, r.RequestedBy, TimelineEntryKind.ReversalRequested, null, p.Amount, p.Payee, p.Reference, r.Reason, p.PaidOn, p.Method));
            }
        }
        return [.. entries.OrderBy(e => e.At)];
    }
}
