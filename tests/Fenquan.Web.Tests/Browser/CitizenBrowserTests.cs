using Fenquan.Core.Calendar;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Web.Citizens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// Where citizens meet the county, in Chromium, on a fake clock (R24, R32, R46): a citizen applies to
/// 农村村民宅基地审批 without an account; the unit accepts it; the clock moves on working days of the
/// official calendar until the application turns yellow, then red (the red card escalates to the
/// unit's discipline member); the citizen files an efficiency complaint from the follow-up page; the
/// discipline member answers it; the citizen rates the reply; the county sees the counts.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Rule", "R24")]
[Trait("Rule", "R32")]
[Trait("Rule", "R46")]
public sealed class CitizenBrowserTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task CitizenApplies_ItemTurnsYellowThenRed_CitizenComplains_DisciplineMemberAnswers_CitizenRates()
    {
        // Monday 2 November 2026, 10:00 China time: the demo county is seeded on this clock.
        var accepted = new DateOnly(2026, 11, 2);
        var time = new ShiftableTime();
        void SetClock(DateOnly day, int hour) => time.Offset = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), China) - DateTimeOffset.UtcNow;
        SetClock(accepted, 10);
        await using var host = await BrowserHost.StartAsync("citizen", time: time);

        // 1. A citizen applies without an account, from the public register.
        var citizen = await host.AnonymousAsync();
        await citizen.ClickAsync("[data-testid=counties] a >> nth=0");
        await citizen.FillAsync("#Q", "宅基地");
        await citizen.ClickAsync("[data-testid=search-submit]");
        await citizen.ClickAsync("text=农村村民宅基地审批");
        Assert.Contains("20个工作日", await citizen.TextContentAsync("[data-testid=item-limit]"));
        await host.ShotAsync(citizen, "01-item");
        await citizen.ClickAsync("[data-testid=apply]");
        // R24: a scan of the application form uploaded for the first required document.
        await CitizenApplication.SubmitAsync(citizen);

        var receipt = (await citizen.TextContentAsync("[data-testid=receipt-number]"))!.Trim();
        var code = (await citizen.TextContentAsync("[data-testid=follow-up-code]"))!.Trim();
        await host.ShotAsync(citizen, "02-receipt");

        async Task FollowUpAsync()
        {
            await citizen.GotoAsync("/public/follow-up");
            await citizen.FillAsync("#Receipt", receipt);
            await citizen.FillAsync("#Code", code);
            await citizen.ClickAsync("[data-testid=follow-up-submit]");
            await citizen.WaitForSelectorAsync("[data-testid=state]");
        }

        await FollowUpAsync();
        Assert.Equal("待受理", (await citizen.TextContentAsync("[data-testid=state]"))!.Trim());
        Assert.Equal(0, await citizen.Locator("[data-testid=application-file]").CountAsync()); // never on a public page

        // The unit's staff accepts it the same day.
        var staff = await host.SignInAsync("u1.staff1");
        await staff.GotoAsync("/applications");
        await staff.ClickAsync($"text={receipt}");
        Assert.Contains("王小明", await staff.ContentAsync());

        // Only the handling unit downloads the applicant's file: the same bytes; another unit's staff is not found.
        var fileLink = staff.Locator("[data-testid=application-file]");
        Assert.Equal("申请书.png", (await fileLink.TextContentAsync())!.Trim());
        var href = await fileLink.GetAttributeAsync("href") ?? string.Empty;
        var download = await staff.APIRequest.GetAsync(staff.Url + href[href.IndexOf('?', StringComparison.Ordinal)..]);
        Assert.Equal(CitizenApplication.Scan, await download.BodyAsync());
        var other = await host.SignInAsync("u2.staff1");
        Assert.Equal(404, (await other.APIRequest.GetAsync(staff.Url + href[href.IndexOf('?', StringComparison.Ordinal)..])).Status);
        await staff.ClickAsync("[data-testid=accept]");
        Assert.Equal("办理中", (await staff.TextContentAsync("[data-testid=state]"))!.Trim());

        // 2. The clock moves on the official calendar: yellow at 80 % of the first step's 17 working
        // days (the 14th), red when they are exceeded (the 18th).
        var calendar = new WorkingCalendar(OfficialCalendars.Shipped);
        SetClock(calendar.AddWorkingDays(accepted, 13), 11);
        await FollowUpAsync();
        Assert.Equal("正常", (await citizen.TextContentAsync("[data-testid=colour]"))!.Trim());
        SetClock(calendar.AddWorkingDays(accepted, 14), 11);
        await FollowUpAsync();
        Assert.Equal("黄牌", (await citizen.TextContentAsync("[data-testid=colour]"))!.Trim());
        Assert.Equal("6个工作日", (await citizen.TextContentAsync("[data-testid=left]"))!.Trim());
        await host.ShotAsync(citizen, "03-yellow");

        var red = calendar.AddWorkingDays(accepted, 18);
        SetClock(red, 11);
        await FollowUpAsync();
        Assert.Equal("红牌", (await citizen.TextContentAsync("[data-testid=colour]"))!.Trim());
        await host.ShotAsync(citizen, "04-red");

        // The red card escalates to the unit's discipline member (what the background service does every few minutes).
        var escalated = await RedCardReporter.ReportAsync(host.Services.GetRequiredService<FenquanStore>(), host.Services.GetRequiredService<ApplicationOperations>(), red, LimitWatch.Default);
        Assert.True(escalated >= 1);

        // 3. The citizen files an efficiency complaint from the follow-up page.
        await citizen.FillAsync("#ComplaintText", "宅基地申请已超过承诺时限，多次电话催问无果。");
        await citizen.ClickAsync("[data-testid=complain-submit]");
        await citizen.WaitForSelectorAsync("[data-testid=complaint-waiting]");
        await host.ShotAsync(citizen, "05-complained");

        // 4. The discipline member sees the red card and the complaint, and answers it. The staff member complained of sees neither.
        var member = await host.SignInAsync("u1.discipline");
        await member.GotoAsync("/notifications");
        var notices = await member.ContentAsync();
        Assert.Contains("红牌", notices);
        Assert.Contains(receipt, notices);
        await member.GotoAsync("/complaints");
        await member.ClickAsync("[data-testid=complaints] a >> nth=0");
        Assert.Contains("多次电话催问无果", await member.TextContentAsync("[data-testid=complaint-text]"));
        Assert.Contains("单位纪检委员", await member.TextContentAsync("[data-testid=route]"));
        await member.FillAsync("#Reply", "经核查，承办人未按时推进审查环节，已责令两个工作日内办结并予以批评教育。");
        await member.ClickAsync("[data-testid=answer-submit]");
        await member.WaitForSelectorAsync("[data-testid=reply]");
        await host.ShotAsync(member, "06-answered");

        var complained = await host.SignInAsync("u1.staff1");
        await complained.GotoAsync("/complaints");
        Assert.Equal(0, await complained.Locator("[data-testid=complaints] tbody tr").CountAsync());

        // 5. The citizen reads the reply and rates it.
        await FollowUpAsync();
        Assert.Contains("责令两个工作日内办结", await citizen.TextContentAsync("[data-testid=complaint-reply]"));
        await citizen.CheckAsync("[data-testid=rating-Satisfied]");
        await citizen.ClickAsync("[data-testid=rate-submit]");
        Assert.Equal("评价 满意", (await citizen.TextContentAsync("[data-testid=complaint-rating]"))!.Trim());
        await host.ShotAsync(citizen, "07-rated");

        // The county sees the counts: one red card for the unit and for the item; one complaint, rated 4.
        var admin = await host.SignInAsync("admin");
        await admin.GotoAsync("/county/efficiency");
        Assert.Contains("QH-XK-001", await admin.TextContentAsync("[data-testid=cards-by-item]"));
        Assert.Contains("4.0", await admin.TextContentAsync("[data-testid=complaints-by-unit]"));
        Assert.DoesNotContain("多次电话催问无果", await admin.ContentAsync());
        await host.ShotAsync(admin, "08-county");
    }
}
