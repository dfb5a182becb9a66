using Fenquan.Core.Access;
using Fenquan.Core.Finance;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;
using Fenquan.Core.Tests.Meetings;
using static Fenquan.Core.Tests.Meetings.MeetingFixture;

namespace Fenquan.Core.Tests.Finance;

// The quarterly statement (R9): built from payments and income, published by the finance deputy only after the team's meeting, corrected by new versions.
public class StatementTests
{
    private static readonly Quarter Q4 = new(2024, 4);

    private readonly MeetingFixture _meetings = new(TestOrg.Township().With("钱会计", Role.FinanceStaff).With("冯会计", Role.FinanceStaff));

    private static readonly Guid Travel = Guid.CreateVersion7(), Dinner = Guid.CreateVersion7(), Desk = Guid.CreateVersion7(), Late = Guid.CreateVersion7();

    // What the statement names its listed matters by.
    private static readonly Dictionary<Guid, (string Title, string Payee)> Names = new()
    {
        [Travel] = ("差旅费报销", "孙磊"), [Dinner] = ("上级检查组工作餐", "县宾馆"), [Desk] = ("采购办公桌椅", "县城家具厂"), [Late] = ("兄弟单位考察接待", "县宾馆"),
    };

    private static List<StatementPayment> Payments() =>
    [
        new(Travel, MatterKind.Expense, "30211", "差旅费", 1_200m, new DateOnly(2024, 10, 8)),
        new(Travel, MatterKind.Expense, "30211", "差旅费", 800m, new DateOnly(2024, 11, 2)),
        new(Dinner, MatterKind.Reception, "30217", "公务接待费", 960m, new DateOnly(2024, 12, 3)),
        new(Desk, MatterKind.PurchasePlan, null, null, 18_000m, new DateOnly(2024, 12, 20)),
        new(Desk, MatterKind.PurchasePlan, null, null, 1_000m, new DateOnly(2025, 1, 2)), // next quarter
    ];

    private List<Income> IncomeOf(params (IncomeKind Kind, decimal Amount, DateOnly On)[] rows) =>
        [.. rows.Select(r => Income.Record(_meetings.Org.County, _meetings.Org.Unit, new RecordIncome(_meetings["钱会计"], r.Kind, r.Amount, "县财政局", "ZF-" + r.Amount, r.On), _meetings.View, TestOrg.Now).Value)];

    private StatementContent Content(List<StatementPayment>? payments = null) =>
        QuarterlyStatement.Build("城关镇", Q4, payments ?? Payments(), IncomeOf((IncomeKind.Appropriation, 500_000m, new DateOnly(2024, 10, 1)), (IncomeKind.NonTaxRevenue, 3_500m, new DateOnly(2024, 12, 31)), (IncomeKind.Other, 9m, new DateOnly(2025, 1, 1))), 5_000m,
            ids => ids.ToDictionary(i => i, i => Names[i]));

    [Fact]
    [Trait("Rule", "R9")]
    public void TheStatement_TotalsTheQuartersPaymentsByLineAndCategory_WithLargeItemsAndReceptions()
    {
        var content = Content();

        Assert.Equal((503_500m, 20_960m), (content.IncomeTotal, content.ExpenditureTotal));
        Assert.Equal([("Appropriation", "财政拨款", 500_000m), ("NonTaxRevenue", "非税收入", 3_500m)], content.IncomeByKind.Select(i => (i.Key, i.Name, i.Amount)));
        Assert.Equal([("30211", "差旅费", 2_000m, 1), ("30217", "公务接待费", 960m, 1), ("—", "未列预算科目", 18_000m, 1)], content.ExpenditureByLine.Select(l => (l.Key, l.Name, l.Amount, l.Count)));
        Assert.Equal([("日常报销", 2_000m), ("物资采购", 18_000m), ("公务接待", 960m)], content.ExpenditureByCategory.Select(c => (c.Name, c.Amount)));
        Assert.Equal([(Desk, "采购办公桌椅", "县城家具厂", 18_000m)], content.LargeItems.Select(i => (i.MatterId, i.Title, i.Payee, i.Amount)));
        Assert.Equal([("上级检查组工作餐", "30217 公务接待费", 960m)], content.Receptions.Select(r => (r.Title, r.Line, r.Amount)));
    }

