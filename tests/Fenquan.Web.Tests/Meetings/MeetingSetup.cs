using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fenquan.Web.Tests.Meetings;

/// <summary>
/// The demo unit 城关镇 ready for a meeting: a clerk's 12,000-yuan expense reviewed by the office and
/// the finance deputy waits at its collective-decision step (R5); the team's clients are signed in.
/// </summary>
public sealed class MeetingSetup
{
    public required WebApp App { get; init; }

    public required Guid MatterId { get; init; }

    public required Dictionary<string, HttpClient> Clients { get; init; }

    public required Dictionary<string, Guid> People { get; init; }

    public HttpClient this[string user] => Clients[user];

    public static readonly string[] Team = ["u1.principal1", "u1.principal2", "u1.finance", "u1.personnel", "u1.procurement", "u1.construction"];

    public static async Task<MeetingSetup> StartAsync(WebApp app)
    {
        var clients = new Dictionary<string, HttpClient>();
        var people = new Dictionary<string, Guid>();
        foreach (var user in Team.Concat(["u1.office", "u1.staff1", "u1.discipline"]))
        {
            var client = await app.SignInAsync(user);
            clients[user] = client;
            people[user] = (await (await client.GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();
        }

        var submitted = await clients["u1.staff1"].PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "村道护栏维修费", amount = 12000m, payMe = true });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await clients["u1.office"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review", comment = "材料齐全" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clients["u1.finance"].PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review", comment = "建议上会" })).StatusCode);
        return new MeetingSetup { App = app, MatterId = id, Clients = clients, People = people };
    }

    /// <summary>The office schedules a team meeting chaired by principal1 with the expense on it, and opens it.</summary>
    public async Task<Guid> ScheduleAndOpenAsync()
    {
        var office = this["u1.office"];
        var scheduled = await office.PostAsJsonAsync("/api/v1/meetings", new { kind = "TeamMeeting", title = "城关镇第12次班子会议", scheduledAt = DateTimeOffset.UtcNow, chairId = People["u1.principal1"] });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var meeting = (await scheduled.ReadAsync()).GetProperty("id").GetGuid();
        var item = await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/items", new { matterId = MatterId, documents = new[] { "维修预算表", "现场照片" } });
        Assert.Equal(HttpStatusCode.Created, item.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/v1/meetings/{meeting}/open", null)).StatusCode);
        return meeting;
    }

    public async Task<JsonElement> MeetingAsync(Guid meeting, string user = "u1.office") =>
        await (await this[user].GetAsync($"/api/v1/meetings/{meeting}")).ReadAsync();

    public async Task<Guid> ItemAsync(Guid meeting) =>
        (await MeetingAsync(meeting)).GetProperty("items")[0].GetProperty("id").GetGuid();

    /// <summary>Everyone present but the construction deputy (absent on leave).</summary>
    public async Task RecordAttendanceAsync(Guid meeting)
    {
        foreach (var user in Team)
        {
            var present = user != "u1.construction";
            var recorded = await this["u1.office"].PostAsJsonAsync($"/api/v1/meetings/{meeting}/attendance", new { personId = People[user], present, reason = present ? null : "外出学习" });
            Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
        }
    }

    public Task<HttpResponseMessage> OpinionAsync(Guid meeting, Guid item, string speaker, string kind = "Agree", string? reason = null, string recorder = "u1.office") =>
        this[recorder].PostAsJsonAsync($"/api/v1/meetings/{meeting}/opinions", new { itemId = item, personId = People[speaker], kind, reason });
}
