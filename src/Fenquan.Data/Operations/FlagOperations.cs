using System.Collections.Concurrent;
using Fenquan.Core.Flags;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fenquan.Data.Operations;

/// <summary>
/// Red flags (R47). At submission (and approval) the matter operations call in here, inside their
/// unit of work: the facts are read through indexed queries (unit, supplier or category, day), the
/// core decides (<see cref="FlagChecks"/>), and the purchase record and any flag are written with the
/// matter and ledgered with it. Clearing is a ledgered change of its own.
/// </summary>
public sealed class FlagOperations(LedgerWriter writer)
{
    /// <summary>
    /// R47 at submission: threshold hugging for every matter with an amount; for a purchase plan also
    /// its purchase record, split purchase by supplier and by category, and the repeated supplier.
    /// </summary>
    public static void RaiseAtSubmission(WriteContext ctx, Matter matter, PolicyDocument policy, CatalogueEntry? entry, FlagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(settings);
        if (!MatterRules.RequiresAmount(matter.Kind))
        {
            return;
        }

        var limits = FlagLimits.Of(policy, matter.Facts, entry);
        var found = new List<FlagFinding>(2);
        if (FlagChecks.ThresholdHugging(matter.Amount, limits, settings) is { } hugging)
        {
            found.Add(hugging);
        }

        if (matter.Kind == MatterKind.PurchasePlan)
        {
            var record = PurchaseRecord.Of(matter, entry?.Category, FlagLimits.Nearest(limits, matter.Amount));
            found.AddRange(Check(ctx.Db, record, settings));
            ctx.Db.Add(record);
        }

        foreach (var finding in found)
        {
            ctx.Db.Add(RedFlag.Raise(matter, finding, ctx.Now));
        }
    }

    /// <summary>
    /// The purchase-plan checks of R47 for <paramref name="record"/> against the purchases already
    /// stored: split purchase by supplier and by category, and the repeated supplier. Reads only
    /// the window indexes (see <c>PurchaseRecordConfiguration</c>).
    /// </summary>
    public static IReadOnlyList<FlagFinding> Check(FenquanDbContext db, PurchaseRecord record, FlagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(settings);
        var found = new List<FlagFinding>(2);
        var queries = QueriesOf(db.Model);
        var from = FlagChecks.WindowStart(record.SubmittedDay, settings);
        if (record.CounterpartyId is { } supplier)
        {
            // One read of the supplier's purchases in this unit serves both checks: the window (which
            // may reach into last year) and the year's count.
            var (first, _) = FlagChecks.YearOf(record.SubmittedDay);
            var history = queries.SupplierHistory(db, record.CountyId, record.UnitId, supplier, Math.Min(from, first), record.SubmittedDay).ToList();
            if (FlagChecks.SplitPurchase(record, history, SplitBasis.Supplier, settings) is { } split)
            {
                found.Add(split);
            }

            var won = history.Count(p => p.SubmittedDay >= first) + 1;
            if (won >= settings.RepeatedSupplierMinimum)
            {
                var worth = FlagChecks.UnitPurchasesWorthCounting(won, settings);
                var all = queries.UnitCount(db, record.CountyId, record.UnitId, first, record.SubmittedDay, worth) + 1;
                if (FlagChecks.RepeatedSupplier(won, all, settings) is { } repeated)
                {
                    found.Add(repeated);
                }
            }
        }

        if (record.Category is { } category && record.LimitFen is { } categoryLimit
            && FlagChecks.SplitPurchase(record, queries.CategoryWindow(db, record.CountyId, record.UnitId, category, from, record.SubmittedDay, categoryLimit), SplitBasis.Category, settings) is { } byCategory)
        {
            found.Add(byCategory);
        }

        return found;
    }

    /// <summary>R47 at approval: a matter approved within the county's interval of its submission is flagged.</summary>
    public static void RaiseAtApproval(WriteContext ctx, Matter matter, FlagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(matter);
        if (FlagChecks.FastApproval(matter, ctx.Now, settings) is { } fast)
        {
            ctx.Db.Add(RedFlag.Raise(matter, fast, ctx.Now));
        }
    }

