using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// End to end in Chromium (R19–R22): 城关镇's section head proposes a project on /construction; once
/// the team has decided it (its matter's steps and meeting run through the server's own operations),
/// the construction deputy records the tender with the district's guidance, three bids, the
/// evaluation committee's ranking and the candidates' notice on the project's page; choosing the
/// contractor during the notice is refused naming R21; after three days the first-ranked goes to the
/// team, the deputy records the contract, and the finance staff's payment above the contract is
/// refused on the matter's page naming R19. The public notice shows the method and the result.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConstructionBrowserTests
{
    private static readonly string[] Team = ["u1.principal1", "u1.principal2", "u1.finance", "u1.personnel", "u1.procurement", "u1.construction"];

    [Fact]
    [Trait("Rule", "R19")]
    [Trait("Rule", "R20")]
    [Trait("Rule", "R21")]
    [Trait("Rule", "R22")]
    public async Task TenderBidsNoticeContract_AndAPaymentAboveTheContractIsRefused()
    {
        var time = new ShiftableTime();
        await using var host = await BrowserHost.StartAsync("construction", time: time);
        foreach (var user in Team.Concat(["u1.office"]))
        {
            await host.SignInAsync(user);
        }

        // 1. 立项 on /construction; the team decides it.
        var section = await host.SignInAsync("u1.section1");
        await section.ClickAsync("[data-testid=nav-construction]");
        await section.FillAsync("#title", "城关镇中心小学运动场改造工程");
        await section.FillAsync("#budget", "48万"); // written as people write amounts (AmountText)
        await section.ClickAsync("[data-testid=propose]");
        await section.WaitForURLAsync("**/construction/*-*");
        var projectUrl = new Uri(section.Url).AbsolutePath;
        Assert.Equal("已提交立项", await section.TextContentAsync("[data-testid=stage]"));
        var proposal = await MatterIdAsync(section, "ConstructionProject");
        await DecideAsync(host, proposal);

        // 2. The construction deputy records the tender, three bids, the ranking and the notice.
        var deputy = await host.SignInAsync("u1.construction");
        await deputy.GotoAsync(projectUrl);
        await deputy.SelectOptionAsync("#method", "Open");
        await deputy.FillAsync("#office", "清河县招标办受理〔2026〕40号");
        await deputy.ClickAsync("[data-testid=record-tender]");
        Assert.Contains("R20", await deputy.TextContentAsync("[data-testid=error]")); // a township's own tender records the district's guidance
        await deputy.FillAsync("#office", "清河县招标办受理〔2026〕40号");
        await deputy.FillAsync("#guidance", "县招标办指导意见〔2026〕12号");
        await deputy.ClickAsync("[data-testid=record-tender]");
        await deputy.WaitForSelectorAsync("[data-testid=tender]");
        var bidders = await deputy.Locator("#bidder option").AllTextContentsAsync();
        foreach (var (bidder, price) in bidders.Take(3).Zip(["468000", "455800", "472500"]))
        {
            await deputy.SelectOptionAsync("#bidder", new SelectOptionValue { Label = bidder });
            await deputy.FillAsync("#price", price);
            await deputy.ClickAsync("[data-testid=record-bid]");
            await deputy.WaitForSelectorAsync(".notice");
        }

        Assert.Equal(3, await deputy.Locator("[data-testid=bids] tbody tr").CountAsync());
        await deputy.SelectOptionAsync("#order_0", new SelectOptionValue { Label = bidders[1] + " — ¥455,800.00" });
        await deputy.SelectOptionAsync("#order_1", new SelectOptionValue { Label = bidders[0] + " — ¥468,000.00" });
        await deputy.SelectOptionAsync("#order_2", new SelectOptionValue { Label = bidders[2] + " — ¥472,500.00" });
        await deputy.FillAsync("#report", "评标报告〔2026〕40号");
        await deputy.ClickAsync("[data-testid=record-ranking]");
        await deputy.WaitForSelectorAsync("[data-testid=notice-form]");
        await deputy.FillAsync("#where", "清河县公共资源交易网");
        await deputy.ClickAsync("[data-testid=start-notice]");
        await deputy.WaitForSelectorAsync("[data-testid=notice]");
        await host.ShotAsync(deputy, "00-noticed");

        // 3. R21: the contractor is not chosen during the notice; three days later the first-ranked goes to the team.
        await section.GotoAsync(projectUrl);
        await section.ClickAsync("[data-testid=choose]");
        Assert.Contains("R21", await section.TextContentAsync("[data-testid=error]"));
        await host.ShotAsync(section, "01-choice-during-notice-refused");
        time.Offset += TimeSpan.FromDays(3);
        section = await host.SignInAsync("u1.section1");
        await section.GotoAsync(projectUrl);
        await section.ClickAsync("[data-testid=choose]");
        await section.WaitForSelectorAsync(".notice");
        await DecideAsync(host, await MatterIdAsync(section, "ContractorChoice"));

        // 4. The deputy records the contract at the decided price.
        deputy = await host.SignInAsync("u1.construction");
        await deputy.GotoAsync(projectUrl);
        await deputy.FillAsync("#amount", "¥455,800.00");
        await deputy.FillAsync("#until", DateTime.UtcNow.AddDays(3 + 120).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await deputy.FillAsync("#reference", "城关镇施工合同〔2026〕20号");
        await deputy.ClickAsync("[data-testid=record-contract]");
        await deputy.WaitForSelectorAsync("[data-testid=contract]");
        Assert.Contains("¥455,800.00", await deputy.TextContentAsync("[data-testid=contract]"));

        // 5. On the contractor-choice matter's page a payment above the contract is refused naming R19.
        var finance = await host.SignInAsync("u1.financestaff");
        await finance.GotoAsync(projectUrl);
        await finance.ClickAsync("[data-testid=matter-ContractorChoice]");
        await finance.FillAsync("#PayAmount", "455800.01");
        await finance.SelectOptionAsync("#PayMethod", "TreasuryDirect");
        await finance.FillAsync("#PayReference", "GK-2026-0040");
        await finance.ClickAsync("[data-testid=pay]");
        var error = await finance.TextContentAsync("[data-testid=error]");
        Assert.Contains("R19", error);
        Assert.Contains("455,800.00", error);
        await host.ShotAsync(finance, "02-over-contract-refused");
        await finance.FillAsync("#PayAmount", "150000");
        await finance.FillAsync("#PayReference", "GK-2026-0041");
        await finance.ClickAsync("[data-testid=pay]");
        await finance.WaitForSelectorAsync(".notice");

        // 6. R22: the public notice, without sign-in, shows the method, the candidates and the result.
        var citizen = await host.AnonymousAsync();
        await citizen.GotoAsync(await deputy.GetAttributeAsync("[data-testid=public-link]", "href") ?? "");
        Assert.Equal("公开招标", (await citizen.TextContentAsync("[data-testid=public-method]"))?.Trim());
        Assert.Equal(3, await citizen.Locator("[data-testid=public-candidates] tbody tr").CountAsync());
        Assert.Contains("¥455,800.00", await citizen.TextContentAsync("[data-testid=public-result]"));
        await host.ShotAsync(citizen, "03-public-notice");
    }

    private static async Task<MatterId> MatterIdAsync(IPage page, string kind)
    {
        await page.ReloadAsync();
        var href = await page.GetAttributeAsync($"[data-testid=matter-{kind}]", "href");
        return new MatterId(Guid.Parse(href!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    // The matter's people steps by whoever may act, its collective decision in a meeting of the whole
    // team whose minutes all sign, through the server's own operations (the meeting pages have their own tests).
    private static async Task DecideAsync(BrowserHost host, MatterId id)
    {
        var store = host.Services.GetRequiredService<FenquanStore>();
        var matters = host.Services.GetRequiredService<MatterOperations>();
        var meetings = new MeetingOperations(store.Writer);
        PersonId P(string user) => new(host.People[user]);
        while (true)
        {
            Matter matter;
            Core.Organization.IOrganizationView org;
            await using (var db = store.Context())
            {
                var county = db.Matters.Where(m => m.Id == id).Select(m => m.CountyId).Single();
                matter = MatterOperations.Load(db, county, id)!;
                org = OrganizationOperations.LoadUnitView(db, county, matter.UnitId);
            }

            if (matter.CurrentStep is not { } step)
            {
                Assert.Equal(MatterState.Approved, matter.State);
                return;
            }

            if (step.Kind != Core.Policy.StepKind.CollectiveDecision)
            {
                var reference = step.Kind is Core.Policy.StepKind.HandOff or Core.Policy.StepKind.PublicNotice ? "清河县公共资源交易网公告" : null;
                var acted = await matters.ActAsync(matter.CountyId, id, new ActRequest(matter.WhoMayActNow(org).First(), StepActions.CompletingAction(step.Kind), "同意", reference));
                Assert.True(acted.IsOk, acted.ToString());
                continue;
            }

            var scheduled = await meetings.ScheduleAsync(new ScheduleMeeting(matter.CountyId, matter.UnitId, MeetingKind.TeamMeeting, "工程专题会议 " + id, DateTimeOffset.UtcNow, P("u1.principal1")), P("u1.office"));
            Assert.True(scheduled.IsOk, scheduled.ToString());
            var meeting = scheduled.Value.Id;
            var item = await meetings.AddItemAsync(matter.CountyId, meeting, id, AgendaItemRequest.None, P("u1.office"));
            Assert.True(item.IsOk, item.ToString());
            Assert.True((await meetings.OpenAsync(matter.CountyId, meeting, P("u1.office"))).IsOk);
            foreach (var member in Team)
            {
                Assert.True((await meetings.MarkPresentAsync(matter.CountyId, meeting, P(member), P("u1.office"))).IsOk);
            }

            foreach (var member in new[] { "u1.finance", "u1.personnel", "u1.procurement", "u1.construction", "u1.principal2", "u1.principal1" })
            {
                var said = await meetings.RecordOpinionAsync(matter.CountyId, meeting, item.Value.Id, P(member), OpinionKind.Agree, "同意", P("u1.office"));
                Assert.True(said.IsOk, said.ToString());
            }

            Assert.True((await meetings.ApproveAsync(matter.CountyId, meeting, item.Value.Id, null, null, P("u1.office"))).IsOk);
            var minutes = await meetings.DrawUpMinutesAsync(matter.CountyId, meeting, P("u1.office"));
            Assert.True(minutes.IsOk, minutes.ToString());
            foreach (var member in Team)
            {
                Assert.True((await meetings.SignMinutesAsync(matter.CountyId, meeting, minutes.Value.Id, P(member))).IsOk);
            }
        }
    }
}
