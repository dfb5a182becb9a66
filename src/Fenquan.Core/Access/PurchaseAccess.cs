using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Procurement;

namespace Fenquan.Core.Access;

/// <summary>
/// Who is offered the forms of a purchase after its approval (R16, R18): the centre's result to
/// the unit's office and deputies (the one in charge of procurement is checked by
/// <see cref="PurchaseResult.Record"/> with the organisation history), the receipt to anyone of the
/// unit but its proposer, payee and their ties. The core checks again whenever one is recorded.
/// </summary>
public static class PurchaseAccess
{
    public static bool MayRecordResult(Asker asker, Matter matter, PurchaseProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return IsFree(asker, matter) && PurchaseResult.HandedOffAt(matter) is not null && progress.Result is null
            && (asker.Holds(Role.OfficeReviewer) || asker.Holds(Role.Deputy));
    }

    public static bool MayRecordReceipt(Asker asker, Matter matter, PurchaseProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return IsFree(asker, matter) && matter.State == MatterState.Approved && progress.Receipt is null
            && (progress.Result is not null || !PurchaseResult.IsHandedOffPurchase(matter));
    }

    // Of the matter's unit, and with no interest in the purchase (R6, R16).
    private static bool IsFree(Asker asker, Matter matter)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(matter);
        return asker.Person is { } me && matter.Kind == MatterKind.PurchasePlan && matter.UnitId == asker.Unit
            && !PurchaseReceipt.IsInterested(matter, me);
    }
}
