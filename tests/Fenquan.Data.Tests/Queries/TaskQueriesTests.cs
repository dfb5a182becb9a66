using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Queries;
using Fenquan.Data.Storage;
using Fenquan.Data.Tests.Operations;

namespace Fenquan.Data.Tests.Queries;

// The reads of work waiting live in Fenquan.Data (issue 14, "reads get one home"), with the cache
// behind them: the steps waiting for each person, and the steps past their limit (R46).
public class TaskQueriesTests
{
    private sealed class ChinaDays : ILocalDays
    {
        public DateOnly DayOf(DateTimeOffset at) => ChinaTime.DateOf(at);

        public DateTimeOffset EndOf(DateOnly day) => new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
    }

    [Theory]
    [Trait("Rule", "R46")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachStepIsTheTaskOfWhoMayTakeItNow_AndAStepPastItsLimitIsOverdue(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        await using var store = await FenquanStore.OpenAsync(database.Data, database.Settings, database.Time);
        using var cache = new PendingMattersCache(store, database.Time);
        var tasks = new TaskQueries(store, cache, new ChinaDays());

        // Through the store's writer, whose commits the cache hears of.
        var matters = new MatterOperations(store.Writer);
        var submitted = await matters.SubmitAsync(new SubmitMatter(county.County, county.Unit, MatterKind.Expense, "差旅费报销", 1_200m,
            Payee.Person(county["周杰"], "周杰"), county["周杰"], InitiatorKind.Staff, MatterFlags.None, new DateOnly(2026, 3, 2)));
        Assert.True(submitted.IsOk, submitted.ToString());
        var matter = submitted.Value;

        async Task<IReadOnlyList<(MatterId, int)>> TasksOf(string name, DateTimeOffset now)
        {
            await using var db = database.Context();
            var org = OrganizationOperations.LoadUnitView(db, county.County, county.Unit);
            return [.. (await tasks.TasksAsync(db, new TaskAsker(county.County, county.Unit, county[name], org), now)).Select(t => (t.Matter.Id, t.StepIndex))];
        }

        var now = database.Time.GetUtcNow();
        Assert.Equal([(matter.Id, 0)], await TasksOf("赵敏", now));
        Assert.Empty(await TasksOf("张伟", now));
        Assert.Empty(await TasksOf("周杰", now));

        var reviewed = await matters.ActAsync(county.County, matter.Id, new ActRequest(county["赵敏"], ActionKind.Review, "同意"));
        Assert.True(reviewed.IsOk, reviewed.ToString());
        now = database.Time.GetUtcNow().AddSeconds(1);
        Assert.Empty(await TasksOf("赵敏", now));
        Assert.Equal([(matter.Id, 1)], await TasksOf("张伟", now));

        // The deputy's step began today: not overdue today, overdue a month on.
        await using (var db = database.Context())
        {
            Assert.Empty(await tasks.OverdueAsync(db, county.County, county.Unit, now));
            Assert.Equal([matter.Id], await tasks.OverdueAsync(db, county.County, county.Unit, now.AddDays(30)));
        }
    }
}
