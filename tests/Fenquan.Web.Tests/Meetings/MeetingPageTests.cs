using System.Net;

namespace Fenquan.Web.Tests.Meetings;

/// <summary>The meeting pages authorise every handler on the server and show refusals naming the rule (R43).</summary>
public sealed class MeetingPageTests
{
    [Fact]
    public async Task MeetingPages_ClerkGets404_DeputyCannotRecord403_PrincipalFirstIsRefusedNamingR43()
    {
        await using var app = await WebApp.StartAsync();
        var s = await MeetingSetup.StartAsync(app);
        var meeting = await s.ScheduleAndOpenAsync();
        await s.RecordAttendanceAsync(meeting);
        var item = await s.ItemAsync(meeting);

        Assert.Equal(HttpStatusCode.NotFound, (await s["u1.staff1"].GetAsync("/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s["u1.staff1"].GetAsync($"/meetings/{meeting}")).StatusCode);

        // A deputy views the page but has no recording forms, and a direct post is refused 403.
        var deputyPage = await s["u1.finance"].GetStringAsync($"/meetings/{meeting}");
        Assert.Contains("村道护栏维修费", deputyPage);
        Assert.DoesNotContain("data-testid=\"opinion-form-1\"", deputyPage);
        var forged = await s["u1.finance"].PostAsync($"/meetings/{meeting}?handler=Opinion", Form(deputyPage, item, s.People["u1.finance"]));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        // The office's page lists the next speaker; the chair first is refused naming R43 (末位表态).
        var page = await s["u1.office"].GetStringAsync($"/meetings/{meeting}");
        Assert.Contains("data-testid=\"opinion-form-1\"", page);
        var refused = await s["u1.office"].PostAsync($"/meetings/{meeting}?handler=Opinion", Form(page, item, s.People["u1.principal1"]));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("R43", body);
        Assert.Contains("末位表态", body);

        var ok = await s["u1.office"].PostAsync($"/meetings/{meeting}?handler=Opinion", Form(page, item, s.People["u1.finance"]));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("同意", await s["u1.office"].GetStringAsync($"/meetings/{meeting}"));

        // No minutes yet: the minutes page does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await s["u1.office"].GetAsync($"/meetings/{meeting}/minutes")).StatusCode);
    }

    private static FormUrlEncodedContent Form(string page, Guid item, Guid person) => new(new Dictionary<string, string>
    {
        ["itemId"] = item.ToString(),
        ["personId"] = person.ToString(),
        ["kind"] = "Agree",
        ["__RequestVerificationToken"] = WebApp.Token(page),
    });
}
