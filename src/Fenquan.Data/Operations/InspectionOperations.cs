using System.Globalization;
using Fenquan.Core.Finance;
using Fenquan.Core.Finance.Inspection;
using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Fenquan.Data.Operations;

/// <summary>
/// The principals' voucher inspection (R8): the draw, the findings and the rectification tasks. Each
/// loads what the core needs — the seed checkpoint, the claims paid in the period, who has an
/// interest in a drawn claim, the calendar — lets the core decide, and writes through the ledger
/// writer, so the seed, the sample and every finding and step are ledgered. <c>visible</c> hides a
/// unit the caller may not see (NotFound).
/// </summary>
public sealed class InspectionOperations(LedgerWriter writer)
{
    /// <summary>Draws the unit's sample for the period (<see cref="VoucherInspection.Draw"/>).</summary>
    public Task<Result<VoucherInspection>> DrawAsync(DrawInspection command, DateOnly today) =>
        writer.ExecuteAsync(command.County, "inspection.drawn", ctx =>
        {
            if (!ctx.HasUnit(command.Unit))
            {
                return Refusal.NotFound($"Unit {command.Unit}");
            }

            var county = command.County;
            var period = command.Period;
            var drawn = ctx.Db.Set<VoucherInspection>().Any(i => i.CountyId == county && i.UnitId == command.Unit && i.Period == period.Key);
            var seed = drawn ? null : SeedFor(ctx.Db, county, period);
            var population = seed is null ? [] : Population(ctx.Db, county, command.Unit, period);
            var discipline = ctx.Db.Counties.Where(c => c.Id == county).Select(c => c.DisciplineInspectionId).SingleOrDefault();
            var result = VoucherInspection.Draw(command, drawn, seed, population, id => Interested(ctx, new MatterId(id)), discipline,
                ctx.UnitView(command.Unit), CountyChangeOperations.CalendarInForce(ctx.Db, county), today, ctx.Now);
            if (!result.IsOk)
            {
                return result.Refusal!;
            }

            ctx.Db.Add(result.Value.Inspection);
            ctx.Db.AddRange(result.Value.Items);
            return Result<VoucherInspection>.Ok(result.Value.Inspection);
        });

    /// <summary>Records the finding on one drawn claim, opening a rectification for a problem (<see cref="InspectionItem.Find"/>).</summary>
    public Task<Result<InspectionFinding>> FindAsync(CountyId county, Guid itemId, RecordFinding command, InspectionSettings settings, DateOnly today, Func<UnitId, bool> visible) =>
        writer.ExecuteAsync(county, "inspection.finding", ctx =>
        {
            var item = ctx.Db.Set<InspectionItem>().AsNoTracking().SingleOrDefault(i => i.CountyId == county && i.Id == itemId);
            if (item is null || !visible(item.UnitId))
            {
                return Refusal.NotFound($"Inspected claim {itemId:D}");
            }

            var found = ctx.Db.Set<InspectionFinding>().Any(f => f.CountyId == county && f.ItemId == itemId);
            var result = item.Find(command, found, Interested(ctx, item.MatterId), ctx.UnitView(item.UnitId), CountyChangeOperations.CalendarInForce(ctx.Db, county), settings, today, ctx.Now);
            if (!result.IsOk)
            {
                return result.Refusal!;
            }

            ctx.Db.Add(result.Value.Finding);
            if (result.Value.Task is { } task)
            {
                ctx.Db.Add(task);
            }

            return Result<InspectionFinding>.Ok(result.Value.Finding);
        });

    /// <summary>The responsible deputy's evidence on a rectification task.</summary>
    public Task<Result<RectificationStep>> GiveEvidenceAsync(CountyId county, Guid taskId, PersonId by, string? text, string? attachment, Func<UnitId, bool> visible) =>
        writer.ExecuteAsync(county, "rectification.evidence", ctx => OnTask(ctx, taskId, visible, (task, steps) =>
            task.GiveEvidence(steps, by, text, attachment, ctx.UnitView(task.UnitId), ctx.Now)));

