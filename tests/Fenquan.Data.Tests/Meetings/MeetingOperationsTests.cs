using Fenquan.Core.Ledger;
using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Meetings;

// A meeting recorded through the operations on SQLite and PostgreSQL, every row ledgered (R43, R44).
public class MeetingOperationsTests
{
    [Theory]
    [Trait("Rule", "R43")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExpenseOf12000_DecidedInARecordedMeeting_IsApprovedAtTheDecidedAmount_AndPayingMoreIsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await MeetingScenario.CreateAsync(database);
        var matter = await s.CollectiveExpenseAsync(12_000m);
        var meeting = await s.ScheduleAsync();
        Assert.Equal(MeetingScenario.Team.Length, meeting.Members.Count);
        var item = await s.AddAsync(meeting, matter);

        await s.OpenAsync(meeting);
        await s.AttendAsync(meeting, "王建国", "李秀英", "张伟", "刘洋", "陈明");
        var declared = await s.Meetings.DeclareRecusalAsync(s.Id, meeting.Id, item.Id, s["刘洋"], "与供应商负责人系同学关系", s["赵敏"]);
        Assert.True(declared.IsOk, declared.ToString());

        // 末位表态: the chair speaks last; deputies first.
        MeetingScenario.AssertRefused(await s.SayAsync(meeting, item, "王建国"), "R43", "末位表态");
        MeetingScenario.AssertRefused(await s.SayAsync(meeting, item, "陈明"), "R43", "recused");
        await s.SaidAsync(meeting, item, "张伟", OpinionKind.Agree, "同意，价格在市场区间内");
        await s.SaidAsync(meeting, item, "李秀英", OpinionKind.Agree, "同意，压减至11500元");
        await s.SaidAsync(meeting, item, "王建国", OpinionKind.Agree, "同意");
        MeetingScenario.AssertRefused(await s.Meetings.ApproveAsync(s.Id, meeting.Id, item.Id, 12_500m, null, s["赵敏"]), "R43", "never");

        var approved = await s.Meetings.ApproveAsync(s.Id, meeting.Id, item.Id, 11_500m, "凭正式发票据实报销", s["赵敏"]);

        Assert.True(approved.IsOk, approved.ToString());
        var minutes = await s.Meetings.DrawUpMinutesAsync(s.Id, meeting.Id, s["赵敏"]);
        Assert.True(minutes.IsOk, minutes.ToString());
        var attendees = new[] { "王建国", "李秀英", "张伟", "刘洋", "陈明" };
        foreach (var name in attendees)
        {
            await using var before = database.Context();
            Assert.Equal(MinutesState.Draft, MeetingOperations.Find(before, s.Id, meeting.Id)!.CurrentMinutes!.State);
            var signed = await s.Meetings.SignMinutesAsync(s.Id, meeting.Id, minutes.Value.Id, s[name]);
            Assert.True(signed.IsOk, signed.ToString());
        }

        MeetingScenario.AssertRefused(await s.Meetings.SignMinutesAsync(s.Id, meeting.Id, minutes.Value.Id, s["张伟"]), "R43", "already signed");
        MeetingScenario.AssertRefused(await s.Meetings.SignMinutesAsync(s.Id, meeting.Id, minutes.Value.Id, s["杨帆"]), "R43", "did not attend");
        MeetingScenario.AssertRefused(await s.SayAsync(meeting, item, "杨帆"), "R43", "final");
        MeetingScenario.AssertRefused(await s.Meetings.DeferAsync(s.Id, meeting.Id, item.Id, "改期", s["赵敏"]), "R43", "final");

        await using var db = database.Context();
        var stored = MeetingOperations.Find(db, s.Id, meeting.Id)!;
        Assert.Equal(MeetingState.Bound, stored.State);
        Assert.True(stored.MinutesAreFinal);
        Assert.Equal(DecisionRules.Default, stored.Rules);
        Assert.Equal(MeetingScenario.MeetingAt, stored.ScheduledAt);
        Assert.Equal(new DateOnly(2026, 3, 5), stored.MeetingDate);
        Assert.Equal(["城关镇请示〔2026〕8号", "报价单三份"], stored.Items.Single().DocumentReferences);
        Assert.Equal(["张伟", "李秀英", "王建国"], stored.OpinionsOn(item.Id).Select(o => stored.Members.Single(m => m.PersonId == o.PersonId).Name));
        Assert.Contains(stored.RecusalsOn(item.Id), r => r.PersonId == s["陈明"] && r.Ground == RecusalGround.Initiator);
        Assert.Contains(stored.RecusalsOn(item.Id), r => r.PersonId == s["刘洋"] && r.Ground == RecusalGround.Declared);
        Assert.Equal("赴县里参加培训", stored.AttendanceOf(s["杨帆"])!.AbsenceReason);
        var content = MeetingOperations.MinutesOf(db, s.Id, meeting.Id).Single().Content;
        Assert.Equal(minutes.Value.Content.Items.Single().Tally, content.Items.Single().Tally);
        Assert.Equal(ItemOutcomeKind.Approved, content.Items.Single().Outcome);
        Assert.Equal(11_500m, content.Items.Single().DecidedAmount);
        Assert.Equal(attendees.Order(), content.RequiredSigners.Select(p => stored.Members.Single(m => m.PersonId == p).Name).Order());

        var decided = await db.Matters.Include(m => m.Actions).SingleAsync(m => m.Id == matter.Id);
        Assert.Equal(MatterState.Approved, decided.State);
        Assert.Equal(11_500m, decided.DecidedTerms!.Amount);
        // R6: the supplier, written by name, is paid as its entry in the county's counterparty register.
        Assert.Equal(MeetingScenario.Supplier.Name, decided.DecidedTerms.Payee.Name);
        Assert.NotNull(decided.DecidedTerms.Payee.CounterpartyId);
        Assert.Equal(decided.Payee, decided.DecidedTerms.Payee);
        Assert.Equal("凭正式发票据实报销", decided.DecidedTerms.Conditions);
        Assert.Equal(stored.ReferenceOf(stored.Items.Single()), decided.DecidedTerms.MeetingReference);
        Assert.Equal(stored.OutcomeOf(item.Id)!.MatterActionId, decided.Actions.Last().Id);

        // The minutes' content is ledgered as the JSON it is stored as, readable in Chinese.
        var drawnUp = db.LedgerEntries.AsNoTracking().Where(e => e.SubjectType == nameof(MinutesRecord)).AsEnumerable()
            .Select(e => LedgerEntry.Parse(e.Bytes)).First();
        Assert.Equal("meeting.minutes_drawn_up", drawnUp.Kind);
        Assert.Contains("购置会议室音响设备", drawnUp.Data, StringComparison.Ordinal);

        // The payment step: at most the decided amount, only to the decided payee.
        var finance = await s.County.AddPersonAsync("钱会计", Core.Organization.Role.FinanceStaff);
        var payments = new PaymentOperations(database.Writer);
        var today = DateOnly.FromDateTime(database.Time.GetUtcNow().UtcDateTime);
        RecordPayment Pay(decimal amount, Payee payee) => new(finance, amount, payee, Core.Finance.PaymentMethod.TreasuryDirect, "ZF2026-0311", today);
        MeetingScenario.AssertRefused(await payments.RecordAsync(s.Id, matter.Id, Pay(12_000m, Payee.None)), "R43", "exceeds the 11,500.00 the meeting decided");
        MeetingScenario.AssertRefused(await payments.RecordAsync(s.Id, matter.Id, Pay(11_000m, Payee.Named("另一家公司"))), "R43", "not 另一家公司");
        Assert.True((await payments.RecordAsync(s.Id, matter.Id, Pay(11_500m, Payee.None))).IsOk);

        await s.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R43")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeferredItem_ReturnsToTheAgendaQueue(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await MeetingScenario.CreateAsync(database);
        var matter = await s.CollectiveExpenseAsync(9_000m, "维修办公楼屋面");
        await using (var db = database.Context())
        {
            Assert.Equal([matter.Id], MeetingOperations.AgendaQueue(db, s.Id, s.County.Unit).Select(m => m.Id));
        }

        var meeting = await s.ScheduleAsync();
        var item = await s.AddAsync(meeting, matter);
        await using (var db = database.Context())
        {
            Assert.Empty(MeetingOperations.AgendaQueue(db, s.Id, s.County.Unit));
        }

        var other = await s.ScheduleAsync("2026年第4次党委会");
        AssertRefusedOnce(await s.Meetings.AddItemAsync(s.Id, other.Id, matter.Id, AgendaItemRequest.None, s["赵敏"]));
        await s.OpenAsync(meeting);
        await s.AttendAsync(meeting, "王建国", "陈明");
        var deferred = await s.Meetings.DeferAsync(s.Id, meeting.Id, item.Id, "到会人数不足，下次会议再议", s["赵敏"]);
        Assert.True(deferred.IsOk, deferred.ToString());
        Assert.True((await s.Meetings.DrawUpMinutesAsync(s.Id, meeting.Id, s["赵敏"])).IsOk);

        await using (var db = database.Context())
        {
            Assert.Equal([matter.Id], MeetingOperations.AgendaQueue(db, s.Id, s.County.Unit).Select(m => m.Id));
            Assert.Equal(MatterState.Pending, (await db.Matters.SingleAsync(m => m.Id == matter.Id)).State);
        }

        Assert.True((await s.Meetings.AddItemAsync(s.Id, other.Id, matter.Id, AgendaItemRequest.None, s["赵敏"])).IsOk);
        await s.AssertLedgerIntactAsync();

        static void AssertRefusedOnce(Result<AgendaItem> result) => MeetingScenario.AssertRefused(result, "R43", "already on an undecided agenda item");
    }

