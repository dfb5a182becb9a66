namespace Fenquan.Web.Tests.Registers;

/// <summary>
/// R46 on /registers/calendar: the shipped years are shown to everyone; a year (this or next) whose
/// notice is not loaded is warned to the county administrator, who proposes it there (four eyes).
/// </summary>
[Trait("Rule", "R46")]
public sealed class CalendarPageTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AYearNotLoaded_IsWarnedToTheCountyAdministrator_WhoProposesIt()
    {
        var next = DateTime.UtcNow.AddHours(8).Year + 1;
        var admin = await _app.SignInAsync("admin");
        var page = await admin.GetStringAsync("/registers/calendar");
        Assert.Contains("2026", page);
        Assert.Contains("春节", page);
        Assert.Contains($"{next}年的节假日安排尚未录入", page);

        var staff = await _app.SignInAsync("u1.staff1");
        var seen = await staff.GetStringAsync("/registers/calendar");
        Assert.Contains("春节", seen);
        Assert.DoesNotContain("data-testid=\"calendar-missing\"", seen);

        var json = $$"""{"year":{{next}},"source":"国务院办公厅关于{{next}}年部分节假日安排的通知","holidays":[{"name":"元旦","from":"{{next}}-01-01","to":"{{next}}-01-01"}],"adjustedWorkingDays":[]}""";
        var proposed = await admin.PostAsync("/registers/calendar?handler=Propose", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Json"] = json,
            ["Summary"] = $"录入{next}年节假日安排",
            ["__RequestVerificationToken"] = WebApp.Token(page),
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, proposed.StatusCode);

        // Still warned until a second county official confirms it.
        Assert.Contains($"{next}年的节假日安排尚未录入", await admin.GetStringAsync("/registers/calendar"));
        var changes = (await (await admin.GetAsync("/api/v1/county/changes")).ReadAsync()).EnumerateArray().First(c => c.GetProperty("subject").GetString() == "WorkingCalendarYear");
        var admin2 = await _app.SignInAsync("admin2");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin2.PostAsync($"/api/v1/county/changes/{changes.GetProperty("id").GetGuid()}/confirm", null)).StatusCode);
        Assert.DoesNotContain($"{next}年的节假日安排尚未录入", await admin.GetStringAsync("/registers/calendar"));
    }
}
