using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// Budgets by line (R4, R5): the import of the finance bureau's approval, its confirmation by a
/// second official, the line a money matter is charged to, and the check that an approval keeps
/// its line at or above zero. The core decides (<see cref="Budget"/>, <see cref="BudgetCharge"/>,
/// <see cref="BudgetPosition"/>); the writer ledgers every row.
/// </summary>
public sealed class BudgetOperations(LedgerWriter writer)
{
    /// <summary>Imports the sheet's rows as the unit's pending budget for the year (all or nothing).</summary>
    public Task<Result<Budget>> ImportAsync(CountyId county, UnitId unit, int year, string? document, IReadOnlyList<BudgetSheetRow> rows, PersonId by) =>
        writer.ExecuteAsync(county, "budget.imported", ctx =>
        {
            if (!ctx.HasUnit(unit))
            {
                return Refusal.NotFound($"Unit {unit}");
            }

            var existing = ctx.Db.Set<Budget>().AsNoTracking().FirstOrDefault(b => b.CountyId == county && b.UnitId == unit && b.Year == year);
            var budget = Budget.Import(county, unit, year, document, rows, by, existing, ctx.UnitView(unit), ctx.Now);
            if (budget.IsOk)
            {
                ctx.Db.Add(budget.Value);
            }

            return budget;
        });

    /// <summary>R5: a second official confirms the unit's pending budget. <paramref name="unit"/> is the caller's unit: another unit's budget is not found.</summary>
    public Task<Result<Budget>> ConfirmAsync(CountyId county, UnitId unit, Guid budgetId, PersonId by) =>
        writer.ExecuteAsync(county, "budget.confirmed", ctx =>
        {
            var budget = ctx.Db.Set<Budget>().Include(b => b.Lines).FirstOrDefault(b => b.Id == budgetId && b.CountyId == county && b.UnitId == unit);
            if (budget is null)
            {
                return Refusal.NotFound($"Budget {budgetId}");
            }

            var confirmed = budget.Confirm(by, ctx.UnitView(unit), ctx.Now);
            return confirmed.IsOk ? Result<Budget>.Ok(budget) : confirmed.Refusal!;
        });

    /// <summary>R4: charges a matter just submitted on this context to a line of its unit's confirmed budget for the year.</summary>
    public static Outcome Charge(WriteContext ctx, Matter matter, string code)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(matter);
        var line = ConfirmedLine(ctx.Db, matter.CountyId, matter.UnitId, matter.SubmittedOn.Year, code?.Trim() ?? string.Empty);
        var charge = BudgetCharge.Name(matter, code, line);
        if (!charge.IsOk)
        {
            return charge.Refusal!;
        }

