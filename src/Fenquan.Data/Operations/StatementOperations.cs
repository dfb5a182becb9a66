using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// Quarterly statements (R9): built from the recorded payments and income
/// (<see cref="QuarterlyStatement.Build"/>), tabled on a meeting of the unit's team and published
/// by the finance deputy once the team has seen it (<see cref="Statement"/>); every version is a
/// ledgered row of its own.
/// </summary>
public sealed class StatementOperations(LedgerWriter writer)
{
    /// <summary>Builds the quarter's statement from the data as it stands and tables it on the meeting's agenda.</summary>
    public Task<Result<Statement>> TableAsync(CountyId county, UnitId unit, Quarter quarter, MeetingId meetingId, PersonId by, string? reason, decimal largeItemThreshold) =>
        writer.ExecuteAsync(county, "statement.tabled", ctx =>
        {
            var meeting = ctx.Db.Set<Meeting>().AsNoTracking().FirstOrDefault(m => m.Id == meetingId && m.CountyId == county && m.UnitId == unit);
            if (meeting is null || !ctx.HasUnit(unit))
            {
                return Refusal.NotFound($"Meeting {meetingId}");
            }

            var versions = VersionsOf(ctx.Db, county, unit, quarter);
            var content = Build(ctx.Db, county, unit, quarter, largeItemThreshold);
            var statement = Statement.Table(county, unit, quarter, content, versions.FirstOrDefault(), versions.FirstOrDefault(v => v.State == StatementState.Published),
                meeting, by, reason, ctx.UnitView(unit), ctx.Now);
            if (statement.IsOk)
            {
                ctx.Db.Add(statement.Value);
            }

            return statement;
        });

    /// <summary>R9: publishes a tabled version of the unit's statement once its meeting is held. Another unit's statement is not found.</summary>
    public Task<Result<Statement>> PublishAsync(CountyId county, UnitId unit, Guid statementId, PersonId by) =>
        writer.ExecuteAsync(county, "statement.published", ctx =>
        {
            var statement = ctx.Db.Set<Statement>().FirstOrDefault(s => s.Id == statementId && s.CountyId == county && s.UnitId == unit);
            var meeting = statement is null ? null : ctx.Db.Set<Meeting>().AsNoTracking().FirstOrDefault(m => m.Id == statement.MeetingId && m.CountyId == county);
            if (statement is null || meeting is null)
            {
                return Refusal.NotFound($"Statement {statementId}");
            }

            var lastPublished = VersionsOf(ctx.Db, county, unit, statement.Quarter).FirstOrDefault(v => v.State == StatementState.Published);
            var published = statement.Publish(by, meeting, lastPublished, ctx.UnitView(unit), ctx.Now);
            return published.IsOk ? Result<Statement>.Ok(statement) : published.Refusal!;
        });

    /// <summary>
    /// The quarter's statement as the recorded data stands: the payments made in the quarter on the
    /// unit's matters (with each matter's title, payee and budget line) and the income received.
    /// </summary>
    public static StatementContent Build(FenquanDbContext db, CountyId county, UnitId unit, Quarter quarter, decimal largeItemThreshold)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (first, last) = (quarter.First, quarter.Last);
        var unitName = db.Units.AsNoTracking().Where(u => u.Id == unit && u.CountyId == county).Select(u => u.Name).FirstOrDefault() ?? string.Empty;
        var lines = db.Set<BudgetLine>().AsNoTracking().Where(l => l.CountyId == county && l.UnitId == unit).ToDictionary(l => l.Id);
        var names = new Dictionary<Guid, (string Title, string Payee)>();
        var payments = new List<StatementPayment>();
        foreach (var p in from p in db.Set<Payment>().AsNoTracking()
                          join m in db.Matters.AsNoTracking() on p.MatterId equals m.Id
                          join c in db.Set<BudgetCharge>().AsNoTracking() on new { p.CountyId, p.MatterId } equals new { c.CountyId, c.MatterId } into charges
                          from c in charges.DefaultIfEmpty()
                          where p.CountyId == county && p.UnitId == unit && p.PaidOn >= first && p.PaidOn <= last
                          select new { p.MatterId, m.Kind, m.Title, Payee = p.Payee.Name, LineId = c == null ? (Guid?)null : c.BudgetLineId, p.Amount, p.PaidOn })
        {
            var line = p.LineId is { } id ? lines.GetValueOrDefault(id) : null;
            payments.Add(new StatementPayment(p.MatterId.Value, p.Kind, line?.Code, line?.Name, p.Amount, p.PaidOn));
            names.TryAdd(p.MatterId.Value, (p.Title, p.Payee));
        }

        var income = db.Set<Income>().AsNoTracking().Where(i => i.CountyId == county && i.UnitId == unit && i.ReceivedOn >= first && i.ReceivedOn <= last).ToList();
        return QuarterlyStatement.Build(unitName, quarter, payments, income, largeItemThreshold, _ => names);
    }

    /// <summary>Every version of the unit's statements, newest quarter and version first.</summary>
    public static IReadOnlyList<Statement> Of(FenquanDbContext db, CountyId county, UnitId unit)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<Statement>().AsNoTracking().Where(s => s.CountyId == county && s.UnitId == unit)
            .OrderByDescending(s => s.Year).ThenByDescending(s => s.QuarterNumber).ThenByDescending(s => s.Version)];
    }

    /// <summary>One version, or null when the county has none of that id.</summary>
    public static Statement? Find(FenquanDbContext db, CountyId county, Guid id)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Statement>().AsNoTracking().FirstOrDefault(s => s.Id == id && s.CountyId == county);
    }

    // The quarter's versions, newest first.
    private static List<Statement> VersionsOf(FenquanDbContext db, CountyId county, UnitId unit, Quarter quarter) =>
        [.. db.Set<Statement>().AsNoTracking().Where(s => s.CountyId == county && s.UnitId == unit && s.Year == quarter.Year && s.QuarterNumber == quarter.Number).OrderByDescending(s => s.Version)];
}
