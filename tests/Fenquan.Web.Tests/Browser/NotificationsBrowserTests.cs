namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// 通知 in Chromium (R43: members are notified of a meeting in the application): the office
/// schedules a team meeting on the meetings page; a member of the team sees the unread count in the
/// navigation, opens /notifications, reads the notification (the meeting's title and the time it
/// was set for, China time), marks it read through the page's form (antiforgery) and the count
/// drops; another member's notification stays unread and cannot be marked from their page; the link
/// opens the meeting; when minutes are drawn up the member is asked to sign and that notification
/// opens the minutes page; English reads in English.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Rule", "R43")]
public sealed class NotificationsBrowserTests
{
    [Fact]
    public async Task OfficeSchedulesAMeeting_MemberSeesTheUnreadCount_ReadsTheNotice_MarksItRead_CountDrops()
    {
        await using var host = await BrowserHost.StartAsync("notifications");
        const string Title = "城关镇2026年第7次班子会议";

        // Before the meeting: no unread count in the navigation, an empty list.
        var member = await host.SignInAsync("u1.principal2");
        Assert.Equal(0, await member.Locator("[data-testid=nav-unread]").CountAsync());
        await member.ClickAsync("[data-testid=nav-notifications]");
        await member.WaitForURLAsync("**/notifications");
        Assert.Contains("未读 0 条", await member.TextContentAsync("[data-testid=unread-count]"));
        Assert.Contains("暂无通知", await member.ContentAsync());
        await host.ShotAsync(member, "01-none");

        // The office schedules a team meeting chaired by principal1, at 09:30 today (China time): it is
        // opened below, and a meeting opens on its day, never before (R43).
        var office = await host.SignInAsync("u1.office");
        var chair = await host.SignInAsync("u1.principal1");
        await office.GotoAsync("/meetings");
        await office.FillAsync("#Title", Title);
        var day = await office.InputValueAsync("#ScheduledAt");
        var when = DateOnly.ParseExact(day[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await office.FillAsync("#ScheduledAt", when + "T09:30");
        await office.SelectOptionAsync("#ChairId", host.People["u1.principal1"].ToString());
        await office.ClickAsync("[data-testid=schedule]");
        await office.WaitForURLAsync("**/meetings/*");
        var meetingUrl = new Uri(office.Url).AbsolutePath;

        // The member's navigation shows one unread notification.
        await member.GotoAsync("/workbench");
        Assert.Equal("(1)", (await member.TextContentAsync("[data-testid=nav-unread]"))?.Trim());
        await host.ShotAsync(member, "02-nav-unread");

        // The list: the notification in bold (unread), naming the meeting and its time.
        await member.ClickAsync("[data-testid=nav-notifications]");
        await member.WaitForURLAsync("**/notifications");
        Assert.Contains("未读 1 条", await member.TextContentAsync("[data-testid=unread-count]"));
        var row = member.Locator("[data-testid=notifications] tbody tr");
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal("unread", await row.GetAttributeAsync("class"));
        var text = await row.Locator("strong").TextContentAsync();
        Assert.Contains("会议“" + Title + "”", text);
        Assert.Contains(when + " 09:30", text);

        // The mark-read button can be seen: its text is not the page's white (it was, once).
        var button = row.Locator("button[data-testid^=read-]");
        Assert.Equal("标为已读", (await button.TextContentAsync())?.Trim());
        var colour = await button.EvaluateAsync<string>("b => getComputedStyle(b).color");
        Assert.NotEqual("rgb(255, 255, 255)", colour);
        var id = (await button.GetAttributeAsync("data-testid"))!["read-".Length..];
        await host.ShotAsync(member, "03-unread");

        // Marked read through the form: back on the list, the row reads 已读 and the count drops to 0.
        await button.ClickAsync();
        await member.WaitForSelectorAsync("[data-testid=notifications] tbody tr.read");
        Assert.EndsWith("/notifications", new Uri(member.Url).AbsolutePath);
        Assert.Contains("未读 0 条", await member.TextContentAsync("[data-testid=unread-count]"));
        Assert.Equal(0, await member.Locator("[data-testid=nav-unread]").CountAsync());
        Assert.Contains("已读", await member.Locator("[data-testid=notifications] tbody tr").TextContentAsync());
        Assert.Equal(0, await member.Locator("button[data-testid^=read-]").CountAsync());
        await host.ShotAsync(member, "04-read");

        // The chair's own notification is still unread: marking is per person.
        await chair.GotoAsync("/notifications");
        Assert.Equal("(1)", (await chair.TextContentAsync("[data-testid=nav-unread]"))?.Trim());
        Assert.Equal(1, await chair.Locator("[data-testid=notifications] tbody tr.unread").CountAsync());

        // The chair's form altered to name the member's notification: not theirs, said on the page, nothing marked.
        await chair.EvalOnSelectorAsync("[data-testid=notifications] input[name=id]", "(i, id) => i.value = id", id);
        await chair.ClickAsync("button[data-testid^=read-]");
        await chair.WaitForSelectorAsync("[data-testid=error]");
        Assert.Contains("没有这条通知", await chair.TextContentAsync("[data-testid=error]"));
        Assert.Contains("未读 1 条", await chair.TextContentAsync("[data-testid=unread-count]"));
        await host.ShotAsync(chair, "05-not-theirs");

        // The link opens the meeting.
        await member.ClickAsync("[data-testid=notifications] tbody tr a");
        await member.WaitForURLAsync("**" + meetingUrl);
        Assert.Contains(Title, await member.TextContentAsync("h1"));

        // The meeting is held on the clerk's expense (reviewed through the API): the item is deferred and the
        // minutes drawn up; the member is asked to sign, and that notification opens the minutes page.
        var clerk = await host.SignInAsync("u1.staff1");
        var finance = await host.SignInAsync("u1.finance");
        var submitted = await clerk.APIRequest.PostAsync("/api/v1/matters", new() { DataObject = new { kind = "Expense", title = "村道护栏维修费", amount = 12000m, payMe = true } });
        Assert.Equal(201, submitted.Status);
        var matterId = (await submitted.JsonAsync())!.Value.GetProperty("id").GetString()!;
        foreach (var reviewer in new[] { office, finance })
        {
            Assert.Equal(200, (await reviewer.APIRequest.PostAsync($"/api/v1/matters/{matterId}/actions", new() { DataObject = new { action = "Review", comment = "建议上会" } })).Status);
        }

        await office.GotoAsync(meetingUrl);
        await office.SelectOptionAsync("[data-testid=matter]", matterId);
        await office.ClickAsync("[data-testid=add-item]");
        await office.WaitForSelectorAsync("[data-testid=item-1]");
        await office.ClickAsync("[data-testid=open]");
        // One form marks the whole team (present unless marked absent).
        await office.ClickAsync("[data-testid=attendance-submit]");
        await office.WaitForSelectorAsync(".notice");

        await office.FillAsync("#outcome-reason-1", "补充材料后再议");
        await office.ClickAsync("[data-testid=defer-1]");
        await office.WaitForSelectorAsync("[data-testid=outcome-1]");
        await office.ClickAsync("[data-testid=draw-up]");
        await office.WaitForURLAsync("**/minutes");

        await member.GotoAsync("/notifications");
        Assert.Equal("(2)", (await member.TextContentAsync("[data-testid=nav-unread]"))?.Trim());
        var toSign = member.Locator("[data-testid=notifications] tbody tr", new() { HasText = "待您签署" });
        Assert.Contains("会议“" + Title + "”的会议纪要（第1版）待您签署", await toSign.TextContentAsync());
        Assert.Equal(1, await member.Locator("[data-testid=notifications] tbody tr", new() { HasText = "新增议题1：村道护栏维修费" }).CountAsync());
        Assert.Empty(Sweep.LanguageLeaks.Find(await Sweep.LanguageLeaks.TextAsync(member), "zh-CN"));
        await host.ShotAsync(member, "06-minutes-to-sign");
        await toSign.GetByText("查看纪要并签名").ClickAsync();
        await member.WaitForURLAsync("**" + meetingUrl + "/minutes");
        Assert.Contains("待签名", await member.TextContentAsync("[data-testid=minutes-state]"));
        Assert.Equal(1, await member.Locator("[data-testid=sign]").CountAsync());

        // In English the same notification reads in English.
        await member.GotoAsync("/notifications");
        await member.ClickAsync("[data-testid=english]");
        await member.WaitForSelectorAsync("text=2 unread");
        Assert.Contains($"Meeting \"{Title}\" is scheduled for {when} 09:30; please attend.", await member.TextContentAsync("[data-testid=notifications]"));
        Assert.Contains("Open the minutes to sign", await member.TextContentAsync("[data-testid=notifications]"));
        // Only the titles inside the texts are user data: the rest, step numbers and versions too, is English.
        Assert.Contains("The minutes of meeting \"" + Title + "\" (version 1) await your signature.", await member.TextContentAsync("[data-testid=notifications]"));
        Assert.Equal(Title, await member.Locator("[data-testid=notifications] tbody tr [data-user]").First.TextContentAsync());
        Assert.Empty(Sweep.LanguageLeaks.Find(await Sweep.LanguageLeaks.TextAsync(member), "en"));
        await host.ShotAsync(member, "07-english");
    }

    private static async Task<int> UnreadInNavAsync(Microsoft.Playwright.IPage page)
    {
        var nav = page.Locator("[data-testid=nav-unread]");
        return await nav.CountAsync() == 0 ? 0 : int.Parse((await nav.TextContentAsync())!.Trim('(', ')', ' '), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Issue 14: the clerk hears that their expense was approved — the unread count in the
    /// navigation goes up, the notice links to the matter, reading it brings the count down — and,
    /// having chosen the daily digest on their account page, finds it there under the matter.
    /// </summary>
    [Fact]
    public async Task ASubmitterSeesTheApprovalNotice_TheCountDropsWhenRead_AndTheDigestGroupsItUnderTheMatter()
    {
        await using var host = await BrowserHost.StartAsync("notifications-matter");
        const string Title = "办公用品采购报销";
        var clerk = await host.SignInAsync("u1.staff1");
        await clerk.GotoAsync("/workbench");
        var before = await UnreadInNavAsync(clerk);

        var submitted = await clerk.APIRequest.PostAsync("/api/v1/matters", new() { DataObject = new { kind = "Expense", title = Title, amount = 900m, payMe = true } });
        Assert.Equal(201, submitted.Status);
        var matterId = (await submitted.JsonAsync())!.Value.GetProperty("id").GetString()!;
        foreach (var (user, action) in new[] { ("u1.office", "Review"), ("u1.finance", "Approve") })
        {
            var actor = await host.SignInAsync(user);
            Assert.Equal(200, (await actor.APIRequest.PostAsync($"/api/v1/matters/{matterId}/actions", new() { DataObject = new { action, comment = "同意" } })).Status);
        }

        await clerk.GotoAsync("/workbench");
        Assert.Equal(before + 1, await UnreadInNavAsync(clerk));
        await clerk.ClickAsync("[data-testid=nav-notifications]");
        await clerk.WaitForURLAsync("**/notifications");
        var row = clerk.Locator("[data-testid=notifications] tbody tr.unread", new() { HasText = Title });
        Assert.Contains("您的事项“" + Title + "”已批准。", await row.TextContentAsync());
        Assert.Equal("/matters/" + matterId, await row.Locator("a").GetAttributeAsync("href"));
        await host.ShotAsync(clerk, "11-approved-unread");

        await row.Locator("button[data-testid^=read-]").ClickAsync();
        await clerk.WaitForSelectorAsync("[data-testid=notifications] tbody tr.read");
        Assert.Equal(before, await UnreadInNavAsync(clerk));
        Assert.Equal(0, await clerk.Locator("[data-testid=notifications] tbody tr.unread", new() { HasText = Title }).CountAsync());

        // The digest: not chosen yet, so the page says where to choose it; chosen on the account page (antiforgery form).
        await clerk.GotoAsync("/notifications/digest");
        Assert.Equal(1, await clerk.Locator("[data-testid=not-chosen]").CountAsync());
        await clerk.GotoAsync("/account/notifications");
        await clerk.CheckAsync("[data-testid=delivery-InAppAndDigest]");
        await clerk.ClickAsync("[data-testid=save-delivery]");
        await clerk.WaitForSelectorAsync("[data-testid=saved]");
        Assert.True(await clerk.IsCheckedAsync("[data-testid=delivery-InAppAndDigest]"));
        await clerk.GotoAsync("/notifications/digest");
        var group = clerk.Locator("[data-testid=digest-group]", new() { HasText = Title });
        Assert.Equal(1, await group.CountAsync());
        Assert.Equal("/matters/" + matterId, await group.Locator("h2 a").GetAttributeAsync("href"));
        Assert.Contains("已批准", await group.TextContentAsync());
        await host.ShotAsync(clerk, "12-digest");
    }
}