    [Theory]
    [Trait("Rule", "R43")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeclaredRelativeOfTheInitiator_IsRecusedWhenTheMeetingOpens(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await MeetingScenario.CreateAsync(database);
        var declared = await s.Meetings.DeclareRelativeAsync(s.Id, s["杨帆"], s["陈明"], "配偶");
        Assert.True(declared.IsOk, declared.ToString());
        MeetingScenario.AssertRefused(await s.Meetings.DeclareRelativeAsync(s.Id, s["陈明"], s["杨帆"], "配偶"), "R43", "already declared");
        var matter = await s.CollectiveExpenseAsync(8_000m);
        var meeting = await s.ScheduleAsync();
        var item = await s.AddAsync(meeting, matter);

        await s.OpenAsync(meeting);

        await using var db = database.Context();
        var stored = MeetingOperations.Find(db, s.Id, meeting.Id)!;
        var relative = Assert.Single(stored.RecusalsOn(item.Id), r => r.Ground == RecusalGround.Relative);
        Assert.Equal(s["杨帆"], relative.PersonId);
        Assert.Equal(MeetingState.InSession, stored.State);
        await s.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R43")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CorrectedMinutes_AreANewVersion_AndTheOldOneIsKept(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await MeetingScenario.CreateAsync(database);
        var matter = await s.CollectiveExpenseAsync(6_000m);
        var meeting = await s.ScheduleAsync();
        var item = await s.AddAsync(meeting, matter);
        await s.OpenAsync(meeting);
        await s.AttendAsync(meeting, "王建国", "李秀英", "张伟", "刘洋");
        await s.SaidAsync(meeting, item, "张伟");
        await s.SaidAsync(meeting, item, "刘洋");
        await s.SaidAsync(meeting, item, "李秀英");
        await s.SaidAsync(meeting, item, "王建国");
        Assert.True((await s.Meetings.RejectAsync(s.Id, meeting.Id, item.Id, "经费不足", s["赵敏"])).Refusal is { RuleId: "R43" });
        Assert.True((await s.Meetings.ApproveAsync(s.Id, meeting.Id, item.Id, null, null, s["赵敏"])).IsOk);
        var first = (await s.Meetings.DrawUpMinutesAsync(s.Id, meeting.Id, s["赵敏"])).Value;

        var corrected = await s.Meetings.CorrectMinutesAsync(s.Id, meeting.Id, "更正：第1项议题附件名称", s["张伟"]);

        Assert.True(corrected.IsOk, corrected.ToString());
        MeetingScenario.AssertRefused(await s.Meetings.SignMinutesAsync(s.Id, meeting.Id, first.Id, s["张伟"]), "R43", "superseded");
        Assert.True((await s.Meetings.SignMinutesAsync(s.Id, meeting.Id, corrected.Value.Id, s["张伟"])).IsOk);
        await using var db = database.Context();
        var records = MeetingOperations.MinutesOf(db, s.Id, meeting.Id);
        Assert.Equal([1, 2], records.Select(r => r.Version));
        Assert.Equal(first.Id, records[1].SupersedesId);
        Assert.Single(records[1].Content.Corrections);
        Assert.Single(records[1].Signatures);
        await s.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R43")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMemberWhoDoesNotSign_HoldsTheDecision_UntilTheDisciplineMemberRecordsWhyAfterTheSigningPeriod(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await MeetingScenario.CreateAsync(database);
        var matter = await s.CollectiveExpenseAsync(9_000m);
        var meeting = await s.ScheduleAsync();
        var item = await s.AddAsync(meeting, matter);
        await s.OpenAsync(meeting);
        await s.AttendAsync(meeting, "王建国", "李秀英", "张伟", "刘洋", "杨帆");
        foreach (var name in new[] { "张伟", "刘洋", "杨帆", "李秀英", "王建国" })
        {
            await s.SaidAsync(meeting, item, name);
        }

        Assert.True((await s.Meetings.ApproveAsync(s.Id, meeting.Id, item.Id, null, null, s["赵敏"])).IsOk);
        var minutes = (await s.Meetings.DrawUpMinutesAsync(s.Id, meeting.Id, s["赵敏"])).Value;
        foreach (var name in new[] { "王建国", "李秀英", "张伟", "刘洋" })
        {
            Assert.True((await s.Meetings.SignMinutesAsync(s.Id, meeting.Id, minutes.Id, s[name])).IsOk);
        }

        // 杨帆 has not signed: the decision does not bind, and nobody but the discipline member,
        // and only after the signing period (2 working days), may record why.
        var drawn = DateOnly.FromDateTime(minutes.DrawnUpAt.DateTime);
        var calendar = new Core.Calendar.WorkingCalendar(Core.Calendar.OfficialCalendars.Shipped);
        var afterPeriod = calendar.AddWorkingDays(drawn, 3);
        MeetingScenario.AssertRefused(await s.Meetings.RecordMissingSignatureAsync(s.Id, meeting.Id, s["杨帆"], "出差未归", s["赵敏"], afterPeriod), "R43", "discipline member");
        MeetingScenario.AssertRefused(await s.Meetings.RecordMissingSignatureAsync(s.Id, meeting.Id, s["杨帆"], "出差未归", s["王建国"], afterPeriod), "R43", "discipline member");
        MeetingScenario.AssertRefused(await s.Meetings.RecordMissingSignatureAsync(s.Id, meeting.Id, s["杨帆"], "出差未归", s["郑洁"], drawn), "R43", "working day");
        await using (var db = database.Context())
        {
            Assert.Equal(MatterState.Pending, (await db.Matters.SingleAsync(m => m.Id == matter.Id)).State);
            Assert.Equal([s["杨帆"]], MeetingOperations.Find(db, s.Id, meeting.Id)!.OverdueSigners(afterPeriod, calendar));
            Assert.Empty(MeetingOperations.Find(db, s.Id, meeting.Id)!.OverdueSigners(drawn, calendar));
        }

        // Reported to the discipline member once the period is over, once.
        Assert.Equal(0, await s.Meetings.ReportOverdueSignaturesAsync(s.Id, drawn));
        Assert.Equal(1, await s.Meetings.ReportOverdueSignaturesAsync(s.Id, afterPeriod));
        Assert.Equal(0, await s.Meetings.ReportOverdueSignaturesAsync(s.Id, afterPeriod));
        await using (var db = database.Context())
        {
            var notice = await db.Set<Core.Notifications.Notification>().SingleAsync(n => n.Kind == Core.Notifications.NotificationKind.SignatureOverdue);
            Assert.Equal((s["郑洁"], "杨帆"), (notice.RecipientId, notice.TextArgs[1]));
        }

        var explained = await s.Meetings.RecordMissingSignatureAsync(s.Id, meeting.Id, s["杨帆"], "出差未归，电话确认无异议", s["郑洁"], afterPeriod);
        Assert.True(explained.IsOk, explained.ToString());
        await using (var db = database.Context())
        {
            var decided = await db.Matters.Include(m => m.Actions).SingleAsync(m => m.Id == matter.Id);
            Assert.Equal(MatterState.Approved, decided.State);
            Assert.Equal(s["赵敏"], decided.Actions[^1].ActorId);
            var stored = MeetingOperations.Find(db, s.Id, meeting.Id)!;
            Assert.Equal(MeetingState.Bound, stored.State);
            Assert.Equal("出差未归，电话确认无异议", stored.CurrentMinutes!.Explanations.Single().Reason);
        }

        await s.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R43")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OnlyTheOfficeOrAPrincipal_RecordsAMeeting_WhoeverCallsTheOperation(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await MeetingScenario.CreateAsync(database);
        var matter = await s.CollectiveExpenseAsync(9_000m);
        var meeting = await s.ScheduleAsync();
        await s.AddAsync(meeting, matter);
        await s.OpenAsync(meeting);

        // A deputy sees the meeting but does not record it; staff do not even see it.
        var byDeputy = await s.Meetings.MarkPresentAsync(s.Id, meeting.Id, s["张伟"], s["张伟"]);
        Assert.Equal("R43.NotRecorder", byDeputy.Refusal?.Key);
        var byStaff = await s.Meetings.MarkPresentAsync(s.Id, meeting.Id, s["张伟"], s["周杰"]);
        Assert.True(byStaff.Refusal?.IsNotFound, byStaff.ToString());
        var scheduledByDeputy = await s.Meetings.ScheduleAsync(new ScheduleMeeting(s.Id, s.County.Unit, MeetingKind.TeamMeeting, "副职自行召集的会议", MeetingScenario.MeetingAt, s["王建国"]), s["张伟"]);
        Assert.Equal("R43.NotRecorder", scheduledByDeputy.Refusal?.Key);
        Assert.True((await s.Meetings.MarkPresentAsync(s.Id, meeting.Id, s["张伟"], s["王建国"])).IsOk);
        await s.AssertLedgerIntactAsync();
    }
}
