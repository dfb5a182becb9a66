using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// An expense claim's line items and vouchers (R4, R8), written in the same unit of work as the
/// matter they belong to (<see cref="MatterOperations.SubmitAsync"/>): the core checks them
/// (<see cref="Claim.Itemise"/>) against the county's invoices already claimed.
/// </summary>
public static class ClaimOperations
{
    /// <summary>Checks and adds the claim's rows for a matter just submitted on this context.</summary>
    public static Outcome Attach(WriteContext ctx, Matter matter, ClaimDetails details)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var keys = Claim.VoucherKeys(details);
        if (!keys.IsOk)
        {
            return keys.Refusal!;
        }

        var wanted = keys.Value.ToList();
        var used = ctx.Db.Set<Voucher>().AsNoTracking().Where(v => v.CountyId == matter.CountyId && wanted.Contains(v.Key)).Select(v => v.Key).ToHashSet();
        var itemised = Claim.Itemise(matter, details, used);
        if (!itemised.IsOk)
        {
            return itemised.Refusal!;
        }

        ctx.Db.AddRange(itemised.Value.Lines);
        ctx.Db.AddRange(itemised.Value.Vouchers);
        return Outcome.Ok;
    }

    public static IReadOnlyList<ClaimLine> LinesOf(FenquanDbContext db, CountyId county, MatterId matter)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<ClaimLine>().AsNoTracking().Where(l => l.CountyId == county && l.MatterId == matter).OrderBy(l => l.Number)];
    }

    public static IReadOnlyList<Voucher> VouchersOf(FenquanDbContext db, CountyId county, MatterId matter)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<Voucher>().AsNoTracking().Where(v => v.CountyId == county && v.MatterId == matter).OrderBy(v => v.Key)];
    }
}
