using System.Diagnostics;
using System.Globalization;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Demo;
using Fenquan.Data.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Storage;

/// <summary>How many matters to add in bulk, and how.</summary>
public sealed record BulkSeedOptions
{
    public int Matters { get; init; } = 1_000_000;

    public int Seed { get; init; } = 20_261_128;

    /// <summary>Matters per unit of work: one writer transaction, one ledger entry per row.</summary>
    public int BatchSize { get; init; } = 2_000;

    /// <summary>
    /// The most recent matters, of which about half are still in flight (the rest finished): at a
    /// million matters about 3,000 pending, as a county has at any time; the older ones finished long ago.
    /// </summary>
    public int RecentTail { get; init; } = 6_000;
}

/// <summary>What a bulk seed wrote and how fast.</summary>
public sealed record BulkSeedReport(int Matters, long Actions, long Changes, IReadOnlyDictionary<MatterState, int> States, TimeSpan Elapsed)
{
    public double MattersPerSecond => Matters / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>The rows of the meetings that decided the matters' team steps (R43): meeting, members, item, attendance, opinions, outcome, minutes, signatures.</summary>
    public long MeetingRows { get; init; }

    /// <summary>Ledger entries written: one per matter, action and change row, and one per meeting row.</summary>
    public long Entries => Matters + Actions + Changes + MeetingRows;
}

/// <summary>
/// Adds many demo matters to an existing county (its units, people and published policies), for
/// measuring the application at scale. Every matter is made by the core — <see cref="Matter.Submit"/>
/// on the route the unit's policy in force gives it, then <see cref="Matter.Act"/> and
/// <see cref="Matter.Withdraw"/> checked against the unit's organisation view on the matter's date —
/// so each one is valid under the rules; they are written through the one <see cref="Ledger.LedgerWriter"/>
/// in units of work of <see cref="BulkSeedOptions.BatchSize"/> matters, so every row has its ledger
/// entry and `fenquan verify` passes. Dates spread from the units' first policy to now: most matters
/// were approved, rejected or withdrawn long ago; about half of the most recent ones are pending.
/// The next batch is built while the writer commits the previous one.
/// </summary>
public static class BulkSeeder
{
    public const string LedgerKind = "matter.seeded";

    public static async Task<BulkSeedReport> SeedAsync(FenquanStore store, CountyId county, BulkSeedOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var units = await LoadUnitsAsync(store, county, cancellationToken);
        if (units.Count == 0)
        {
            throw new InvalidOperationException($"County {county} has no unit with a published policy to seed matters into.");
        }

        var random = new Random(options.Seed);
        var end = store.Time.GetUtcNow().AddMinutes(-10);
        var begin = new DateTimeOffset(units.Max(u => u.From).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(1);
        if (begin >= end)
        {
            begin = end.AddDays(-1);
        }

        var span = end - begin;
        var states = Enum.GetValues<MatterState>().ToDictionary(s => s, _ => 0);
        long actions = 0, changes = 0, meetingRows = 0;
        Task<Result<int>>? inFlight = null;
        var written = 0;
        for (var offset = 0; offset < options.Matters; offset += options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(options.BatchSize, options.Matters - offset);
            var batch = new List<Matter>(count);
            var meetings = new List<Core.Meetings.Meeting>();
            var meetingsCounted = 0;
            for (var i = offset; i < offset + count; i++)
            {
                var at = begin + (span * ((i + random.NextDouble()) / options.Matters));
                var recent = i >= options.Matters - options.RecentTail;
                var matter = MakeMatter(units[random.Next(units.Count)], county, random, at, end, recent, meetings);
                batch.Add(matter);
                meetingRows += meetings.Skip(meetingsCounted).Sum(Demo.DemoMeeting.RowCount);
                meetingsCounted = meetings.Count;
                states[matter.State]++;
                actions += matter.Actions.Count;
                changes += matter.Changes.Count;
            }

            // One outstanding unit of work: this batch was built while the writer committed the last.
            if (inFlight is not null)
            {
                written += Committed(await inFlight);
                progress?.Report(written);
            }

            inFlight = store.Writer.ExecuteAsync(county, LedgerKind, ctx =>
            {
                ctx.Db.Matters.AddRange(batch);
                ctx.Db.AddRange(meetings);
                return Result<int>.Ok(batch.Count);
            }, cancellationToken);
        }

        if (inFlight is not null)
        {
            written += Committed(await inFlight);
            progress?.Report(written);
        }

        // Fresh statistics, so the query planner picks the workbench's indexes at this size.
        await using (var db = store.Context())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }

        return new BulkSeedReport(written, actions, changes, states, watch.Elapsed) { MeetingRows = meetingRows };
    }

