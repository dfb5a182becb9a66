using System.Net;

namespace Fenquan.Web.Tests.Meetings;

/// <summary>
/// The meetings list finds things: search by title (two Chinese characters are enough), filter by
/// state and day, a count and numbered pages, export of every meeting found; another unit's meetings
/// are never in it (R43: the unit's meetings are its own); a bad parameter answers ProblemDetails.
/// </summary>
public sealed class MeetingListTests
{
    [Fact]
    [Trait("Rule", "R43")]
    public async Task Search_Filter_Count_Pages_AndExport_OfTheUnitsMeetingsOnly()
    {
        await using var app = await WebApp.StartAsync();
        var office = await app.SignInAsync("u1.office");
        var chair = (await (await (await app.SignInAsync("u1.principal1")).GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();
        var when = DateTimeOffset.UtcNow.AddDays(3);
        foreach (var title in new[] { "防汛专题班子会议", "年度预算班子会议", "防汛物资调度会议" })
        {
            Assert.Equal(HttpStatusCode.Created, (await office.PostJsonAsync("/api/v1/meetings", new { kind = "TeamMeeting", title, scheduledAt = when, chairId = chair })).StatusCode);
        }

        var outsider = await app.SignInAsync("u2.office");
        var outsiderChair = (await (await (await app.SignInAsync("u2.principal1")).GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await outsider.PostJsonAsync("/api/v1/meetings", new { kind = "TeamMeeting", title = "防汛外单位会议", scheduledAt = when, chairId = outsiderChair })).StatusCode);

        // Two characters find both flood meetings of the unit, not the other unit's; one a page, two pages.
        var word = "q=" + Uri.EscapeDataString("防汛");
        var first = await (await office.GetAsync("/api/v1/meetings?size=1&" + word)).ReadAsync();
        Assert.Equal(2, first.GetProperty("total").GetInt32());
        var second = await (await office.GetAsync("/api/v1/meetings?size=1&page=2&" + word)).ReadAsync();
        var titles = new[] { first, second }.Select(p => p.GetProperty("items")[0].GetProperty("title").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["防汛专题班子会议", "防汛物资调度会议"], titles);

        // State and day filters.
        var day = DateOnly.FromDateTime(when.ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(3, (await (await office.GetAsync($"/api/v1/meetings?state=Scheduled&from={day}&to={day}")).ReadAsync()).GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await office.GetAsync("/api/v1/meetings?state=Closed")).ReadAsync()).GetProperty("total").GetInt32());

        // The page shows the count and exports every meeting found.
        var page = await office.GetStringAsync("/meetings?" + word);
        Assert.Contains("共找到 2 项", page);
        Assert.DoesNotContain("外单位", page);
        var csv = System.Text.Encoding.UTF8.GetString(await (await office.GetAsync("/meetings?handler=Export&format=csv&" + word)).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Contains("防汛专题班子会议", csv);
        Assert.Contains("防汛物资调度会议", csv);
        Assert.DoesNotContain("年度预算", csv);
        Assert.DoesNotContain("外单位", csv);

        // A bad parameter.
        var bad = await office.GetAsync("/api/v1/meetings?state=Sideways");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Invalid.ListParameter", (await bad.ReadAsync()).GetProperty("key").GetString());
    }
}
