using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fenquan.Web.Tests.Meetings;

/// <summary>
/// Notifications of members, cancelling a meeting, declared relatives and the county's rules of
/// decision, through the real pages (antiforgery) and the JSON API (R43).
/// </summary>
[Trait("Rule", "R43")]
public sealed class MeetingNotificationWebTests
{
    [Fact]
    public async Task SchedulingAMeeting_NotifiesTheTeam_UnreadCountInTheNav_OnlyTheRecipientMarksRead_R43()
    {
        await using var app = await WebApp.StartAsync();
        var s = await MeetingSetup.StartAsync(app);
        var before = await NotificationsAsync(s["u1.principal2"]);

        var meeting = await s.ScheduleAndOpenAsync();

        // Scheduled and an item added: two new notifications for every team member, none for the clerk.
        var mine = await NotificationsAsync(s["u1.principal2"]);
        Assert.Equal(before.GetProperty("unread").GetInt32() + 2, mine.GetProperty("unread").GetInt32());
        var scheduled = mine.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "MeetingScheduled" && n.GetProperty("subjectId").GetGuid() == meeting);
        Assert.Contains("城关镇第12次班子会议", scheduled.GetProperty("text").GetString());
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "AgendaItemAdded" && n.GetProperty("text").GetString()!.Contains("村道护栏维修费", StringComparison.Ordinal));
        Assert.DoesNotContain((await NotificationsAsync(s["u1.staff1"])).GetProperty("items").EnumerateArray(), n => n.GetProperty("subjectId").GetGuid() == meeting);

        // The nav shows the unread count; the page lists the notification.
        var unread = mine.GetProperty("unread").GetInt32();
        var page = await s["u1.principal2"].GetStringAsync("/notifications");
        Assert.Contains($"data-testid=\"nav-unread\">({unread})<", page);
        Assert.Contains("城关镇第12次班子会议", page);
        var id = scheduled.GetProperty("id").GetGuid();

        // Another person cannot mark it read (it does not exist for them), by page or API.
        Assert.Equal(HttpStatusCode.NotFound, (await s["u1.finance"].PostAsync($"/api/v1/notifications/{id}/read", null)).StatusCode);
        var financePage = await s["u1.finance"].GetStringAsync("/notifications");
        var forged = await s["u1.finance"].PostAsync("/notifications?handler=Read", Form(financePage, ("id", id.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        // Without the antiforgery token the form post is refused.
        var noToken = await s["u1.principal2"].PostAsync("/notifications?handler=Read", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id.ToString() }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        var read = await s["u1.principal2"].PostAsync("/notifications?handler=Read", Form(page, ("id", id.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        var after = await NotificationsAsync(s["u1.principal2"]);
        Assert.Equal(unread - 1, after.GetProperty("unread").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("id").GetGuid() == id).GetProperty("readAt").ValueKind);

        var api = await s["u1.finance"].GetAsync("/api/v1/notifications");
        var financeId = (await api.ReadAsync()).GetProperty("items").EnumerateArray().First(n => n.GetProperty("subjectId").GetGuid() == meeting).GetProperty("id").GetGuid();
        var byApi = await s["u1.finance"].PostAsync($"/api/v1/notifications/{financeId}/read", null);
        Assert.Equal(HttpStatusCode.OK, byApi.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await byApi.ReadAsync()).GetProperty("readAt").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await s["u1.finance"].PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", null)).StatusCode);

        // Minutes drawn up: the attendees are asked to sign.
        await s.RecordAttendanceAsync(meeting);
        var item = await s.ItemAsync(meeting);
        Assert.Equal(HttpStatusCode.OK, (await s["u1.office"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/outcome", new { itemId = item, outcome = "Defer", reason = "补充材料" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s["u1.office"].PostAsync($"/api/v1/meetings/{meeting}/minutes", null)).StatusCode);
        Assert.Contains((await NotificationsAsync(s["u1.finance"])).GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "MinutesToSign");
        Assert.DoesNotContain((await NotificationsAsync(s["u1.construction"])).GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "MinutesToSign");
    }

    [Fact]
    public async Task CancellingAMeeting_NeedsARecorderAndAReason_NotifiesTheTeam_AndReturnsItsMatterToTheQueue_R43()
    {
        await using var app = await WebApp.StartAsync();
        var s = await MeetingSetup.StartAsync(app);
        var scheduled = await s["u1.office"].PostAsJsonAsync("/api/v1/meetings", new { kind = "TeamMeeting", title = "城关镇第13次班子会议", scheduledAt = DateTimeOffset.UtcNow, chairId = s.People["u1.principal1"] });
        var meeting = (await scheduled.ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await s["u1.office"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/items", new { matterId = s.MatterId })).StatusCode);

        var byDeputy = await s["u1.finance"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/cancel", new { reason = "改期" });
        Assert.Equal(HttpStatusCode.Forbidden, byDeputy.StatusCode);
        Assert.Equal("R43", (await byDeputy.ReadAsync()).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await s["u1.staff1"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/cancel", new { reason = "改期" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await s["u1.office"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/cancel", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s["u1.office"].PostAsJsonAsync($"/api/v1/meetings/{Guid.NewGuid()}/cancel", new { reason = "改期" })).StatusCode);

        // The office cancels on the meeting page (form with antiforgery), with the reason.
        var page = await s["u1.office"].GetStringAsync($"/meetings/{meeting}");
        Assert.Contains("data-testid=\"cancel-form\"", page);
        Assert.DoesNotContain("data-testid=\"cancel-form\"", await s["u1.finance"].GetStringAsync($"/meetings/{meeting}"));
        var cancelled = await s["u1.office"].PostAsync($"/meetings/{meeting}?handler=Cancel", Form(page, ("cancelReason", "主要领导外出，改期召开")));
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);

        var view = await s.MeetingAsync(meeting);
        Assert.Equal("Cancelled", view.GetProperty("state").GetString());
        Assert.Contains("主要领导外出，改期召开", await s["u1.office"].GetStringAsync($"/meetings/{meeting}"));
        Assert.Contains((await (await s["u1.office"].GetAsync("/api/v1/meetings/queue")).ReadAsync()).EnumerateArray(), q => q.GetProperty("id").GetGuid() == s.MatterId);
        var told = (await NotificationsAsync(s["u1.construction"])).GetProperty("items").EnumerateArray().Single(n => n.GetProperty("kind").GetString() == "MeetingCancelled");
        Assert.Contains("主要领导外出，改期召开", told.GetProperty("text").GetString());
        Assert.StartsWith("会议“城关镇第13次班子会议”已取消", told.GetProperty("text").GetString(), StringComparison.Ordinal);

        // In English, the same notification reads in English (the text is a key with arguments).
        var construction = s["u1.construction"];
        var zh = await construction.GetStringAsync("/notifications");
        Assert.Contains("通知", zh);
        Assert.Equal(HttpStatusCode.Redirect, (await construction.PostAsync("/culture", Form(zh, ("culture", "en"), ("returnUrl", "/notifications")))).StatusCode);
        var en = await construction.GetStringAsync("/notifications");
        // Only the title and the reason, what people wrote, are marked user data.
        Assert.Contains("Meeting \"<span data-user>城关镇第13次班子会议</span>\" was cancelled: <span data-user>主要领导外出，改期召开</span>.", System.Net.WebUtility.HtmlDecode(en));
        Assert.Contains("Mark read", en);

        var again = await s["u1.principal1"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/cancel", new { reason = "再取消" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("R43", (await again.ReadAsync()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task DeclaredRelativeOfTheInitiator_IsRecusedAutomaticallyWhenTheMeetingOpens_EndToEnd_R43()
    {
        await using var app = await WebApp.StartAsync();
        var s = await MeetingSetup.StartAsync(app);
        var personnel = s["u1.personnel"];

        // Bad input 400, oneself refused naming R43, an unknown person 404, a person-less account 403.
        Assert.Equal(HttpStatusCode.BadRequest, (await personnel.PostAsJsonAsync("/api/v1/relatives", new { relativeId = s.People["u1.staff1"] })).StatusCode);
        var self = await personnel.PostAsJsonAsync("/api/v1/relatives", new { relativeId = s.People["u1.personnel"], relationship = "Sibling" });
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Equal("R43", (await self.ReadAsync()).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await personnel.PostAsJsonAsync("/api/v1/relatives", new { relativeId = Guid.NewGuid(), relationship = "Spouse" })).StatusCode);
        var admin = await app.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/v1/relatives", new { relativeId = s.People["u1.staff1"], relationship = "Spouse" })).StatusCode);

        // The personnel deputy declares the clerk who initiated the expense as spouse, on the page.
        var page = await personnel.GetStringAsync("/relatives");
        Assert.Contains("data-testid=\"relative-form\"", page);
        var declared = await personnel.PostAsync("/relatives", Form(page, ("relativeId", s.People["u1.staff1"].ToString()), ("relationship", "Spouse")));
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        var listed = Assert.Single((await (await personnel.GetAsync("/api/v1/relatives")).ReadAsync()).EnumerateArray());
        Assert.Equal(s.People["u1.staff1"], listed.GetProperty("relativeId").GetGuid());
        Assert.Equal("配偶", listed.GetProperty("relationshipTerm").GetString());
        Assert.Contains("配偶", await personnel.GetStringAsync("/relatives"));
        var twice = await personnel.PostAsJsonAsync("/api/v1/relatives", new { relativeId = s.People["u1.staff1"], relationship = "Spouse" });
        Assert.Equal("R43", (await twice.ReadAsync()).GetProperty("rule").GetString());

        var meeting = await s.ScheduleAndOpenAsync();

        var recusal = Assert.Single((await s.MeetingAsync(meeting)).GetProperty("items")[0].GetProperty("recusals").EnumerateArray());
        Assert.Equal(s.People["u1.personnel"], recusal.GetProperty("personId").GetGuid());
        Assert.Equal("Relative", recusal.GetProperty("ground").GetString());
        Assert.True(recusal.GetProperty("automatic").GetBoolean());

        // Recused: the deputy gives no opinion on the item.
        await s.RecordAttendanceAsync(meeting);
        var refused = await s.OpinionAsync(meeting, await s.ItemAsync(meeting), "u1.personnel");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("recused", (await refused.ReadAsync()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CountyRaisesItsQuorumToTwoThirds_ThreeOfSixPresentHasNoQuorum_BelowTheFloorIsRefusedNamingR43()
    {
        await using var app = await WebApp.StartAsync();
        var s = await MeetingSetup.StartAsync(app);
        var admin = await app.SignInAsync("admin");
        const string Url = "/api/v1/county/decision-rules";

        var defaults = await (await s["u1.office"].GetAsync(Url)).ReadAsync();
        Assert.Equal(0, defaults.GetProperty("version").GetInt32());
        Assert.True(defaults.GetProperty("rules").GetProperty("quorum").GetProperty("strict").GetBoolean());

        static object Rules(int quorumNumerator, int quorumDenominator, bool strict, string majorityBase = "AllNotRecused") => new
        {
            quorum = new { numerator = quorumNumerator, denominator = quorumDenominator, strict },
            personnelQuorum = new { numerator = 2, denominator = 3, strict = false },
            majority = new { numerator = 1, denominator = 2, strict = true },
            majorityBase,
            personnelMajority = new { numerator = 1, denominator = 2, strict = true },
            personnelMajorityBase = "AllNotRecused",
        };

        // Only the county administrator sets them; never below the floor; malformed input is 400.
        var byPrincipal = await s["u1.principal1"].PutAsJsonAsync(Url, Rules(2, 3, false));
        Assert.Equal(HttpStatusCode.Forbidden, byPrincipal.StatusCode);
        Assert.Equal("R43", (await byPrincipal.ReadAsync()).GetProperty("rule").GetString());
        var loose = await admin.PutAsJsonAsync(Url, Rules(1, 2, false));
        Assert.Equal(HttpStatusCode.Conflict, loose.StatusCode);
        Assert.Equal("R43", (await loose.ReadAsync()).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync(Url, new { quorum = new { numerator = 2, denominator = 3, strict = false } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync(Url, Rules(3, 2, true))).StatusCode);

        // R43: the majority is of every member entitled to vote, never of those present only.
        var ofPresent = await admin.PutAsJsonAsync(Url, Rules(2, 3, false, "EntitledPresent"));
        Assert.Equal(HttpStatusCode.Conflict, ofPresent.StatusCode);
        Assert.Equal("R43.MajorityOfPresentOnly", (await ofPresent.ReadAsync()).GetProperty("key").GetString());

        // The county administrator's page: below the floor refused naming R43; two thirds saved.
        var adminPage = await admin.GetStringAsync("/admin/county");
        Assert.Contains("data-testid=\"rules-form\"", adminPage);
        Assert.Contains("应到会人数为班子全体成员（回避的成员也计入）", adminPage); // the rule in plain Chinese (R43)
        var belowFloor = await admin.PostAsync("/admin/county?handler=DecisionRules", Form(adminPage, RulesForm("1", "3", "true")));
        Assert.Equal(HttpStatusCode.Conflict, belowFloor.StatusCode);
        Assert.Contains("R43", await belowFloor.Content.ReadAsStringAsync());
        var saved = await admin.PostAsync("/admin/county?handler=DecisionRules", Form(adminPage, RulesForm("2", "3", "false")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var inForce = await (await s["u1.office"].GetAsync(Url)).ReadAsync();
        Assert.Equal(1, inForce.GetProperty("version").GetInt32());
        Assert.Equal("admin", inForce.GetProperty("setBy").GetString());
        Assert.Equal(2, inForce.GetProperty("rules").GetProperty("quorum").GetProperty("numerator").GetInt32());

        // A meeting scheduled now freezes two thirds of the whole team (应到会, 6): 3 present (three
        // absent) is not two thirds — no quorum, approval refused.
        var meeting = await s.ScheduleAndOpenAsync();
        var item = await s.ItemAsync(meeting);
        Assert.Contains("到会人数 不少于 2/3", await s["u1.office"].GetStringAsync($"/meetings/{meeting}"));
        foreach (var user in MeetingSetup.Team)
        {
            var present = user is "u1.principal1" or "u1.principal2" or "u1.finance";
            Assert.Equal(HttpStatusCode.NoContent, (await s["u1.office"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/attendance", new { personId = s.People[user], present, reason = present ? null : "外出" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await s.OpinionAsync(meeting, item, "u1.finance")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.OpinionAsync(meeting, item, "u1.principal2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.OpinionAsync(meeting, item, "u1.principal1")).StatusCode);
        var tally = (await s.MeetingAsync(meeting)).GetProperty("items")[0].GetProperty("tally");
        Assert.Equal(3, tally.GetProperty("entitled").GetInt32());
        Assert.Equal(6, tally.GetProperty("quorumBase").GetInt32());
        Assert.False(tally.GetProperty("quorumMet").GetBoolean());

        var approve = await s["u1.office"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/outcome", new { itemId = item, outcome = "Approve" });
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        var problem = await approve.ReadAsync();
        Assert.Equal("R43", problem.GetProperty("rule").GetString());
        Assert.Contains("no quorum: 3 of 6", problem.GetProperty("reason").GetString());
    }

    private static (string, string)[] RulesForm(string numerator, string denominator, string strict) =>
    [
        ("rules.Quorum.Numerator", numerator), ("rules.Quorum.Denominator", denominator), ("rules.Quorum.Strict", strict),
        ("rules.PersonnelQuorum.Numerator", "2"), ("rules.PersonnelQuorum.Denominator", "3"), ("rules.PersonnelQuorum.Strict", "false"),
        ("rules.Majority.Numerator", "1"), ("rules.Majority.Denominator", "2"), ("rules.Majority.Strict", "true"),
        ("rules.PersonnelMajority.Numerator", "1"), ("rules.PersonnelMajority.Denominator", "2"), ("rules.PersonnelMajority.Strict", "true"),
        ("rules.MajorityBase", "AllNotRecused"), ("rules.PersonnelMajorityBase", "AllNotRecused"),
    ];

    private static async Task<JsonElement> NotificationsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/notifications");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync();
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields)
    {
        var values = fields.ToDictionary(f => f.Name, f => f.Value);
        values["__RequestVerificationToken"] = WebApp.Token(page);
        return new FormUrlEncodedContent(values);
    }
}