    private static int Committed(Result<int> result) =>
        result.IsOk ? result.Value : throw new InvalidOperationException($"The writer refused a batch of seeded matters: {result.Refusal}");

    private static async Task<List<SeedUnit>> LoadUnitsAsync(FenquanStore store, CountyId county, CancellationToken cancellationToken)
    {
        await using var db = store.Context();
        var units = await db.Units.AsNoTracking().Where(u => u.CountyId == county).OrderBy(u => u.Name).ToListAsync(cancellationToken);
        // R6: purchases and works pay the county's registered companies.
        var suppliers = await db.Set<Core.Counterparties.Counterparty>().AsNoTracking()
            .Where(c => c.CountyId == county && c.Kind == Core.Counterparties.CounterpartyKind.Company)
            .OrderBy(c => c.Identifier).ToListAsync(cancellationToken);
        if (suppliers.Count == 0)
        {
            throw new InvalidOperationException("The county has no registered company to pay: seed the demo county first.");
        }

        var seeds = new List<SeedUnit>();
        foreach (var unit in units)
        {
            var versions = await db.PolicyVersions.AsNoTracking().Where(v => v.CountyId == county && v.UnitId == unit.Id).ToListAsync(cancellationToken);
            if (versions.Count == 0)
            {
                continue;
            }

            var org = OrganizationOperations.LoadUnitView(db, county, unit.Id);
            seeds.Add(new SeedUnit(unit.Id, org, versions, versions.Min(v => v.EffectiveFrom), suppliers));
        }

        return seeds;
    }

    private static Matter MakeMatter(SeedUnit unit, CountyId county, Random random, DateTimeOffset at, DateTimeOffset end, bool recent, List<Core.Meetings.Meeting> meetings)
    {
        var date = DateOnly.FromDateTime(at.UtcDateTime);
        var version = PolicyVersion.InForceOn(unit.Versions, date) ?? throw new InvalidOperationException($"No policy in force in unit {unit.Id} on {date}.");
        var router = PolicyOperations.RouterOf(version);
        for (var attempt = 0; ; attempt++)
        {
            var (_, kind, initiatorKind, flags, role) = DemoCounty.DrawKind(random, [Area.Finance, Area.Finance, Area.Finance, Area.Procurement, Area.Personnel, Area.Construction, Area.AdministrativeApproval]);
            var candidates = unit.Org.PeopleWithRole(unit.Id, role, date);
            if (candidates.Count == 0)
            {
                if (attempt > 100)
                {
                    throw new InvalidOperationException($"Unit {unit.Id} has nobody to submit matters on {date}.");
                }

                continue;
            }

            var initiator = candidates[random.Next(candidates.Count)];
            var amount = MatterKinds.HasAmount(kind) ? DemoCounty.Amount(random) : 0m;
            var payee = kind is MatterKind.Expense ? Payee.Person(initiator, unit.Org.NameOf(initiator)) : DemoCounty.Supplier(unit.Suppliers[random.Next(unit.Suppliers.Count)]);
            var titles = DemoCounty.Titles[kind];
            var command = new SubmitMatter(county, unit.Id, kind, titles[random.Next(titles.Length)], amount, payee, initiator, initiatorKind, flags, date) { ItemCode = ItemCodeFor(kind, flags, amount) };
            var route = Ok(router.Route(command.Facts));
            var matter = Ok(Matter.Submit(command, route, version.Id, unit.Org, at));
            Finish(matter, unit.Org, random, at, end, recent, meetings);
            return matter;
        }
    }