    /// <summary>
    /// Clears a flag with a written reason (R47): the core decides who may (<see cref="RedFlag.Clear"/>).
    /// A flag on a matter <paramref name="visible"/> rejects does not exist for the caller.
    /// </summary>
    public Task<Result<RedFlag>> ClearAsync(CountyId county, Guid flagId, PersonId by, string? reason, Func<Matter, bool>? visible = null) =>
        writer.ExecuteAsync(county, "flag.cleared", ctx =>
        {
            var flag = ctx.Db.Set<RedFlag>().SingleOrDefault(f => f.CountyId == county && f.Id == flagId);
            var matter = flag is null ? null : MatterOperations.Load(ctx, flag.MatterId);
            if (flag is null || matter is null || (visible is not null && !visible(matter)))
            {
                return Refusal.NotFound($"Flag {flagId}");
            }

            var cleared = flag.Clear(matter, by, reason, ctx.UnitView(matter.UnitId), ctx.Now);
            return cleared.IsOk ? Result<RedFlag>.Ok(flag) : cleared.Refusal!;
        });

    /// <summary>The flags on a matter, in the order they were raised.</summary>
    public static IReadOnlyList<RedFlag> Of(FenquanDbContext db, CountyId county, MatterId matter)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<RedFlag>().AsNoTracking().Where(f => f.CountyId == county && f.MatterId == matter).AsEnumerable().OrderBy(f => f.RaisedAt).ThenBy(f => f.Id)];
    }

    /// <summary>The flags of the county (or of <paramref name="units"/>), newest first, at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<RedFlag> OfUnits(FenquanDbContext db, CountyId county, IReadOnlyList<UnitId>? units, int limit)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Set<RedFlag>().AsNoTracking().Where(f => f.CountyId == county);
        if (units is not null)
        {
            query = query.Where(f => units.Contains(f.UnitId));
        }

        return [.. query.OrderByDescending(f => f.Id).Take(limit)];
    }

    /// <summary>Per unit and kind: how many flags were raised and how many of them are still open.</summary>
    public static IReadOnlyList<FlagCount> Counts(FenquanDbContext db, CountyId county, IReadOnlyList<UnitId>? units)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Set<RedFlag>().AsNoTracking().Where(f => f.CountyId == county);
        if (units is not null)
        {
            query = query.Where(f => units.Contains(f.UnitId));
        }

        return [.. query.GroupBy(f => new { f.UnitId, f.Kind })
            .Select(g => new { g.Key.UnitId, g.Key.Kind, Raised = g.Count(), Open = g.Count(f => f.ClearedAt == null) })
            .AsEnumerable()
            .Select(g => new FlagCount(g.UnitId, g.Kind, g.Raised, g.Open))
            .OrderBy(c => c.Unit.Value).ThenBy(c => c.Kind)];
    }

    private static FlagQueries QueriesOf(IModel model) => Queries.GetOrAdd(model, _ => new FlagQueries());

    // Compiled once per model (SQLite's or PostgreSQL's): the inline check runs on every submission.
    private static readonly ConcurrentDictionary<IModel, FlagQueries> Queries = new();

    private sealed class FlagQueries
    {
        public Func<FenquanDbContext, CountyId, UnitId, Core.Primitives.CounterpartyId, int, int, IEnumerable<PurchaseRecord>> SupplierHistory { get; } =
            EF.CompileQuery((FenquanDbContext db, CountyId county, UnitId unit, Core.Primitives.CounterpartyId supplier, int from, int to) =>
                db.Set<PurchaseRecord>().AsNoTracking().Where(p => p.CountyId == county && p.UnitId == unit && p.CounterpartyId == supplier
                    && p.SubmittedDay >= from && p.SubmittedDay <= to));

        public Func<FenquanDbContext, CountyId, UnitId, string, int, int, long, IEnumerable<PurchaseRecord>> CategoryWindow { get; } =
            EF.CompileQuery((FenquanDbContext db, CountyId county, UnitId unit, string category, int from, int to, long limit) =>
                db.Set<PurchaseRecord>().AsNoTracking().Where(p => p.CountyId == county && p.UnitId == unit && p.Category == category
                    && p.SubmittedDay >= from && p.SubmittedDay <= to && p.AmountFen <= limit));

        public Func<FenquanDbContext, CountyId, UnitId, int, int, int, int> UnitCount { get; } =
            EF.CompileQuery((FenquanDbContext db, CountyId county, UnitId unit, int from, int to, int atMost) =>
                db.Set<PurchaseRecord>().Where(p => p.CountyId == county && p.UnitId == unit && p.SubmittedDay >= from && p.SubmittedDay <= to).Take(atMost).Count());
    }
}

/// <summary>A unit's flags of one kind: how many were raised, and how many are not cleared.</summary>
public sealed record FlagCount(UnitId Unit, RedFlagKind Kind, int Raised, int Open);
