using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// A purchase after its approval (R16, R18): the centre's or tender's result and the receipt. The
/// core decides (<see cref="PurchaseResult.Record"/>, <see cref="PurchaseReceipt.Record"/>); the
/// writer ledgers each row in the same transaction as the check. The payment step reads
/// <see cref="ProgressOf"/> (<see cref="PaymentOperations"/>).
/// </summary>
public sealed class PurchaseOperations(LedgerWriter writer)
{
    /// <summary>
    /// Records the result of a handed-off purchase. The supplier as written (a counterparty id, or
    /// its name or credit code) is resolved against the county's register (R6, R18).
    /// <paramref name="visible"/> hides matters the caller may not see (NotFound).
    /// </summary>
    public Task<Result<PurchaseResult>> RecordResultAsync(CountyId county, MatterId matterId, RecordPurchaseResult command, Func<Matter, bool>? visible = null) =>
        writer.ExecuteAsync(county, "purchase.result", ctx =>
        {
            var matter = MatterOperations.Load(ctx, matterId);
            if (matter is null || (visible is not null && !visible(matter)))
            {
                return Refusal.NotFound($"Matter {matterId}");
            }

            var supplier = command.Supplier.IsNone ? Result<Payee>.Ok(command.Supplier) : MatterOperations.Registered(ctx.Db, county, command.Supplier);
            if (!supplier.IsOk)
            {
                return supplier.Refusal!;
            }

            var ties = supplier.Value.CounterpartyId is { } id ? CounterpartyOperations.TiedTo(ctx.Db, county, id) : [];
            var result = PurchaseResult.Record(matter, ProgressOf(ctx.Db, county, matterId).Result, command with { Supplier = supplier.Value }, ties, ctx.UnitView(matter.UnitId), ctx.Now);
            if (result.IsOk)
            {
                ctx.Db.Add(result.Value);
            }

            return result;
        });

    /// <summary>Records the receipt (验收) of an approved purchase.</summary>
    public Task<Result<PurchaseReceipt>> RecordReceiptAsync(CountyId county, MatterId matterId, RecordPurchaseReceipt command, Func<Matter, bool>? visible = null) =>
        writer.ExecuteAsync(county, "purchase.received", ctx =>
        {
            var matter = MatterOperations.Load(ctx, matterId);
            if (matter is null || (visible is not null && !visible(matter)))
            {
                return Refusal.NotFound($"Matter {matterId}");
            }

            var progress = ProgressOf(ctx.Db, county, matterId);
            var supplier = progress.Result?.Supplier.CounterpartyId;
            var ties = supplier is { } id ? CounterpartyOperations.TiedTo(ctx.Db, county, id) : [];
            var receipt = PurchaseReceipt.Record(matter, progress, command, ties, ctx.UnitView(matter.UnitId), ctx.Now);
            if (receipt.IsOk)
            {
                ctx.Db.Add(receipt.Value);
            }

            return receipt;
        });

    /// <summary>The result and receipt of a matter (none for a matter that is no purchase).</summary>
    public static PurchaseProgress ProgressOf(FenquanDbContext db, CountyId county, MatterId matter)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new(
            db.Set<PurchaseResult>().AsNoTracking().FirstOrDefault(r => r.CountyId == county && r.MatterId == matter),
            db.Set<PurchaseReceipt>().AsNoTracking().FirstOrDefault(r => r.CountyId == county && r.MatterId == matter));
    }
}