    /// <summary>The inspector's acceptance (closing the task) or sending back.</summary>
    public Task<Result<RectificationStep>> DecideAsync(CountyId county, Guid taskId, PersonId by, bool accept, string? reason, Func<UnitId, bool> visible) =>
        writer.ExecuteAsync(county, accept ? "rectification.accepted" : "rectification.sent-back", ctx => OnTask(ctx, taskId, visible, (task, steps) =>
            task.Decide(steps, by, accept, reason, ctx.UnitView(task.UnitId), ctx.Now)));

    /// <summary>
    /// The checkpoint the period's draw is seeded from: candidates are the first head after the
    /// period's end that a witness cosigned and the latest head after it; the core chooses
    /// (<see cref="InspectionSeed.Choose"/>). Heads are compared by time in memory, the same on both databases.
    /// </summary>
    public static InspectionSeed? SeedFor(FenquanDbContext db, CountyId county, InspectionPeriod period)
    {
        ArgumentNullException.ThrowIfNull(db);
        var end = period.EndsAt;
        var cosigned = db.Set<CosignatureRow>().AsNoTracking().Where(c => c.CountyId == county.Value).Select(c => new { c.TreeSize, c.Witness }).AsEnumerable()
            .GroupBy(c => c.TreeSize).ToDictionary(g => g.Key, g => string.Join(",", g.Select(c => c.Witness).Distinct().Order(StringComparer.Ordinal)));
        var heads = db.TreeHeads.AsNoTracking().Where(h => h.CountyId == county.Value && h.Checkpoint != null)
            .Select(h => new { h.TreeSize, h.RootHash, h.At }).AsEnumerable().Where(h => h.At > end)
            .Select(h => new InspectionSeed(h.TreeSize, Convert.ToBase64String(h.RootHash), h.At, cosigned.GetValueOrDefault(h.TreeSize, string.Empty)))
            .OrderBy(h => h.TreeSize).ToList();
        var candidates = new[] { heads.FirstOrDefault(h => h.Cosigned), heads.LastOrDefault() }.OfType<InspectionSeed>().ToList();
        return InspectionSeed.Choose(candidates, cosigned.Count > 0);
    }

