using Fenquan.Core.Matters;
using Fenquan.Core.Organization;

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
            && MatterRules.RequiresAmount(matter.Kind) && matter.InitiatorId != asker.Person && matter.Payee.PersonId != asker.Person
            && !matter.PayeeRelatives.Contains(asker.Person!.Value);
    }
}
