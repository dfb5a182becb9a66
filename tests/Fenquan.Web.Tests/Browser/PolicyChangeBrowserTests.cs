using System.Globalization;
using Fenquan.Core.Policy;
using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// R40 with R43 in Chromium, through the pages people use: 城关镇's office (the unit administrator)
/// checks and proposes a new version of the unit's policy on /admin/unit, tables it on a team
/// meeting, the chair records the members' opinions (deputies first, himself last) and the outcome
/// on the meeting page, and the agreement is refused while the minutes carry one signature only;
/// signed by every member present, each as themselves, the agreement is recorded. On /admin/county
/// one county administrator's approval puts nothing in force and approving again is refused; a
/// second administrator's approval publishes the version, which the unit page then shows in force.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PolicyChangeBrowserTests
{
    private const string Summary = "审批路由年度复核（自县里批准之日起施行）";

    [Fact]
    [Trait("Rule", "R40")]
    [Trait("Rule", "R43")]
    public async Task OfficeProposes_TeamAgreesOnlyWithFinalMinutes_OneCountyApprovalPublishesNothing_TheSecondPutsTheVersionInForce()
    {
        await using var host = await BrowserHost.StartAsync("policy");
        var office = await host.SignInAsync("u1.office");
        var chair = await host.SignInAsync("u1.principal1");
        var members = new Dictionary<string, IPage> { ["u1.principal1"] = chair };
        foreach (var user in new[] { "u1.principal2", "u1.finance", "u1.personnel", "u1.procurement", "u1.construction" })
        {
            members[user] = await host.SignInAsync(user);
        }

        // 1. The office checks the unit's policy with a new effective date (the county's today, as the page's date field has it) and proposes it.
        await office.GotoAsync("/admin/unit");
        var today = await office.InputValueAsync("#From");
        var versionBefore = await office.TextContentAsync("[data-testid=policy-version]");
        Assert.Contains("第 1 版", versionBefore);
        await office.ClickAsync("[data-testid=policy-json-view] summary");
        var document = PolicyJson.Parse(await office.InputValueAsync("textarea[name=PolicyJson]")).Value;
        await office.FillAsync("textarea[name=PolicyJson]", PolicyJson.Write(document with { EffectiveFrom = DateOnly.ParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        await office.ClickAsync("[data-testid=check]");
        await office.FillAsync("#Summary", Summary);
        await office.ClickAsync("[data-testid=propose]");
        var proposal = office.Locator("[data-testid=proposal]", new() { HasText = Summary });
        await proposal.WaitForAsync();
        Assert.Contains("待班子会议研究", await proposal.Locator("[data-testid=proposal-state]").TextContentAsync());
        Assert.Contains("须列入班子会议议题", await office.TextContentAsync(".notice"));
        await host.ShotAsync(office, "01-proposed");

        // 2. The office schedules a team meeting chaired by principal1, tables the proposal on it and opens it.
        await office.GotoAsync("/meetings");
        await office.FillAsync("#Title", "城关镇2026年第13次班子会议");
        await office.SelectOptionAsync("#ChairId", host.People["u1.principal1"].ToString());
        await office.ClickAsync("[data-testid=schedule]");
        await office.WaitForURLAsync("**/meetings/*");
        var meetingUrl = new Uri(office.Url).AbsolutePath;
        var meetingId = meetingUrl.Split('/')[^1];
        await office.GotoAsync("/admin/unit");
        await proposal.Locator("[data-testid=table-form] select").SelectOptionAsync(meetingId);
        await proposal.Locator("[data-testid=table]").ClickAsync();
        await office.WaitForSelectorAsync("text=已列入会议议题");
        await office.GotoAsync(meetingUrl);
        Assert.Contains(Summary, await office.TextContentAsync("[data-testid=item-1]"));
        await office.ClickAsync("[data-testid=open]");
        await office.WaitForSelectorAsync("text=会议已开始");

        // 3. Attendance: everyone present but the construction deputy, away on a course.
        foreach (var user in members.Keys)
        {
            if (user == "u1.construction")
            {
                await office.FillAsync($"[data-testid=absent-reason-{host.People[user]}]", "外出学习");
                await office.CheckAsync($"[data-testid=absent-{host.People[user]}]");
            }
            else
            {
                await office.CheckAsync($"[data-testid=present-{host.People[user]}]");
            }
        }

        // One form for the whole team: one submission, one reload.
        await office.ClickAsync("[data-testid=attendance-submit]");
        await office.WaitForSelectorAsync(".notice");

        // 4. The chair records the opinions, the deputies first and himself, the principal, last (R43).
        foreach (var (speaker, reason) in new[] { ("u1.finance", "限额与县里标准一致"), ("u1.personnel", ""), ("u1.procurement", ""), ("u1.principal2", ""), ("u1.principal1", "同意，报县里审批") })
        {
            await chair.GotoAsync(meetingUrl);
            await chair.SelectOptionAsync("[data-testid=speaker-1]", host.People[speaker].ToString());
            await chair.FillAsync("#opinion-reason-1", reason);
            await chair.ClickAsync("[data-testid=opinion-Agree-1]");
            await chair.WaitForSelectorAsync(".notice");
        }

        Assert.Equal(5, await chair.Locator("[data-testid=opinions-1] tbody tr").CountAsync());

        // 5. The office proposed it, so it may not record the outcome (R43); the chair, a principal present, records it on the meeting page.
        await office.GotoAsync("/admin/unit");
        await proposal.Locator("[data-testid=policy-outcome] button[value=Approve]").ClickAsync();
        Assert.Contains("R43", await office.TextContentAsync("[data-testid=error]"));
        await chair.GotoAsync(meetingUrl);
        await chair.ClickAsync("[data-testid=approve-1]");
        await chair.WaitForSelectorAsync("[data-testid=outcome-1]");
        Assert.Contains("通过", await chair.TextContentAsync("[data-testid=outcome-1]"));
        await host.ShotAsync(chair, "02-meeting-approved");

        // 6. Minutes drawn up; the chair signs first. One member's signature does not make the team's agreement (R43).
        await chair.ClickAsync("[data-testid=draw-up]");
        await chair.WaitForURLAsync("**/minutes");
        var minutesUrl = new Uri(chair.Url).AbsolutePath;
        await BrowserHost.AcceptConfirmations(chair).ClickAsync("[data-testid=sign]");
        await chair.WaitForSelectorAsync(".notice");
        Assert.Contains("待签名", await chair.TextContentAsync("[data-testid=minutes-state]"));
        await office.GotoAsync("/admin/unit");
        await proposal.Locator("[data-testid=agreement-form] select").SelectOptionAsync(meetingId);
        await proposal.Locator("[data-testid=record-agreement]").ClickAsync();
        var refused = await office.TextContentAsync("[data-testid=error]");
        Assert.Contains("R43", refused);
        Assert.Contains("待班子会议研究", await proposal.Locator("[data-testid=proposal-state]").TextContentAsync());
        await host.ShotAsync(office, "03-agreement-refused-minutes-not-final");

        // 7. Every other member present signs as themselves; the minutes are final and the agreement is recorded.
        foreach (var signer in new[] { "u1.principal2", "u1.finance", "u1.personnel", "u1.procurement" })
        {
            var page = members[signer];
            await page.GotoAsync(minutesUrl);
            await BrowserHost.AcceptConfirmations(page).ClickAsync("[data-testid=sign]");
            await page.WaitForSelectorAsync(".notice");
        }

        await chair.GotoAsync(minutesUrl);
        Assert.Contains("已定稿", await chair.TextContentAsync("[data-testid=minutes-state]"));
        await office.GotoAsync("/admin/unit");
        await proposal.Locator("[data-testid=agreement-form] select").SelectOptionAsync(meetingId);
        await proposal.Locator("[data-testid=record-agreement]").ClickAsync();
        await office.WaitForSelectorAsync("text=已登记班子会议同意");
        Assert.Contains("班子已同意，待县里审批", await proposal.Locator("[data-testid=proposal-state]").TextContentAsync());
        await host.ShotAsync(office, "04-agreed");

        // 8. County: admin approves — nothing in force yet, a second official is needed — and approving again is refused (R40).
        var admin = await host.SignInAsync("admin");
        await admin.GotoAsync("/admin/county");
        var awaiting = admin.Locator("[data-testid=policy-awaiting]", new() { HasText = Summary });
        await awaiting.Locator("[data-testid=approve-policy]").ClickAsync();
        await admin.WaitForSelectorAsync(".notice");
        Assert.Contains("还须另一名县管理员审批", await admin.TextContentAsync(".notice"));
        Assert.Contains("县里一人已审批，待第二人审批", await awaiting.TextContentAsync());
        await host.ShotAsync(admin, "05-county-approved-once");
        await admin.GotoAsync("/admin/county");
        await awaiting.Locator("[data-testid=approve-policy]").ClickAsync();
        Assert.Contains("R40", await admin.TextContentAsync("[data-testid=error]"));
        await host.ShotAsync(admin, "06-same-official-refused");
        await office.GotoAsync("/admin/unit");
        Assert.Contains("县里一人已审批，待第二人审批", await proposal.Locator("[data-testid=proposal-state]").TextContentAsync());
        Assert.Equal(versionBefore, await office.TextContentAsync("[data-testid=policy-version]"));
        Assert.Equal(0, await proposal.Locator("[data-testid=published]").CountAsync());

        // 9. admin2's approval publishes the version, in force from the requested day; the unit page shows it.
        var admin2 = await host.SignInAsync("admin2");
        await admin2.GotoAsync("/admin/county");
        await admin2.Locator("[data-testid=policy-awaiting]", new() { HasText = Summary }).Locator("[data-testid=approve-policy]").ClickAsync();
        await admin2.WaitForSelectorAsync(".notice");
        Assert.Contains($"第 2 版自 {today} 起施行", await admin2.TextContentAsync(".notice"));
        await office.GotoAsync("/admin/unit");
        Assert.Contains("已批准", await proposal.Locator("[data-testid=proposal-state]").TextContentAsync());
        Assert.Contains($"第 2 版自 {today} 起施行", await proposal.Locator("[data-testid=published]").TextContentAsync());
        Assert.Contains("第 2 版", await office.TextContentAsync("[data-testid=policy-version]"));
        await host.ShotAsync(office, "07-published");
    }
}
