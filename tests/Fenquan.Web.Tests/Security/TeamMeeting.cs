using System.Net;
using System.Net.Http.Json;

namespace Fenquan.Web.Tests.Security;

/// <summary>
/// A real team meeting of the demo unit 城关镇 through the HTTP API, as the office records it: the
/// matter on the agenda, everyone present, each member's opinion (deputies first, the chair last),
/// the outcome, the minutes — and then each member present signs as themselves (R43).
/// </summary>
public static class TeamMeeting
{
    public static readonly string[] Team = ["u1.principal1", "u1.principal2", "u1.finance", "u1.personnel", "u1.procurement", "u1.construction"];

    /// <summary>Records a meeting on the matter with <paramref name="recorder"/> (the office or a principal) and returns the meeting id; signs with <paramref name="signers"/> (default: every member).</summary>
    public static async Task<Guid> HoldAsync(IReadOnlyDictionary<string, HttpClient> clients, IReadOnlyDictionary<string, Guid?> people, Guid matter, string recorder = "u1.office", IEnumerable<string>? signers = null, IEnumerable<string>? present = null)
    {
        var office = clients[recorder];
        var attending = (present ?? Team).ToHashSet();
        var scheduled = await office.PostAsJsonAsync("/api/v1/meetings", new { kind = "TeamMeeting", title = "城关镇班子会议", scheduledAt = DateTimeOffset.UtcNow, chairId = people["u1.principal1"] });
        Assert.True(scheduled.StatusCode == HttpStatusCode.Created, await scheduled.Content.ReadAsStringAsync());
        var meeting = (await scheduled.ReadAsync()).GetProperty("id").GetGuid();
        var added = await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/items", new { matterId = matter, documents = new[] { "请示" }, concernedPersonIds = new[] { people["u1.staff2"] } });
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsync($"/api/v1/meetings/{meeting}/open", null)).StatusCode);
        foreach (var user in Team)
        {
            var here = attending.Contains(user);
            var marked = await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/attendance", new { personId = people[user], present = here, reason = here ? null : "外出" });
            Assert.Equal(HttpStatusCode.NoContent, marked.StatusCode);
        }

        var state = await (await office.GetAsync($"/api/v1/meetings/{meeting}")).ReadAsync();
        var item = state.GetProperty("items")[0];
        var itemId = item.GetProperty("id").GetGuid();
        var recused = item.GetProperty("recusals").EnumerateArray().Select(r => r.GetProperty("personId").GetGuid()).ToHashSet();
        var matterState = await (await clients["u1.principal1"].GetAsync($"/api/v1/matters/{matter}")).ReadAsync();
        var informs = matterState.GetProperty("route").EnumerateArray().First(s => s.GetProperty("current").GetBoolean()).GetProperty("kind").GetString() == "InformTeam";
        if (informs)
        {
            var noted = await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/outcome", new { itemId, outcome = "Note" });
            Assert.True(noted.IsSuccessStatusCode, await noted.Content.ReadAsStringAsync());
        }
        else
        {
            var order = Team.Where(u => attending.Contains(u) && !recused.Contains(people[u]!.Value))
                .OrderBy(u => u.StartsWith("u1.principal", StringComparison.Ordinal)).ThenBy(u => u == "u1.principal1");
            foreach (var speaker in order)
            {
                var said = await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/opinions", new { itemId, personId = people[speaker], kind = "Agree" });
                Assert.True(said.IsSuccessStatusCode, await said.Content.ReadAsStringAsync());
            }

            var approved = await office.PostAsJsonAsync($"/api/v1/meetings/{meeting}/outcome", new { itemId, outcome = "Approve" });
            Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        }

        var minutes = await office.PostAsync($"/api/v1/meetings/{meeting}/minutes", null);
        Assert.True(minutes.IsSuccessStatusCode, await minutes.Content.ReadAsStringAsync());
        foreach (var signer in signers ?? Team.Where(attending.Contains))
        {
            var signed = await clients[signer].PostAsJsonAsync($"/api/v1/meetings/{meeting}/minutes/signatures", new { });
            Assert.True(signed.IsSuccessStatusCode, $"{signer}: {await signed.Content.ReadAsStringAsync()}");
        }

        return meeting;
    }
}
