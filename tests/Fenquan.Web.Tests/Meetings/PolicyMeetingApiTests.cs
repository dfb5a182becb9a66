using System.Net;
using System.Net.Http.Json;
using Fenquan.Core.Policy;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Meetings;

/// <summary>
/// R40 with R43 over the API: the unit administrator's proposal is tabled in a real team meeting,
/// decided by the members' opinions, its agreement counts once the minutes are final, and the
/// county approves it under four eyes — one county administrator's approval alone publishes nothing,
/// a second one (admin2) publishes the version, and the county's discipline inspection sees it.
/// </summary>
public sealed class PolicyMeetingApiTests
{
    [Fact]
    [Trait("Rule", "R40")]
    [Trait("Rule", "R43")]
    public async Task AProposal_IsAgreedInAMeetingWithFinalMinutes_OneCountyApprovalIsNotEnough_TheSecondPublishes()
    {
        await using var app = await WebApp.StartAsync();
        var s = await MeetingSetup.StartAsync(app);
        var office = s["u1.office"];
        string document;
        int versions;
        await using (var db = app.Db())
        {
            var current = await db.PolicyVersions.OrderBy(v => v.Number).FirstAsync();
            document = PolicyJson.Write(PolicyJson.Parse(current.DocumentJson).Value with { EffectiveFrom = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2) });
            versions = await db.PolicyVersions.CountAsync();
        }

        var proposed = await office.PostAsJsonAsync("/api/v1/policy/proposals", new { summary = "调整会签档次", document });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var proposal = (await proposed.ReadAsync()).GetProperty("id").GetGuid();

        var scheduled = await office.PostAsJsonAsync("/api/v1/meetings", new { kind = "TeamMeeting", title = "城关镇第13次班子会议", scheduledAt = DateTimeOffset.UtcNow, chairId = s.People["u1.principal1"] });
        var meeting = (await scheduled.ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await s["u1.finance"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/policy-items", new { proposalId = proposal })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/policy-items", new { proposalId = proposal })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/v1/meetings/{meeting}/open", null)).StatusCode);
        var item = (await s.MeetingAsync(meeting)).GetProperty("items")[0];
        Assert.Equal(proposal, item.GetProperty("policyProposalId").GetGuid());
        var itemId = item.GetProperty("id").GetGuid();
        await s.RecordAttendanceAsync(meeting);
        foreach (var speaker in new[] { "u1.finance", "u1.personnel", "u1.procurement", "u1.principal2" })
        {
            Assert.Equal(HttpStatusCode.OK, (await s.OpinionAsync(meeting, itemId, speaker)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await s.OpinionAsync(meeting, itemId, "u1.principal1", recorder: "u1.principal1")).StatusCode);

        // The office proposed it, so a principal records the outcome; the matter outcome endpoint does not decide it.
        var byProposer = await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/policy-items/{itemId}/outcome", new { outcome = "Approve" });
        Assert.Equal("R43.NotTheRecorder", (await byProposer.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.OK, (await s["u1.principal1"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/policy-items/{itemId}/outcome", new { outcome = "Approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/v1/meetings/{meeting}/minutes", null)).StatusCode);

        // Not yet final: no agreement.
        var early = await office.PostAsJsonAsync($"/api/v1/policy/proposals/{proposal}/agreement", new { meetingId = meeting });
        Assert.Equal("R43.MinutesNotFinal", (await early.ReadAsync()).GetProperty("key").GetString());
        foreach (var signer in new[] { "u1.principal1", "u1.principal2", "u1.finance", "u1.personnel", "u1.procurement" })
        {
            var signed = await s[signer].PostAsync($"/api/v1/meetings/{meeting}/minutes/signatures", null);
            Assert.True(signed.StatusCode == HttpStatusCode.OK, signer + ": " + await signed.Content.ReadAsStringAsync());
        }

        var agreed = await office.PostAsJsonAsync($"/api/v1/policy/proposals/{proposal}/agreement", new { meetingId = meeting });
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);

        var admin = await app.SignInAsync("admin");
        Assert.Contains((await (await admin.GetAsync("/api/v1/policy/proposals/awaiting-county")).ReadAsync()).EnumerateArray(), p => p.GetProperty("id").GetGuid() == proposal);
        var first = await admin.PostAsJsonAsync($"/api/v1/policy/proposals/{proposal}/county-approvals", new { });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var again = await admin.PostAsJsonAsync($"/api/v1/policy/proposals/{proposal}/county-approvals", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("R40.ProposerCannotConfirm", (await again.ReadAsync()).GetProperty("key").GetString());

        var state = (await (await office.GetAsync($"/api/v1/policy/proposals/{proposal}")).ReadAsync()).GetProperty("state").GetString();
        Assert.Equal("CountyApprovedOnce", state);
        await using (var after = app.Db())
        {
            Assert.Equal(versions, await after.PolicyVersions.CountAsync());
        }

        var second = await (await app.SignInAsync("admin2")).PostAsJsonAsync($"/api/v1/policy/proposals/{proposal}/county-approvals", new { });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2), DateOnly.Parse((await second.ReadAsync()).GetProperty("effectiveFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var seen = await (await (await app.SignInAsync("county.discipline")).GetAsync($"/api/v1/policy/proposals/{proposal}")).ReadAsync();
        Assert.Equal("Approved", seen.GetProperty("state").GetString());
        await using var published = app.Db();
        Assert.Equal(versions + 1, await published.PolicyVersions.CountAsync());
    }
}
