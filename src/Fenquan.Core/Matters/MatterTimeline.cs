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
}

/// <summary>
/// One line of a matter's history: when, who, what, and for the procurement result and payments the
/// amount and to whom; <see cref="Reference"/> is the action's external reference, the result's or the
/// payment's number, <see cref="Text"/> the action's comment or the receipt's note, <see cref="On"/> the
/// day of the result, receipt or payment as recorded.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, PersonId By, TimelineEntryKind Kind, MatterAction? Action, decimal? Amount, Payee? Party, string? Reference, string? Text, DateOnly? On, PaymentMethod? Method = null);

/// <summary>
/// A matter's history as the matter page and the API show it (R16, R18, R42): every action on its
/// route, then what followed its approval — the procurement result, the receipt and each payment —
/// in the order they were recorded, each with who recorded it, when, and the amount.
/// </summary>
public static class MatterTimeline
{
    public static IReadOnlyList<TimelineEntry> Of(Matter matter, PurchaseProgress purchase, IReadOnlyCollection<Payment> payments)
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

        entries.AddRange(payments.Where(p => p.MatterId == matter.Id).Select(p => new TimelineEntry(p.RecordedAt, p.RecordedBy, TimelineEntryKind.Payment, null, p.Amount, p.Payee, p.Reference, null, p.PaidOn, p.Method)));
        return [.. entries.OrderBy(e => e.At)];
    }
}
