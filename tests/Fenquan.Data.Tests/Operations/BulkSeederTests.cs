using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Data.Demo;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Operations;

public class BulkSeederTests
{
    [Theory]
    [Trait("Rule", "R44")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BulkSeed_AddsCoreBuiltMattersInEveryAreaAndState_EveryRowLedgered_AndVerifies(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var info = await DemoCounty.SeedAsync(database.Data, database.Settings, database.Time, new DemoOptions { Matters = 0 });
        long entriesBefore;
        await using (var db = database.Context())
        {
            entriesBefore = await db.LedgerEntries.CountAsync();
        }

        BulkSeedReport report;
        var progress = new List<int>();
        await using (var store = await FenquanStore.OpenAsync(database.Data, database.Settings, database.Time))
        {
            report = await BulkSeeder.SeedAsync(store, info.County, new BulkSeedOptions { Matters = 2_000, BatchSize = 500, RecentTail = 400 }, new SynchronousProgress(progress));
        }

        Assert.Equal(2_000, report.Matters);
        Assert.Equal([500, 1_000, 1_500, 2_000], progress);
        await using (var db = database.Context())
        {
            var matters = await db.Matters.AsNoTracking().ToListAsync();
            Assert.Equal(2_000, matters.Count);
            Assert.Equal(report.Actions, await db.MatterActions.CountAsync());
            Assert.Equal(report.Changes, await db.MatterChanges.CountAsync());
            Assert.All(info.Units, u => Assert.Contains(matters, m => m.UnitId == u.Id));
            foreach (var area in new[] { Area.Finance, Area.Personnel, Area.Procurement, Area.Construction, Area.AdministrativeApproval })
            {
                Assert.Contains(matters, m => m.Area == area);
            }

            foreach (var state in Enum.GetValues<MatterState>())
            {
                Assert.Equal(report.States[state], matters.Count(m => m.State == state));
                Assert.True(report.States[state] > 0, $"no {state} matter");
            }

            // About half of the recent tail waits; everything older is settled.
            Assert.InRange(report.States[MatterState.Pending], 100, 300);

            // One ledger entry per matter, action and change row, under the seeding kind.
            var seeded = await db.LedgerEntries.CountAsync(e => e.Kind == BulkSeeder.LedgerKind);
            Assert.Equal(report.Entries, seeded);
            Assert.Equal(entriesBefore + report.Entries, await db.LedgerEntries.CountAsync());
        }

        var audit = await database.AuditAsync();
        Assert.True(audit.IsIntact, string.Join("; ", audit.Counties.SelectMany(c => c.Rows).Take(5)));
    }

    [Fact]
    [Trait("Rule", "R44")]
    public async Task BulkSeededMatters_FollowTheirRoutes_ActorsHeldTheStepsRoles()
    {
        await using var database = await TestDatabase.CreateAsync("sqlite");
        var info = await DemoCounty.SeedAsync(database.Data, database.Settings, database.Time, new DemoOptions { Matters = 0 });
        await using (var store = await FenquanStore.OpenAsync(database.Data, database.Settings, database.Time))
        {
            await BulkSeeder.SeedAsync(store, info.County, new BulkSeedOptions { Matters = 300, BatchSize = 100, RecentTail = 100 });
        }

        await using var db = database.Context();
        var matters = await db.Matters.AsNoTracking().Include(m => m.Actions).ToListAsync();
        foreach (var matter in matters)
        {
            // R6: nobody acts on a matter they initiated (the initiator's own Propose aside).
            Assert.DoesNotContain(matter.Actions, a => a.ActorId == matter.InitiatorId && a.Kind != ActionKind.Propose);
            Assert.All(matter.Actions, a => Assert.True(a.At >= matter.SubmittedAt && a.At <= database.Time.GetUtcNow()));
            if (matter.State == MatterState.Approved)
            {
                Assert.Equal(matter.Route.Steps.Count, matter.Actions.Count(a => a.Kind.CompletesStep()));
            }
        }
    }

    private sealed class SynchronousProgress(List<int> seen) : IProgress<int>
    {
        public void Report(int value) => seen.Add(value);
    }
}
