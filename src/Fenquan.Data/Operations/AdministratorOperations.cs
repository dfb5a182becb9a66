using Fenquan.Core.CountyAdministration;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// Grants and revocations of county administration under four eyes (R40), with the bootstrap of
/// a county's second administrator. The core decides; this class loads the county's pending
/// changes and its discipline inspection, and the writer ledgers the row and the notices in one
/// unit of work. The caller passes the county's administrator accounts now (they live with the
/// sign-in accounts), and makes the accounts follow the confirmed rows (<see cref="Confirmed"/>).
/// </summary>
public sealed class AdministratorOperations(LedgerWriter writer)
{
    public Task<Result<AdministratorGrant>> ProposeAsync(CountyId county, AdministratorChangeKind kind, string account, PersonId? person, CountyOfficial by, IReadOnlyCollection<string> administrators) =>
        writer.ExecuteAsync(county, "county-administrator.proposed", ctx =>
        {
            var pending = ctx.Db.Set<AdministratorGrant>().Where(g => g.CountyId == county && g.State == AdministratorGrantState.Pending).ToList();
            var proposed = AdministratorGrant.Propose(county, kind, account, person, by, administrators, pending, ctx.Now);
            if (!proposed.IsOk)
            {
                return proposed;
            }

            var inspection = Inspection(ctx, county);
            ctx.Db.Add(proposed.Value);
            ctx.Db.AddRange(AdministratorNotices.Proposed(proposed.Value, inspection, ctx.Now));
            if (proposed.Value.Bootstrap)
            {
                ctx.Db.AddRange(AdministratorNotices.Confirmed(proposed.Value, inspection, ctx.Now));
            }

            return proposed;
        });

    /// <summary>Four eyes: a different county administrator confirms, and the change takes effect.</summary>
    public Task<Result<AdministratorGrant>> ConfirmAsync(CountyId county, Guid id, CountyOfficial by, IReadOnlyCollection<string> administrators) =>
        writer.ExecuteAsync(county, "county-administrator.confirmed", ctx =>
        {
            var change = ctx.Db.Set<AdministratorGrant>().SingleOrDefault(g => g.Id == id && g.CountyId == county);
            if (change is null)
            {
                return Refusal.NotFound("Administrator change " + id.ToString("D"));
            }

            var confirmed = change.Confirm(by, administrators, ctx.Now);
            if (!confirmed.IsOk)
            {
                return confirmed.Refusal!;
            }

            ctx.Db.AddRange(AdministratorNotices.Confirmed(change, Inspection(ctx, county), ctx.Now));
            return Result<AdministratorGrant>.Ok(change);
        });

    public Task<Result<AdministratorGrant>> WithdrawAsync(CountyId county, Guid id, CountyOfficial by) =>
        writer.ExecuteAsync(county, "county-administrator.withdrawn", ctx =>
        {
            var change = ctx.Db.Set<AdministratorGrant>().SingleOrDefault(g => g.Id == id && g.CountyId == county);
            if (change is null)
            {
                return Refusal.NotFound("Administrator change " + id.ToString("D"));
            }

            var withdrawn = change.Withdraw(by, ctx.Now);
            return withdrawn.IsOk ? Result<AdministratorGrant>.Ok(change) : withdrawn.Refusal!;
        });

    /// <summary>The county's administrator changes, newest first.</summary>
    public static IReadOnlyList<AdministratorGrant> Changes(FenquanDbContext db, CountyId county, int take = 100)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<AdministratorGrant>().AsNoTracking().Where(g => g.CountyId == county).OrderByDescending(g => g.Id).Take(take)];
    }

    /// <summary>Every confirmed change of every county, for making the sign-in accounts follow them.</summary>
    public static IReadOnlyList<AdministratorGrant> Confirmed(FenquanDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<AdministratorGrant>().AsNoTracking().Where(g => g.State == AdministratorGrantState.Confirmed)];
    }

    private static PersonId[] Inspection(WriteContext ctx, CountyId county) =>
        ctx.Db.Counties.AsNoTracking().Where(c => c.Id == county).Select(c => c.DisciplineInspectionId).SingleOrDefault() is { } inspector ? [inspector] : [];
}