    [Fact]
    [Trait("Rule", "R9")]
    public void TheFinanceDeputyPublishes_OnlyAfterTheTeamHasSeenItInTheMeetingWhoseAgendaListsIt()
    {
        var meeting = _meetings.Schedule();
        var matter = _meetings.CollectiveExpense();
        var item = _meetings.Add(meeting, matter);

        AssertRefused(Statement.Table(_meetings.Org.County, _meetings.Org.Unit, Q4, Content(), null, null, meeting, _meetings["陈明"], null, _meetings.View, TestOrg.Now), "R9", "陈明 is not the unit's finance deputy");
        AssertRefused(Statement.Table(_meetings.Org.County, _meetings.Org.Unit, new Quarter(2025, 1), Content(), null, null, meeting, _meetings["王志强"], null, _meetings.View, TestOrg.Now), "R9", "2025Q1 ends on 2025-03-31");
        var tabled = Statement.Table(_meetings.Org.County, _meetings.Org.Unit, Q4, Content(), null, null, meeting, _meetings["王志强"], null, _meetings.View, TestOrg.Now);
        Assert.True(tabled.IsOk, tabled.ToString());
        var statement = tabled.Value;
        Assert.Equal((1, StatementState.Tabled, meeting.Id), (statement.Version, statement.State, statement.MeetingId));

        var early = statement.Publish(_meetings["王志强"], meeting, null, _meetings.View, TestOrg.Now);
        AssertRefused(early, "R9", "which is Scheduled; it is published after the team has seen it");
        Assert.Equal("R9.TeamHasNotSeen", early.Refusal!.Key);

        _meetings.Open(meeting);
        _meetings.Attend(meeting, Team);
        foreach (var name in Team)
        {
            _meetings.Said(meeting, item, name);
        }

        Assert.True(_meetings.Approve(meeting, item, matter).IsOk);
        AssertRefused(statement.Publish(_meetings["王志强"], meeting, null, _meetings.View, MeetingAt), "R9", "which is InSession");
        Assert.True(meeting.DrawUpMinutes(MeetingAt.AddHours(2)).IsOk);
        AssertRefused(statement.Publish(_meetings["钱会计"], meeting, null, _meetings.View, MeetingAt), "R9", "not the unit's finance deputy");
        var other = _meetings.Schedule();
        AssertRefused(statement.Publish(_meetings["王志强"], other, null, _meetings.View, MeetingAt), "R9", "published after the team has seen it");

        Assert.True(statement.Publish(_meetings["王志强"], meeting, null, _meetings.View, MeetingAt.AddHours(3)).IsOk);
        Assert.Equal((StatementState.Published, _meetings["王志强"], string.Empty), (statement.State, statement.PublishedBy!.Value, statement.Changes));
        AssertRefused(statement.Publish(_meetings["王志强"], meeting, null, _meetings.View, MeetingAt.AddHours(3)), "R9", "already published");
    }

