using Fenquan.Core.Access;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Finance;
using Fenquan.Web.Hosting;

namespace Fenquan.Web.Procurement;

/// <summary>
/// A purchase after approval for pages and the API (R16, R18): the core decides
/// (<see cref="PurchaseResult.Record"/>, <see cref="PurchaseReceipt.Record"/>, <see cref="PurchaseAccess"/>),
/// the writer ledgers; this only translates.
/// </summary>
public sealed class PurchaseService(DbSession session, PurchaseOperations operations, Clock clock)
{
    /// <summary>The result and receipt of a matter the viewer sees (the caller has checked that).</summary>
    public PurchaseProgress ProgressOf(Matter matter)
    {
        ArgumentNullException.ThrowIfNull(matter);
        return matter.Kind == MatterKind.PurchasePlan ? PurchaseOperations.ProgressOf(session.Db, matter.CountyId, matter.Id) : PurchaseProgress.None;
    }

    /// <summary>The panel of an approved purchase; null for any other matter.</summary>
    public PurchasePanel? PanelOf(Viewer viewer, Matter matter)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(matter);
        if (matter.Kind != MatterKind.PurchasePlan || matter.State != MatterState.Approved)
        {
            return null;
        }

        var progress = ProgressOf(matter);
        return new(matter, progress, PurchaseAccess.MayRecordResult(viewer.Asker, matter, progress), PurchaseAccess.MayRecordReceipt(viewer.Asker, matter, progress), clock.Today);
    }

    public async Task<PaymentOutcome<PurchaseResult>> RecordResultAsync(Viewer viewer, Guid matterId, PurchaseResultInput input)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Amount is not { } amount || input.Method is not { } method || (input.SupplierName?.Length ?? 0) > 200 || (input.Reference?.Length ?? 0) > PurchaseResult.MaxReference)
        {
            return new(Refusal.Because(Refusal.InvalidId, "ResultFormFields", "A result names the centre's reference (at most {max} characters), the method (FrameworkAgreement, ProcurementCentre or OpenTender), the supplier and the amount.", ("max", PurchaseResult.MaxReference.ToString(System.Globalization.CultureInfo.InvariantCulture))), false);
        }

        if (viewer.Person is not { } me)
        {
            return new(Refusal.NotFound("Matter " + matterId.ToString("D")), false);
        }

        var supplier = input.SupplierCounterpartyId is { } id ? Payee.Counterparty(new CounterpartyId(id), string.Empty)
            : string.IsNullOrWhiteSpace(input.SupplierName) ? Payee.None : Payee.Named(input.SupplierName.Trim());
        var command = new RecordPurchaseResult(me, input.Reference, method, supplier, amount, input.ResultOn ?? clock.Today);
        var result = await operations.RecordResultAsync(viewer.County, new MatterId(matterId), command, viewer.MaySee);
        return new(result, Forbidden(result));
    }

    public async Task<PaymentOutcome<PurchaseReceipt>> RecordReceiptAsync(Viewer viewer, Guid matterId, PurchaseReceiptInput input)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(input);
        if (viewer.Person is not { } me)
        {
            return new(Refusal.NotFound("Matter " + matterId.ToString("D")), false);
        }

        var result = await operations.RecordReceiptAsync(viewer.County, new MatterId(matterId), new RecordPurchaseReceipt(me, input.ReceivedOn ?? clock.Today, input.Note), viewer.MaySee);
        return new(result, Forbidden(result));
    }

    // Who may not record it at all (not a fact of the purchase): 403 rather than 409.
    private static bool Forbidden<T>(Result<T> result) =>
        !result.IsOk && result.Refusal!.Key is "R18.ResultRecorder" or "R6.ResultByInterested" or "R16.ReceiptByProposer" or "R6.ReceiptByInterested" or "R1.ReceiptOutsideUnit";
}
