using Fenquan.Core.Delegation;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;
using DelegationRow = Fenquan.Core.Delegation.Delegation;

namespace Fenquan.Data.Operations;

/// <summary>Delegation while away (代理): created and revoked through the writer, so every change is ledgered.</summary>
public sealed class DelegationOperations(LedgerWriter writer)
{
    /// <summary>Checked by <see cref="DelegationRules.CheckCreate"/> on the unit's organisation.</summary>
    public Task<Result<DelegationRow>> CreateAsync(CreateDelegation command) =>
        writer.ExecuteAsync(command.CountyId, "delegation.created", ctx =>
        {
            if (!ctx.Db.Units.AsNoTracking().Any(u => u.Id == command.UnitId && u.CountyId == command.CountyId))
            {
                return Refusal.NotFound($"Unit {command.UnitId}");
            }

            var org = OrganizationOperations.LoadUnitView(ctx.Db, command.CountyId, command.UnitId);
            var delegation = DelegationRow.Create(command, org, ctx.Now);
            if (delegation.IsOk)
            {
                ctx.Db.Add(delegation.Value);
            }

            return delegation;
        });

    /// <summary>The delegator or the delegate ends the delegation now; the row stays, with its revocation.</summary>
    public Task<Result<DelegationRow>> RevokeAsync(CountyId county, DelegationId id, PersonId by) =>
        writer.ExecuteAsync(county, "delegation.revoked", ctx =>
        {
            var delegation = ctx.Db.Set<DelegationRow>().SingleOrDefault(d => d.Id == id && d.CountyId == county);
            if (delegation is null)
            {
                return Refusal.NotFound($"Delegation {id}");
            }

            var revoked = delegation.Revoke(by, ctx.Now);
            return revoked.IsOk ? Result<DelegationRow>.Ok(delegation) : revoked.Refusal!;
        });

    /// <summary>The delegations in force at <paramref name="at"/> under which <paramref name="person"/> may act for someone.</summary>
    public static Task<List<DelegationRow>> ActiveForAsync(FenquanDbContext db, CountyId county, PersonId person, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Active(db.Set<DelegationRow>().AsNoTracking().Where(d => d.CountyId == county && d.DelegateId == person), at).ToListAsync(cancellationToken).AsTask();

    /// <summary>The delegations a person has given that are in force at <paramref name="at"/>.</summary>
    public static Task<List<DelegationRow>> GivenByAsync(FenquanDbContext db, CountyId county, PersonId person, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Active(db.Set<DelegationRow>().AsNoTracking().Where(d => d.CountyId == county && d.DelegatorId == person), at).ToListAsync(cancellationToken).AsTask();

    /// <summary>The delegations from one person to another in a unit, for the core to check an action against.</summary>
    public static DelegationSet LoadView(FenquanDbContext db, CountyId county, Core.Primitives.UnitId unit, PersonId delegator, PersonId @delegate) =>
        new(db.Set<DelegationRow>().AsNoTracking().Where(d => d.CountyId == county && d.UnitId == unit && d.DelegatorId == delegator && d.DelegateId == @delegate).ToList());

    // Compared in memory: SQLite cannot compare DateTimeOffset columns in SQL, and a person has few delegations.
    private static IAsyncEnumerable<DelegationRow> Active(IQueryable<DelegationRow> rows, DateTimeOffset at) =>
        rows.AsAsyncEnumerable().Where(d => d.IsActiveAt(at));
}