    /// <summary>
    /// R40: a demo register entry whose county data gives the drawn flags (the bulk seeder builds
    /// matters with the core directly, so it names an entry that agrees with them), chosen without
    /// drawing from the random stream.
    /// </summary>
    private static string? ItemCodeFor(MatterKind kind, MatterFlags flags, decimal amount)
    {
        var spread = (int)(decimal.Truncate(amount) % 997m);
        switch (kind)
        {
            case MatterKind.PurchasePlan when flags.HasFlag(MatterFlags.CatalogueItem):
                return DemoRegisters.Catalogue.Entries[spread % DemoRegisters.Catalogue.Entries.Count].Code;
            case MatterKind.PurchasePlan:
                return Core.Procurement.ProcurementCatalogue.NotInCatalogue;
            case MatterKind.ApprovalItem:
                var major = flags.HasFlag(MatterFlags.MajorApprovalItem);
                return DemoRegisters.Register.Items.First(i => i.IsMajor == major).Code;
            default:
                return null;
        }
    }

    /// <summary>Takes the matter along its route as the demo does: most finish, some are turned down or withdrawn, recent ones may still wait.</summary>
    private static void Finish(Matter matter, OrganizationSnapshot org, Random random, DateTimeOffset at, DateTimeOffset end, bool recent, List<Core.Meetings.Meeting> meetings)
    {
        var steps = matter.Route.Steps.Count;
        var roll = random.NextDouble();
        var stopAfter = int.MaxValue;
        bool reject = false, giveBack = false, withdraw = false;
        if (recent)
        {
            stopAfter = roll < 0.5 ? random.Next(0, steps) : int.MaxValue;
        }
        else
        {
            reject = roll is >= 0.80 and < 0.87;
            withdraw = roll is >= 0.87 and < 0.92;
            giveBack = roll is >= 0.92 and < 0.93;
            if (withdraw)
            {
                stopAfter = random.Next(0, steps);
            }
        }

        // Actions follow the submission by hours, never later than the end of the history.
        var gap = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, (end - at).Ticks / (steps + 2)));
        var now = at;
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        for (var done = 0; done < stopAfter && matter.CurrentStep is { } next; done++)
        {
            now += TimeSpan.FromTicks(Math.Min(gap.Ticks, TimeSpan.FromHours(1 + random.Next(20)).Ticks));
            if (matter.WaitsForTeam)
            {
                // R43: the team decides (or hears) it in a meeting whose minutes every member present signs.
                meetings.Add(Demo.DemoMeeting.Decide(matter, org, now, approve: !reject));
                if (reject)
                {
                    return;
                }

                continue;
            }

            var actors = matter.WhoMayActNow(org);
            if (actors.Count == 0)
            {
                break;
            }

            var actor = actors[random.Next(actors.Count)];
            var deciding = StepActions.IsDeciding(next.Kind) && !StepActions.IsRecording(next);
            if ((reject || giveBack) && deciding && done > 0)
            {
                Ok(matter.Act(new ActRequest(actor, reject ? ActionKind.Reject : ActionKind.Return, reject ? "不符合规定,不予批准。" : "请补充发票和明细后重新提交。"), org, now));
                return;
            }

            var action = StepActions.CompletingAction(next.Kind);
            Ok(matter.Act(new ActRequest(actor, action, DemoCounty.Comment(action, matter.Area), DemoCounty.Reference(action, matter.Area, today, random)), org, now));
        }

        if (withdraw && matter.State == MatterState.Pending)
        {
            Ok(matter.Withdraw(matter.InitiatorId, now + TimeSpan.FromTicks(Math.Min(gap.Ticks, TimeSpan.FromHours(2).Ticks))));
        }
    }

    private static T Ok<T>(Result<T> result) =>
        result.IsOk ? result.Value : throw new InvalidOperationException($"The seeded matter broke a rule: {result.Refusal}");

    private sealed record SeedUnit(UnitId Id, OrganizationSnapshot Org, IReadOnlyList<PolicyVersion> Versions, DateOnly From, IReadOnlyList<Core.Counterparties.Counterparty> Suppliers);
}