    /// <summary>
    /// The claims of the unit paid in the period, each with what was paid on it: the payments the
    /// server recorded (and ledgered) between the period's start and end, China time. The server's
    /// clock, not the payment's stated day, decides, so a payment recorded late falls into the next
    /// period's sample instead of escaping both, and everything counted is in the ledger before the seed.
    /// A confirmed reversal's counter-entry (<see cref="PaymentReversal"/>) is a payment recorded when
    /// confirmed: one confirmed in the period nets the claim (to nothing, and out, if wholly reversed);
    /// one still waiting for its second person changes nothing.
    /// </summary>
    public static IReadOnlyList<SampleCandidate> Population(FenquanDbContext db, CountyId county, UnitId unit, InspectionPeriod period)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (from, until) = (new DateTimeOffset(period.Start.ToDateTime(TimeOnly.MinValue), InspectionPeriod.ChinaOffset).ToUniversalTime(), period.EndsAt.ToUniversalTime());
        return VoucherSample.ByClaim(db.Database.IsSqlite()
            ? SqlitePayments(db, county, unit, from, until)
            : db.Set<Payment>().AsNoTracking().Where(p => p.CountyId == county && p.UnitId == unit && p.RecordedAt >= from && p.RecordedAt < until)
                .Select(p => new { p.MatterId, p.Amount }).AsEnumerable().Select(p => (p.MatterId.Value, p.Amount)));
    }

    // The greatest offset a DateTimeOffset may carry.
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    /// <summary>
    /// The unit's payments recorded in [from, until) on SQLite, read off the covering index by
    /// SQLitePCL directly: at 1,000,000 payments EF's materialization (a string, then a parse, for
    /// each Guid, decimal and DateTimeOffset) was nearly all of the 5 s the draw took. SQLite keeps
    /// RecordedAt as EF's text "yyyy-MM-dd HH:mm:ss[.fffffff]±hh:mm", the local time then its offset,
    /// so the text orders the local times, not the instants; offsets are at most 14 hours, so the rows
    /// whose local time is within 14 hours of the period are read, those within 14 hours of an end are
    /// parsed and decided by their instant, and the others are in without parsing.
    /// </summary>
    private static IEnumerable<(Guid Matter, decimal Amount)> SqlitePayments(FenquanDbContext db, CountyId county, UnitId unit, DateTimeOffset from, DateTimeOffset until)
    {
        db.Database.OpenConnection();
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
            const string Sql = "SELECT \"MatterId\", \"Amount\", \"RecordedAt\" >= @sureFrom AND \"RecordedAt\" < @sureUntil, \"RecordedAt\" FROM payments " +
                "WHERE \"CountyId\" = @county AND \"UnitId\" = @unit AND \"RecordedAt\" >= @from AND \"RecordedAt\" < @until";
            SqliteRaw.Check(raw.sqlite3_prepare_v2(handle, Sql, out var statement), handle);
            using (statement)
            {
                void Bind(string name, string value) => SqliteRaw.Check(raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, name), value), handle);
                Bind("@county", SqliteRaw.Key(county.Value));
                Bind("@unit", SqliteRaw.Key(unit.Value));
                Bind("@from", LocalText(from - MaxOffset, up: false));
                Bind("@until", LocalText(until + MaxOffset, up: true));
                Bind("@sureFrom", LocalText(from + MaxOffset, up: true));
                Bind("@sureUntil", LocalText(until - MaxOffset, up: false));
                int rc;
                while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
                {
                    if (raw.sqlite3_column_int(statement, 2) == 0)
                    {
                        var at = DateTimeOffset.Parse(raw.sqlite3_column_text(statement, 3).utf8_to_string(), CultureInfo.InvariantCulture);
                        if (at < from || at >= until)
                        {
                            continue;
                        }
                    }

                    // As Microsoft.Data.Sqlite reads them (GetGuid, GetDecimal), without the strings.
                    var matter = Guid.Parse(raw.sqlite3_column_blob(statement, 0));
                    var amount = decimal.Parse(raw.sqlite3_column_blob(statement, 1), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
                    yield return (matter, amount);
                }

                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }
            }
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    // A UTC instant as the text of a local time, whole seconds rounded down or up: compared with the
    // stored text, ">= down" keeps every local time at or after it and "< up" every one before it.
    private static string LocalText(DateTimeOffset instant, bool up)
    {
        var time = instant.UtcDateTime;
        var whole = time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));
        return (up && whole != time ? whole.AddSeconds(1) : whole).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>The unit's inspections, newest period first.</summary>
    public static IReadOnlyList<VoucherInspection> Of(FenquanDbContext db, CountyId county, UnitId unit)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<VoucherInspection>().AsNoTracking().Where(i => i.CountyId == county && i.UnitId == unit).OrderByDescending(i => i.PeriodEnd)];
    }

    /// <summary>One inspection with everything about it, or null.</summary>
    public static InspectionView? View(FenquanDbContext db, CountyId county, Guid id)
    {
        ArgumentNullException.ThrowIfNull(db);
        var inspection = db.Set<VoucherInspection>().AsNoTracking().SingleOrDefault(i => i.CountyId == county && i.Id == id);
        if (inspection is null)
        {
            return null;
        }

        var items = db.Set<InspectionItem>().AsNoTracking().Where(i => i.CountyId == county && i.InspectionId == id).OrderBy(i => i.Order).ToList();
        var matters = items.Select(i => i.MatterId).ToList();
        var titles = db.Matters.AsNoTracking().Where(m => m.CountyId == county && matters.Contains(m.Id)).Select(m => new { m.Id, m.Title }).ToDictionary(m => m.Id, m => m.Title);
        var findings = db.Set<InspectionFinding>().AsNoTracking().Where(f => f.CountyId == county && f.InspectionId == id).ToDictionary(f => f.ItemId);
        var tasks = Tasks(db, county, db.Set<Rectification>().AsNoTracking().Where(t => t.CountyId == county && t.InspectionId == id).ToList());
        return new InspectionView(inspection, items, titles, findings, tasks);
    }

    /// <summary>The rectification tasks a person answers for, open ones first.</summary>
    public static IReadOnlyList<RectificationView> TasksOf(FenquanDbContext db, CountyId county, PersonId responsible)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tasks = Tasks(db, county, db.Set<Rectification>().AsNoTracking().Where(t => t.CountyId == county && t.ResponsibleId == responsible).ToList());
        return [.. tasks.OrderBy(t => t.State == RectificationState.Closed).ThenBy(t => t.Task.Deadline)];
    }

    /// <summary>One rectification task with its steps, or null.</summary>
    public static RectificationView? Task(FenquanDbContext db, CountyId county, Guid id)
    {
        ArgumentNullException.ThrowIfNull(db);
        var task = db.Set<Rectification>().AsNoTracking().SingleOrDefault(t => t.CountyId == county && t.Id == id);
        return task is null ? null : Tasks(db, county, [task]).Single();
    }

    /// <summary>
    /// The county's missed inspections and rectifications on <paramref name="today"/> (<see cref="Overdue.Find"/>),
    /// and the last four periods with paid claims that a unit never drew (<see cref="Overdue.NotDrawn"/>).
    /// </summary>
    public static IReadOnlyList<Overdue> Missed(FenquanDbContext db, CountyId county, DateOnly today, InspectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);
        var inspections = db.Set<VoucherInspection>().AsNoTracking().Where(i => i.CountyId == county).ToList();
        var items = db.Set<InspectionItem>().AsNoTracking().Where(i => i.CountyId == county).ToList();
        var found = db.Set<InspectionFinding>().AsNoTracking().Where(f => f.CountyId == county).Select(f => f.ItemId).ToHashSet();
        var tasks = Tasks(db, county, db.Set<Rectification>().AsNoTracking().Where(t => t.CountyId == county).ToList());
        var paid = new List<(UnitId, InspectionPeriod)>();
        var period = InspectionPeriod.LastEndedBefore(today, settings.Months);
        for (var i = 0; i < 4; i++, period = InspectionPeriod.LastEndedBefore(period.Start, settings.Months))
        {
            var (start, end) = (period.Start, period.End);
            paid.AddRange(db.Set<Core.Finance.Payment>().AsNoTracking().Where(p => p.CountyId == county && p.PaidOn >= start && p.PaidOn <= end)
                .Select(p => p.UnitId).Distinct().AsEnumerable().Select(u => (u, period)));
        }

        var drawn = inspections.Select(i => (i.UnitId, i.Period)).ToHashSet();
        return [.. Overdue.NotDrawn(paid, drawn, settings, CountyChangeOperations.CalendarInForce(db, county), today),
            .. Overdue.Find(inspections, items, found, [.. tasks.Select(t => (t.Task, t.State))], today)];
    }

    private static List<RectificationView> Tasks(FenquanDbContext db, CountyId county, List<Rectification> tasks)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var steps = db.Set<RectificationStep>().AsNoTracking().Where(s => s.CountyId == county && ids.Contains(s.RectificationId)).AsEnumerable()
            .GroupBy(s => s.RectificationId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Number).ToList());
        return [.. tasks.Select(t => new RectificationView(t, steps.GetValueOrDefault(t.Id) ?? []))];
    }

    private static Result<RectificationStep> OnTask(WriteContext ctx, Guid taskId, Func<UnitId, bool> visible, Func<Rectification, IReadOnlyCollection<RectificationStep>, Result<RectificationStep>> act)
    {
        var task = ctx.Db.Set<Rectification>().AsNoTracking().SingleOrDefault(t => t.CountyId == ctx.County && t.Id == taskId);
        if (task is null || !visible(task.UnitId))
        {
            return Refusal.NotFound($"Rectification {taskId:D}");
        }

        var steps = ctx.Db.Set<RectificationStep>().AsNoTracking().Where(s => s.CountyId == ctx.County && s.RectificationId == taskId).ToList();
        var step = act(task, steps);
        if (step.IsOk)
        {
            ctx.Db.Add(step.Value);
        }

        return step;
    }

    private static IReadOnlySet<PersonId> Interested(WriteContext ctx, MatterId matter) =>
        MatterOperations.Load(ctx, matter) is { } loaded ? ClaimInterest.Of(loaded) : new HashSet<PersonId>();
}
