using Fenquan.Core.Finance;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Finance;

// The quarterly statement on SQLite and PostgreSQL (R9): built from the recorded payments and income, published after the team's meeting, corrected by a new version.
public class StatementOperationsTests
{
    private static readonly Quarter Q4 = new(2025, 4);

    private sealed record Setup(MeetingScenario Scenario, StatementOperations Statements, PaymentOperations Payments, PersonId Finance, MatterId Claim);

    // A 2,000-yuan travel claim charged to 30211, approved and paid 1,500 in December 2025; 80,000 appropriation received in November.
    private static async Task<Setup> PaidAsync(TestDatabase database)
    {
        var s = await MeetingScenario.CreateAsync(database);
        var county = s.County;
        var finance = await county.AddPersonAsync("钱会计", Role.FinanceStaff);
        var budgets = new BudgetOperations(database.Writer);
        var budget = await budgets.ImportAsync(county.County, county.Unit, 2026, "清财预〔2026〕3号", [new(2, "30211", "差旅费", "50000")], finance);
        Assert.True((await budgets.ConfirmAsync(county.County, county.Unit, budget.Value.Id, county["张伟"])).IsOk);
        var claim = await county.Matters.SubmitAsync(new SubmitMatter(county.County, county.Unit, MatterKind.Expense, "赴省培训差旅费", 2_000m, Payee.Person(county["周杰"], "周杰"), county["周杰"], InitiatorKind.Staff, MatterFlags.None, new DateOnly(2025, 12, 1)), budgetLine: "30211");
        Assert.True(claim.IsOk, claim.ToString());
        Assert.True((await county.Matters.ActAsync(county.County, claim.Value.Id, new ActRequest(county["赵敏"], ActionKind.Review, "票据齐全"))).IsOk);
        Assert.True((await county.Matters.ActAsync(county.County, claim.Value.Id, new ActRequest(county["张伟"], ActionKind.Approve, "同意"))).IsOk);
        var payments = new PaymentOperations(database.Writer);
        Assert.True((await payments.RecordAsync(county.County, claim.Value.Id, new RecordPayment(finance, 1_500m, Payee.None, PaymentMethod.OfficialCard, "GWK-1", new DateOnly(2025, 12, 10)))).IsOk);
        Assert.True((await payments.RecordIncomeAsync(county.County, county.Unit, new RecordIncome(finance, IncomeKind.Appropriation, 80_000m, "县财政局", "ZF-2025-11", new DateOnly(2025, 11, 3)))).IsOk);
        return new(s, new StatementOperations(database.Writer), payments, finance, claim.Value.Id);
    }

    // A scheduled meeting with a collective expense on its agenda.
    private static async Task<(Meeting Meeting, AgendaItem Item)> ScheduledAsync(MeetingScenario s, string title)
    {
        var meeting = await s.ScheduleAsync(title);
        var item = await s.AddAsync(meeting, await s.CollectiveExpenseAsync(12_000m, title + "议题"));
        return (meeting, item);
    }

    // Everyone present, the deputies then the principals (chair last) agree, the office records the approval and draws up the minutes.
    private static async Task HoldAsync(MeetingScenario s, Meeting meeting, AgendaItem item)
    {
        await s.OpenAsync(meeting);
        await s.AttendAsync(meeting, MeetingScenario.Team);
        foreach (var name in new[] { "张伟", "刘洋", "杨帆", "李秀英", "王建国" })
        {
            await s.SaidAsync(meeting, item, name);
        }

        Assert.True((await s.Meetings.ApproveAsync(s.Id, meeting.Id, item.Id, null, null, s["赵敏"])).IsOk);
        var minutes = await s.Meetings.DrawUpMinutesAsync(s.Id, meeting.Id, s["赵敏"]);
        Assert.True(minutes.IsOk, minutes.ToString());
    }

