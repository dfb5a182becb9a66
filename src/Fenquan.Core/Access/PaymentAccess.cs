using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

/// <summary>
/// Who is offered the payment step and the income form: the unit's finance staff, on an approved
/// matter of their unit they have no interest in (R6, R7). <see cref="Finance.Payment.Record"/>
/// checks again, with the organisation history, whenever a payment is recorded.
/// </summary>
public static class PaymentAccess
{
    public static bool MayRecordIncome(Asker asker)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.Person is not null && asker.Unit is not null && asker.Holds(Role.FinanceStaff);
    }

    public static bool MayPay(Asker asker, Matter matter)
    {
        ArgumentNullException.ThrowIfNull(matter);
        return MayRecordIncome(asker) && matter.UnitId == asker.Unit && matter.State == MatterState.Approved
            && MatterRules.RequiresAmount(matter.Kind) && !Interested(asker.Person!.Value, matter);
    }

    /// <summary>
    /// R7: who is offered the reversal of a payment — the unit's finance staff with no interest in the
    /// matter (R6), on an original payment not reversed yet (<paramref name="existing"/>).
    /// <see cref="PaymentReversal.Request"/> decides again when it is requested.
    /// </summary>
    public static bool MayRequestReversal(Asker asker, Matter matter, Payment payment, PaymentReversal? existing)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(payment);
        return MayRecordIncome(asker) && matter.UnitId == asker.Unit && payment.MatterId == matter.Id && payment.Amount > 0m
            && payment.ReversesId is null && existing is null && !Interested(asker.Person!.Value, matter);
    }

    /// <summary>
    /// R7, four eyes: who is offered the confirmation of a waiting reversal — a second person, never its
    /// requester, with no interest in the matter (R6): the unit's finance staff or its finance deputy in
    /// charge today. <see cref="PaymentReversal.Confirm"/> decides again when it is confirmed.
    /// </summary>
    public static bool MayConfirmReversal(Asker asker, Matter matter, PaymentReversal reversal, IOrganizationView org)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(reversal);
        ArgumentNullException.ThrowIfNull(org);
        return asker.Person is { } me && asker.Unit == matter.UnitId && reversal.MatterId == matter.Id && reversal.ConfirmedBy is null
            && me != reversal.RequestedBy && !Interested(me, matter)
            && (asker.Holds(Role.FinanceStaff) || org.DeputyInCharge(matter.UnitId, Area.Finance, asker.Today) == me);
    }

    private static bool Interested(PersonId person, Matter matter) =>
        matter.InitiatorId == person || matter.Payee.PersonId == person || matter.PayeeRelatives.Contains(person);
}
