using System.Net;
using System.Net.Http.Json;
using Fenquan.Documents.Fonts;

namespace Fenquan.Web.Tests.Meetings;

/// <summary>The meeting API end to end on a real database (R43): who may record, principal last, minutes signed by every attendee, the outcome bound into the matter.</summary>
public sealed class MeetingApiTests
{
    /// <summary>SQLite and PostgreSQL; without PostgreSQL the second case skips, or fails under FENQUAN_REQUIRE_ALL=1.</summary>
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [Trait("Rule", "R43")]
    [MemberData(nameof(Providers))]
    public async Task Meeting_DecidesTheExpenseAtTheDecidedAmount_PrincipalLast_MinutesFinalOnlyWhenAllSign_PayingMoreIsRefused_R43(string provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var s = await MeetingSetup.StartAsync(app);

        // The expense waits in the unit's agenda queue.
        var queue = await (await s["u1.office"].GetAsync("/api/v1/meetings/queue")).ReadAsync();
        Assert.Contains(queue.EnumerateArray(), q => q.GetProperty("id").GetGuid() == s.MatterId);

        // Only the office or a principal schedules: a deputy is refused 403, a clerk sees no meetings (404).
        var byDeputy = await s["u1.finance"].PostAsJsonAsync("/api/v1/meetings", new { kind = "TeamMeeting", title = "x", scheduledAt = DateTimeOffset.UtcNow, chairId = s.People["u1.principal1"] });
        Assert.Equal(HttpStatusCode.Forbidden, byDeputy.StatusCode);
        Assert.Equal("R43", (await byDeputy.ReadAsync()).GetProperty("rule").GetString());
        var byClerk = await s["u1.staff1"].PostAsJsonAsync("/api/v1/meetings", new { kind = "TeamMeeting", title = "x", scheduledAt = DateTimeOffset.UtcNow, chairId = s.People["u1.principal1"] });
        Assert.Equal(HttpStatusCode.NotFound, byClerk.StatusCode);

        var meeting = await s.ScheduleAndOpenAsync();
        var item = await s.ItemAsync(meeting);
        Assert.Equal(HttpStatusCode.NotFound, (await s["u1.staff1"].GetAsync($"/api/v1/meetings/{meeting}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s["u1.discipline"].GetAsync($"/api/v1/meetings/{meeting}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s["u1.discipline"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/attendance", new { personId = s.People["u1.finance"], present = true })).StatusCode);

        await s.RecordAttendanceAsync(meeting);
        var recused = await s["u1.office"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/recusals", new { itemId = item, personId = s.People["u1.procurement"], reason = "护栏供应商为本人亲属所在企业" });
        Assert.Equal(HttpStatusCode.NoContent, recused.StatusCode);

        // 末位表态: the chairing principal first is refused naming R43, and nothing is recorded.
        var before = await app.CountsAsync();
        var first = await s.OpinionAsync(meeting, item, "u1.principal1", recorder: "u1.principal1");
        Assert.Equal(HttpStatusCode.Conflict, first.StatusCode);
        var problem = await first.ReadAsync();
        Assert.Equal("R43", problem.GetProperty("rule").GetString());
        Assert.Contains("末位表态", problem.GetProperty("reason").GetString());
        Assert.Equal(before, await app.CountsAsync());

        Assert.Equal(HttpStatusCode.OK, (await s.OpinionAsync(meeting, item, "u1.finance", reason: "确有必要")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.OpinionAsync(meeting, item, "u1.personnel", "Abstain", "不了解情况")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.OpinionAsync(meeting, item, "u1.principal2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.OpinionAsync(meeting, item, "u1.principal1", recorder: "u1.principal1")).StatusCode);

        var view = await s.MeetingAsync(meeting);
        var tally = view.GetProperty("items")[0].GetProperty("tally");
        Assert.True(tally.GetProperty("quorumMet").GetBoolean());
        Assert.Equal(3, tally.GetProperty("agree").GetInt32());
        Assert.Equal(4, tally.GetProperty("entitled").GetInt32());

        // Above the proposed amount is refused; the decided amount binds the matter.
        Assert.Equal(HttpStatusCode.Conflict, (await s["u1.office"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/outcome", new { itemId = item, outcome = "Approve", decidedAmount = 12500m })).StatusCode);
        var approved = await s["u1.office"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/outcome", new { itemId = item, outcome = "Approve", decidedAmount = 11500m, conditions = "凭发票据实结算" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        // R43: the outcome binds the matter only when every member present has signed the minutes.
        var matter = await (await s["u1.staff1"].GetAsync($"/api/v1/matters/{s.MatterId}")).ReadAsync();
        Assert.Equal("Pending", matter.GetProperty("state").GetString());

        var minutes = await s["u1.office"].PostAsync($"/api/v1/meetings/{meeting}/minutes", null);
        Assert.Equal(HttpStatusCode.OK, minutes.StatusCode);

        // The office recorded but did not attend: it cannot sign (403); nobody signs for another.
        Assert.Equal(HttpStatusCode.Forbidden, (await s["u1.office"].PostAsync($"/api/v1/meetings/{meeting}/minutes/signatures", null)).StatusCode);
        var present = new[] { "u1.principal1", "u1.principal2", "u1.finance", "u1.personnel", "u1.procurement" };
        foreach (var signer in present)
        {
            var state = (await s.MeetingAsync(meeting)).GetProperty("minutes").GetProperty("state").GetString();
            Assert.Equal("Draft", state); // not final before every attendee signs
            Assert.Equal(HttpStatusCode.OK, (await s[signer].PostAsync($"/api/v1/meetings/{meeting}/minutes/signatures", null)).StatusCode);
        }

        var final = (await s.MeetingAsync(meeting)).GetProperty("minutes");
        Assert.Equal("Final", final.GetProperty("state").GetString());
        Assert.Equal("Bound", (await s.MeetingAsync(meeting)).GetProperty("state").GetString());
        Assert.Equal("Approved", (await (await s["u1.staff1"].GetAsync($"/api/v1/matters/{s.MatterId}")).ReadAsync()).GetProperty("state").GetString());
        Assert.Equal(5, final.GetProperty("signatures").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await s["u1.principal1"].PostAsync($"/api/v1/meetings/{meeting}/minutes/signatures", null)).StatusCode);

        if (CjkFont.IsAvailable)
        {
            var pdf = await s["u1.discipline"].GetAsync($"/api/v1/meetings/{meeting}/minutes.pdf");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await s["u1.staff1"].GetAsync($"/api/v1/meetings/{meeting}/minutes.pdf")).StatusCode);

        // The payment step: beyond the decision is refused naming R43, more than the decided amount
        // or another payee; the finance staff pay within it, and nobody else pays at all.
        var payments = $"/api/v1/matters/{s.MatterId}/payments";
        var financeStaff = await app.SignInAsync("u1.financestaff");
        var overpaid = await financeStaff.PostAsJsonAsync(payments, new { amount = 12000m, method = "TreasuryDirect", reference = "ZF-0001" });
        Assert.Equal(HttpStatusCode.Conflict, overpaid.StatusCode);
        var overpaidProblem = await overpaid.ReadAsync();
        Assert.Equal("R43", overpaidProblem.GetProperty("rule").GetString());
        Assert.Contains("11,500.00", overpaidProblem.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await s["u1.finance"].PostAsJsonAsync(payments, new { amount = 100m, method = "TreasuryDirect", reference = "ZF-0002" })).StatusCode);
        var within = await financeStaff.PostAsJsonAsync(payments, new { amount = 11500m, method = "TreasuryDirect", reference = "ZF-0003" });
        Assert.Equal(HttpStatusCode.Created, within.StatusCode);
        var paid = await (await s["u1.principal1"].GetAsync(payments)).ReadAsync();
        Assert.Equal((11500m, 11500m, 0m), (paid.GetProperty("payable").GetDecimal(), paid.GetProperty("paid").GetDecimal(), paid.GetProperty("left").GetDecimal()));
        Assert.Equal("ZF-0003", paid.GetProperty("payments")[0].GetProperty("reference").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await financeStaff.PostAsJsonAsync(payments, new { amount = 1m })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync("u2.principal1")).PostAsJsonAsync(payments, new { amount = 1m, method = "BankTransfer", reference = "x" })).StatusCode);
    }

    [Fact]
    public async Task DeferredItem_ReturnsToTheQueue_AndACorrectionOfFinalMinutesIsANewVersionToSignAgain_R43()
    {
        await using var app = await WebApp.StartAsync();
        var s = await MeetingSetup.StartAsync(app);
        var meeting = await s.ScheduleAndOpenAsync();
        var item = await s.ItemAsync(meeting);
        Assert.DoesNotContain((await (await s["u1.office"].GetAsync("/api/v1/meetings/queue")).ReadAsync()).EnumerateArray(), q => q.GetProperty("id").GetGuid() == s.MatterId);
        await s.RecordAttendanceAsync(meeting);

        var deferred = await s["u1.principal1"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/outcome", new { itemId = item, outcome = "Defer", reason = "补充现场勘察材料后再议" });
        Assert.Equal(HttpStatusCode.OK, deferred.StatusCode);
        Assert.Contains((await (await s["u1.office"].GetAsync("/api/v1/meetings/queue")).ReadAsync()).EnumerateArray(), q => q.GetProperty("id").GetGuid() == s.MatterId);

        Assert.Equal(HttpStatusCode.OK, (await s["u1.office"].PostAsync($"/api/v1/meetings/{meeting}/minutes", null)).StatusCode);
        foreach (var signer in new[] { "u1.principal1", "u1.principal2", "u1.finance", "u1.personnel", "u1.procurement" })
        {
            Assert.Equal(HttpStatusCode.OK, (await s[signer].PostAsync($"/api/v1/meetings/{meeting}/minutes/signatures", null)).StatusCode);
        }

        Assert.Equal("Final", (await s.MeetingAsync(meeting)).GetProperty("minutes").GetProperty("state").GetString());
        // Only an attendee corrects, as themselves: the office recorded but did not attend (403).
        Assert.Equal(HttpStatusCode.Forbidden, (await s["u1.office"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes/corrections", new { note = "x" })).StatusCode);
        var corrected = await s["u1.finance"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes/corrections", new { note = "缺席原因更正为：参加县委培训" });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var minutes = (await s.MeetingAsync(meeting)).GetProperty("minutes");
        Assert.Equal(2, minutes.GetProperty("version").GetInt32());
        Assert.Equal("Draft", minutes.GetProperty("state").GetString());
        Assert.Equal(0, minutes.GetProperty("signatures").GetArrayLength());
    }
}
