using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance;

/// <summary>
/// The reversal of a recorded payment (a bounced transfer, a wrong account), under four eyes (R7):
/// the unit's finance staff request it with a reason; a second person — other finance staff or the
/// finance deputy in charge, never the requester — confirms it. Only then is the counter-entry
/// written: a payment of the negative amount (红字冲销) naming the one it reverses, so that the
/// matter's paid total, the budget's payments and commitments and the statements follow from the
/// payments alone, and the original is never changed or deleted. Nobody interested in the matter
/// (its initiator, payee or the payee's relatives) takes either step (R6). A payment is reversed once.
/// </summary>
public sealed class PaymentReversal
{
    public const int MaxReason = 200;

    private PaymentReversal()
    {
        Reason = string.Empty;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public MatterId MatterId { get; private set; }

    /// <summary>The payment reversed.</summary>
    public Guid PaymentId { get; private set; }

    public string Reason { get; private set; }

    public PersonId RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public PersonId? ConfirmedBy { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>The counter-entry written at confirmation; null while the reversal waits for its second person.</summary>
    public Guid? CounterEntryId { get; private set; }

    /// <summary>
    /// Requests the reversal of <paramref name="payment"/>. Checked in this order: the requester has no
    /// interest in the matter (R6); is the unit's finance staff today (R7); the payment is an original
    /// payment (not a counter-entry) with no reversal yet (<paramref name="existing"/>, R7); a reason is given.
    /// </summary>
    public static Result<PaymentReversal> Request(Matter matter, Payment payment, PaymentReversal? existing, PersonId by, string? reason, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(org);
        var allowed = CheckPerson(matter, by, org, now, confirming: false);
        if (!allowed.IsOk)
        {
            return allowed.Refusal!;
        }

        if (payment.MatterId != matter.Id || payment.Amount <= 0m || payment.ReversesId is not null || existing is not null)
        {
            return Refusal.Because("R7", "PaymentReversedOnce", "This payment is reversed already, or is itself a reversal; a payment is reversed once.");
        }

        var text = reason?.Trim() ?? string.Empty;
        if (text.Length is 0 or > MaxReason)
        {
            return Refusal.Because(Refusal.InvalidId, "ReversalReason", "A reversal gives its reason (a bounced transfer, a wrong account …), at most {max} characters.", ("max", MaxReason.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Result<PaymentReversal>.Ok(new PaymentReversal
        {
            Id = Guid.CreateVersion7(),
            CountyId = matter.CountyId,
            UnitId = matter.UnitId,
            MatterId = matter.Id,
            PaymentId = payment.Id,
            Reason = text,
            RequestedBy = by,
            RequestedAt = now,
        });
    }

    /// <summary>
    /// R7, four eyes: a second person confirms the reversal — not its requester, with no interest in
    /// the matter (R6), finance staff or the finance deputy in charge today — and the counter-entry is
    /// returned for the caller to write.
    /// </summary>
    public Result<Payment> Confirm(Matter matter, Payment payment, PersonId by, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(org);
        if (by == RequestedBy)
        {
            return Refusal.Because("R7", "ReversalFourEyes", "{person} requested this reversal; a second person confirms it.", ("person", org.NameOf(by)));
        }

        var allowed = CheckPerson(matter, by, org, now, confirming: true);
        if (!allowed.IsOk)
        {
            return allowed.Refusal!;
        }

        if (ConfirmedBy is not null || payment.Id != PaymentId || matter.Id != MatterId)
        {
            return Refusal.Because("R7", "PaymentReversedOnce", "This payment is reversed already, or is itself a reversal; a payment is reversed once.");
        }

        var counter = Payment.CounterEntry(payment, by, ChinaTime.DateOf(now), now);
        ConfirmedBy = by;
        ConfirmedAt = now;
        CounterEntryId = counter.Id;
        return Result<Payment>.Ok(counter);
    }

    private static Outcome CheckPerson(Matter matter, PersonId by, IOrganizationView org, DateTimeOffset now, bool confirming)
    {
        if (by == matter.InitiatorId || by == matter.Payee.PersonId || matter.PayeeRelatives.Contains(by))
        {
            return Refusal.Because("R6", "PaymentByInterested", "{person} initiated this matter, is paid by it or is tied to its payee; nobody records a payment on such a matter.", ("person", org.NameOf(by)));
        }

        var today = ChinaTime.DateOf(now);
        return org.HoldsRole(matter.UnitId, by, Role.FinanceStaff, today) || (confirming && org.DeputyInCharge(matter.UnitId, Area.Finance, today) == by)
            ? Outcome.Ok
            : Refusal.Because("R7", "ReversalRole", "{person} is neither the unit's finance staff nor, to confirm, its finance deputy on {date}; they reverse payments.",
                ("person", org.NameOf(by)), ("date", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