    [Fact]
    [Trait("Rule", "R9")]
    public void ACorrection_IsANewVersionWithItsReason_ShowingWhatChanged_AndTheFirstStaysAsItWas()
    {
        var first = PublishedFirst();
        var next = _meetings.Schedule(at: MeetingAt.AddDays(7));
        var nextMatter = _meetings.CollectiveExpense(13_000m);
        _meetings.Add(next, nextMatter);

        var late = Payments();
        late.Add(new(Late, MatterKind.Reception, "30217", "公务接待费", 640m, new DateOnly(2024, 12, 30)));
        AssertRefused(Statement.Table(_meetings.Org.County, _meetings.Org.Unit, Q4, Content(late), first, first, next, _meetings["王志强"], " ", _meetings.View, TestOrg.Now), "R9", "a correction says why");
        var corrected = Statement.Table(_meetings.Org.County, _meetings.Org.Unit, Q4, Content(late), first, first, next, _meetings["王志强"], "补记12月30日接待支出", _meetings.View, TestOrg.Now).Value;
        Assert.Equal(2, corrected.Version);
        HoldAndClose(next, nextMatter);
        Assert.True(corrected.Publish(_meetings["王志强"], next, first, _meetings.View, MeetingAt.AddDays(8)).IsOk);

        Assert.Equal(["支出（预算科目） 公务接待费: 960.00 → 1,600.00", "支出（类别） 公务接待: 960.00 → 1,600.00", "公务接待: 1 项 960.00 → 2 项 1,600.00"], corrected.Changes.Split('\n'));
        Assert.Equal(20_960m, first.Content.ExpenditureTotal);
        Assert.Equal(21_600m, corrected.Content.ExpenditureTotal);

        // A correction with the same figures corrects nothing.
        var third = _meetings.Schedule(at: MeetingAt.AddDays(14));
        var thirdMatter = _meetings.CollectiveExpense(14_000m);
        _meetings.Add(third, thirdMatter);
        var same = Statement.Table(_meetings.Org.County, _meetings.Org.Unit, Q4, Content(late), corrected, corrected, third, _meetings["王志强"], "复核", _meetings.View, TestOrg.Now).Value;
        HoldAndClose(third, thirdMatter);
        AssertRefused(same.Publish(_meetings["王志强"], third, corrected, _meetings.View, MeetingAt.AddDays(15)), "R9", "the same figures as the published version 2");
    }

    [Fact]
    [Trait("Rule", "R9")]
    public void TheUnitsTeamAndStaffSeePublishedVersions_DraftsOnlyTheTeamAndFinanceStaff_NobodyElseAny()
    {
        var statement = PublishedFirst();
        var meeting = _meetings.Schedule();
        _meetings.Add(meeting, _meetings.CollectiveExpense());
        var draft = Statement.Table(_meetings.Org.County, _meetings.Org.Unit, Q4, Content(), statement, statement, meeting, _meetings["王志强"], "复核", _meetings.View, TestOrg.Now).Value;
        Asker Of(string name, Role role, UnitId? unit = null) => new() { County = _meetings.Org.County, Person = _meetings[name], Unit = unit ?? _meetings.Org.Unit, Roles = [role] };

        Assert.True(StatementAccess.MaySee(Of("孙磊", Role.Staff), statement));
        Assert.False(StatementAccess.MaySee(Of("孙磊", Role.Staff), draft));
        Assert.True(StatementAccess.MaySee(Of("钱会计", Role.FinanceStaff), draft));
        Assert.True(StatementAccess.MaySee(Of("陈明", Role.Deputy), draft));
        Assert.False(StatementAccess.MaySee(Of("孙磊", Role.Staff, UnitId.New()), statement));
        Assert.False(StatementAccess.MaySee(Of("张建国", Role.Principal) with { County = CountyId.New() }, statement));
    }

    private Statement PublishedFirst()
    {
        var meeting = _meetings.Schedule();
        var matter = _meetings.CollectiveExpense();
        _meetings.Add(meeting, matter);
        var statement = Statement.Table(_meetings.Org.County, _meetings.Org.Unit, Q4, Content(), null, null, meeting, _meetings["王志强"], null, _meetings.View, TestOrg.Now).Value;
        HoldAndClose(meeting, matter);
        Assert.True(statement.Publish(_meetings["王志强"], meeting, null, _meetings.View, MeetingAt.AddHours(3)).IsOk);
        return statement;
    }

    // Opens the meeting, everyone present agrees to its one matter item, and the minutes are drawn up: the team has seen the agenda.
    private void HoldAndClose(Meeting meeting, Core.Matters.Matter matter)
    {
        var item = meeting.Items.Single();
        _meetings.Open(meeting);
        _meetings.Attend(meeting, Team);
        foreach (var name in Team)
        {
            _meetings.Said(meeting, item, name);
        }

        Assert.True(_meetings.Approve(meeting, item, matter).IsOk);
        Assert.True(meeting.DrawUpMinutes(MeetingAt.AddHours(2)).IsOk);
    }
}