    [Theory]
    [Trait("Rule", "R9")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheStatementIsBuiltFromTheRecordedData_AndPublishedOnlyAfterTheMeetingWhoseAgendaListsIt(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var x = await PaidAsync(database);
        var s = x.Scenario;
        var (meeting, item) = await ScheduledAsync(s, "2026年第3次党委会");

        MeetingScenario.AssertRefused(await x.Statements.TableAsync(s.Id, s.County.Unit, Q4, meeting.Id, s["陈明"], null, 1_000m), "R9", "陈明 is not the unit's finance deputy");
        MeetingScenario.AssertRefused(await x.Statements.TableAsync(s.Id, UnitId.New(), Q4, meeting.Id, s["张伟"], null, 1_000m), "NotFound");
        var tabled = await x.Statements.TableAsync(s.Id, s.County.Unit, Q4, meeting.Id, s["张伟"], null, 1_000m);
        Assert.True(tabled.IsOk, tabled.ToString());
        var content = tabled.Value.Content;
        Assert.Equal((80_000m, 1_500m), (content.IncomeTotal, content.ExpenditureTotal));
        Assert.Equal([("30211", "差旅费", 1_500m)], content.ExpenditureByLine.Select(l => (l.Key, l.Name, l.Amount)));
        Assert.Equal([(x.Claim.Value, "赴省培训差旅费", "周杰", 1_500m)], content.LargeItems.Select(i => (i.MatterId, i.Title, i.Payee, i.Amount)));
        Assert.Empty(content.Receptions);

        MeetingScenario.AssertRefused(await x.Statements.PublishAsync(s.Id, s.County.Unit, tabled.Value.Id, s["张伟"]), "R9", "which is Scheduled");
        await HoldAsync(s, meeting, item);
        MeetingScenario.AssertRefused(await x.Statements.PublishAsync(s.Id, UnitId.New(), tabled.Value.Id, s["张伟"]), "NotFound");
        MeetingScenario.AssertRefused(await x.Statements.PublishAsync(s.Id, s.County.Unit, tabled.Value.Id, s["王建国"]), "R9", "not the unit's finance deputy");
        Assert.True((await x.Statements.PublishAsync(s.Id, s.County.Unit, tabled.Value.Id, s["张伟"])).IsOk);

        await using var db = database.Context();
        var stored = StatementOperations.Of(db, s.Id, s.County.Unit).Single();
        Assert.Equal((StatementState.Published, 1, 1_500m, "差旅费"), (stored.State, stored.Version, stored.Content.ExpenditureTotal, stored.Content.ExpenditureByLine[0].Name));
        var kinds = db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == s.Id.Value && e.SubjectType == nameof(Statement)).AsEnumerable()
            .Select(e => LedgerEntry.Parse(e.Bytes).Kind).ToList();
        Assert.Equal(["statement.tabled", "statement.published"], kinds);
        await database.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R9")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACorrection_IsANewVersionShowingWhatChanged_AndTheFirstVersionIsKeptUnchanged(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var x = await PaidAsync(database);
        var s = x.Scenario;
        var (first, firstItem) = await ScheduledAsync(s, "2026年第3次党委会");
        var v1 = (await x.Statements.TableAsync(s.Id, s.County.Unit, Q4, first.Id, s["张伟"], null, 1_000m)).Value;
        await HoldAsync(s, first, firstItem);
        Assert.True((await x.Statements.PublishAsync(s.Id, s.County.Unit, v1.Id, s["张伟"])).IsOk);

        // The rest of the claim, paid on 30 December, recorded late.
        Assert.True((await x.Payments.RecordAsync(s.Id, x.Claim, new RecordPayment(x.Finance, 500m, Payee.None, PaymentMethod.OfficialCard, "GWK-2", new DateOnly(2025, 12, 30)))).IsOk);
        var (second, secondItem) = await ScheduledAsync(s, "2026年第4次党委会");
        MeetingScenario.AssertRefused(await x.Statements.TableAsync(s.Id, s.County.Unit, Q4, second.Id, s["张伟"], null, 1_000m), "R9", "a correction says why");
        var v2 = await x.Statements.TableAsync(s.Id, s.County.Unit, Q4, second.Id, s["张伟"], "补记12月30日支付", 1_000m);
        Assert.True(v2.IsOk, v2.ToString());
        await HoldAsync(s, second, secondItem);
        var published = await x.Statements.PublishAsync(s.Id, s.County.Unit, v2.Value.Id, s["张伟"]);
        Assert.True(published.IsOk, published.ToString());

        await using var db = database.Context();
        var versions = StatementOperations.Of(db, s.Id, s.County.Unit);
        Assert.Equal([(2, 2_000m), (1, 1_500m)], versions.Select(v => (v.Version, v.Content.ExpenditureTotal)));
        Assert.Equal("支出（预算科目） 差旅费: 1,500.00 → 2,000.00", versions[0].Changes.Split('\n')[0]);
        Assert.Equal((string.Empty, string.Empty), (versions[1].Changes, versions[1].Reason));
        await database.AssertLedgerIntactAsync();
    }
}