        ctx.Db.Add(charge.Value);
        return Outcome.Ok;
    }

    /// <summary>
    /// R4: a matter this unit of work has just approved must keep its budget line at or above zero;
    /// a matter charged to no line passes.
    /// </summary>
    public static Outcome CheckApproval(WriteContext ctx, Matter matter)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(matter);
        // A matter submitted since matters carry their code and without one is charged to no line: no
        // query inside the serialized writer. An older matter's code is not filled in afterwards (that
        // would change rows behind the ledger's back), so its charge is still looked up.
        return matter.State != MatterState.Approved ? Outcome.Ok : CheckSpending(ctx, matter, matter.DecidedTerms?.Amount ?? matter.Amount);
    }

    /// <summary>
    /// R4, R43: a meeting's decision to approve <paramref name="amount"/> on a matter charged to a
    /// budget line must keep the line at or above zero, as a single approver's approval must.
    /// </summary>
    public static Outcome CheckSpending(WriteContext ctx, Matter matter, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(matter);
        if (matter.Kind == Core.Policy.MatterKind.BudgetRaise || (matter.BudgetCode is null && matter.SubmittedAt >= CodeRecordedSince))
        {
            return Outcome.Ok;
        }

        var line = LineOf(ctx.Db, matter.CountyId, matter.Id);
        if (line is null)
        {
            return Outcome.Ok;
        }

        var position = PositionsOf(ctx.Db, matter.CountyId, matter.UnitId, [line], except: matter.Id).Single();
        return position.CheckApproval(amount);
    }

    /// <summary>R4–R6: a budget-raise matter this unit of work has just approved raises its line (the line's row is ledgered); other matters pass.</summary>
    public static Outcome RaiseOnApproval(WriteContext ctx, Matter matter)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(matter);
        if (matter.Kind != Core.Policy.MatterKind.BudgetRaise)
        {
            return Outcome.Ok;
        }

        var line = (from c in ctx.Db.Set<BudgetCharge>()
                    join l in ctx.Db.Set<BudgetLine>() on c.BudgetLineId equals l.Id
                    where c.CountyId == matter.CountyId && c.MatterId == matter.Id
                    select l).FirstOrDefault();
        return line is null ? Refusal.Because("R4", "RaiseNamesLine", "A budget raise names the budget line it raises, the amount and the reason.") : line.RaiseBy(matter);
    }

    /// <summary>From this instant on every charged matter carries its line's code (<see cref="Matter.BudgetCode"/>).</summary>
    public static readonly DateTimeOffset CodeRecordedSince = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    /// <summary>The unit's budget for the year (pending or confirmed) with its lines, or null.</summary>
    public static Budget? BudgetOf(FenquanDbContext db, CountyId county, UnitId unit, int year)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Budget>().AsNoTracking().Include(b => b.Lines).FirstOrDefault(b => b.CountyId == county && b.UnitId == unit && b.Year == year);
    }

    /// <summary>Each line of the unit's budget for the year with its commitments, payments and balance, in code order; empty without a budget.</summary>
    public static IReadOnlyList<BudgetPosition> Positions(FenquanDbContext db, CountyId county, UnitId unit, int year)
    {
        var budget = BudgetOf(db, county, unit, year);
        return budget is null ? [] : PositionsOf(db, county, unit, [.. budget.Lines.OrderBy(l => l.Code, StringComparer.Ordinal)], except: null);
    }

    /// <summary>The budget line a matter is charged to, or null.</summary>
    public static BudgetLine? LineOf(FenquanDbContext db, CountyId county, MatterId matter)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (from c in db.Set<BudgetCharge>().AsNoTracking()
                join l in db.Set<BudgetLine>().AsNoTracking() on c.BudgetLineId equals l.Id
                where c.CountyId == county && c.MatterId == matter
                select l).FirstOrDefault();
    }

    private static BudgetLine? ConfirmedLine(FenquanDbContext db, CountyId county, UnitId unit, int year, string code) =>
        (from b in db.Set<Budget>().AsNoTracking()
         join l in db.Set<BudgetLine>().AsNoTracking() on b.Id equals l.BudgetId
         where b.CountyId == county && b.UnitId == unit && b.Year == year && b.State == BudgetState.Confirmed && l.Code == code
         select l).FirstOrDefault();

    // The approved matters charged to each line (less `except`), with what each may pay and what was paid on it.
    private static List<BudgetPosition> PositionsOf(FenquanDbContext db, CountyId county, UnitId unit, IReadOnlyList<BudgetLine> lines, MatterId? except)
    {
        var ids = lines.Select(l => l.Id).ToList();
        var approved = (from c in db.Set<BudgetCharge>().AsNoTracking()
                        join m in db.Matters.AsNoTracking() on c.MatterId equals m.Id
                        where c.CountyId == county && c.UnitId == unit && ids.Contains(c.BudgetLineId) && m.State == MatterState.Approved && m.Kind != Core.Policy.MatterKind.BudgetRaise
                        select new { c.BudgetLineId, m.Id, m.Amount, m.DecidedTerms }).AsEnumerable()
            .Where(x => x.Id != except).ToList();
        var matterIds = approved.Select(x => x.Id).ToList();
        var paid = db.Set<Payment>().AsNoTracking().Where(p => p.CountyId == county && p.UnitId == unit && matterIds.Contains(p.MatterId))
            .Select(p => new { p.MatterId, p.Amount }).AsEnumerable()
            .GroupBy(p => p.MatterId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        var byLine = approved.ToLookup(x => x.BudgetLineId, x => (x.DecidedTerms?.Amount ?? x.Amount, paid.GetValueOrDefault(x.Id)));
        return [.. lines.Select(l => BudgetPosition.Of(l, byLine[l.Id]))];
    }
}
