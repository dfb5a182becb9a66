namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// 亲属关系申报 in Chromium (R43): the personnel deputy declares the clerk as spouse on /relatives and
/// sees the declaration listed. The form starts with nothing chosen (an unthinking click declares no
/// one); declaring the same person again, naming a person who is not of the county and leaving the
/// relationship out each show a message on the page, keep what was chosen and save nothing; when
/// the office opens a meeting on the clerk's expense, the deputy is recused automatically as a relative.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Rule", "R43")]
public sealed class RelativesBrowserTests
{
    [Fact]
    public async Task DeputyDeclaresTheClerkAsSpouse_SeesItListed_BadInputShowsAMessageAndSavesNothing_MeetingRecusesHim()
    {
        await using var host = await BrowserHost.StartAsync("relatives");

        // The clerk's 12,000-yuan expense, reviewed by the office and the finance deputy, waits for the team (R5).
        var clerk = await host.SignInAsync("u1.staff1");
        await clerk.GotoAsync("/matters/new?area=Finance");
        await clerk.SelectOptionAsync("#Kind", "Expense");
        await clerk.FillAsync("#Title", "村道护栏维修费");
        await clerk.FillAsync("#Amount", "12000");
        await clerk.ClickAsync("[data-testid=submit]");
        await clerk.WaitForURLAsync("**/matters/*");
        var matterUrl = new Uri(clerk.Url).AbsolutePath;
        var office = await host.SignInAsync("u1.office");
        var finance = await host.SignInAsync("u1.finance");
        foreach (var reviewer in new[] { office, finance })
        {
            await reviewer.GotoAsync(matterUrl);
            await reviewer.ClickAsync("[data-testid=action-Review]");
            await reviewer.WaitForSelectorAsync(".notice");
        }

        // The personnel deputy opens 亲属申报 from the navigation: nothing declared yet.
        var deputy = await host.SignInAsync("u1.personnel");
        await deputy.ClickAsync("[data-testid=nav-relatives]");
        await deputy.WaitForURLAsync("**/relatives");
        Assert.Contains("尚未申报亲属", await deputy.TextContentAsync("[data-testid=no-relatives]"));
        var clerkId = host.People["u1.staff1"].ToString();
        var clerkName = (await deputy.TextContentAsync($"[data-testid=relative-person] option[value='{clerkId}']"))!.Trim();
        Assert.Equal(0, await deputy.Locator($"[data-testid=relative-person] option[value='{host.People["u1.personnel"]}']").CountAsync());
        await host.ShotAsync(deputy, "01-none");

        // Nothing is chosen at first: submitting the form as it is posts nothing (the browser asks for a choice).
        Assert.Equal(string.Empty, await deputy.InputValueAsync("[data-testid=relative-person]"));
        Assert.Equal(string.Empty, await deputy.InputValueAsync("[data-testid=relative-relationship]"));
        await deputy.ClickAsync("[data-testid=declare-relative]");
        Assert.False(await deputy.EvalOnSelectorAsync<bool>("[data-testid=relative-form]", "f => f.checkValidity()"));
        Assert.Equal(1, await deputy.Locator("[data-testid=no-relatives]").CountAsync());

        // Declares the clerk as spouse: the page says so and lists the declaration.
        await deputy.SelectOptionAsync("[data-testid=relative-person]", clerkId);
        await deputy.SelectOptionAsync("[data-testid=relative-relationship]", "Spouse");
        await deputy.ClickAsync("[data-testid=declare-relative]");
        await deputy.WaitForSelectorAsync("[data-testid=relatives]");
        Assert.Contains("已申报", await deputy.TextContentAsync("[data-testid=notice]"));
        var rows = deputy.Locator("[data-testid=relatives] tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Contains(clerkName, await rows.TextContentAsync());
        Assert.Contains("配偶", await rows.TextContentAsync());
        await host.ShotAsync(deputy, "02-declared");

        // The same person again: refused naming R43, shown on the page, nothing saved.
        await deputy.SelectOptionAsync("[data-testid=relative-person]", clerkId);
        await deputy.SelectOptionAsync("[data-testid=relative-relationship]", "Sibling");
        await deputy.ClickAsync("[data-testid=declare-relative]");
        await deputy.WaitForSelectorAsync("[data-testid=error]");
        Assert.Contains("R43", await deputy.TextContentAsync("[data-testid=error]"));
        Assert.Equal(1, await rows.CountAsync());
        Assert.DoesNotContain("兄弟姐妹", await rows.TextContentAsync());
        Assert.Equal(clerkId, await deputy.InputValueAsync("[data-testid=relative-person]"));
        Assert.Equal("Sibling", await deputy.InputValueAsync("[data-testid=relative-relationship]"));
        await host.ShotAsync(deputy, "03-twice-refused");

        // A person who is not in the county (the form's value altered): not found, on the page.
        await deputy.GotoAsync("/relatives");
        await deputy.EvalOnSelectorAsync("[data-testid=relative-person] option", "(o, id) => { o.value = id; o.selected = true; }", Guid.NewGuid().ToString());
        await deputy.SelectOptionAsync("[data-testid=relative-relationship]", "Child");
        await deputy.ClickAsync("[data-testid=declare-relative]");
        await deputy.WaitForSelectorAsync("[data-testid=error]");
        Assert.Contains("所选人员不是本县人员，未申报", await deputy.TextContentAsync("[data-testid=error]"));
        Assert.Equal(1, await rows.CountAsync());
        await host.ShotAsync(deputy, "04-unknown-person");

        // No relationship (the select emptied): a message on the page, nothing saved.
        await deputy.GotoAsync("/relatives");
        await deputy.SelectOptionAsync("[data-testid=relative-person]", clerkId);
        await deputy.EvalOnSelectorAsync("[data-testid=relative-relationship]", "s => s.required = false");
        await deputy.ClickAsync("[data-testid=declare-relative]");
        await deputy.WaitForSelectorAsync("[data-testid=error]");
        Assert.Contains("请选择人员和关系，未申报", await deputy.TextContentAsync("[data-testid=error]"));
        Assert.Equal(1, await rows.CountAsync());
        var declared = await (await deputy.APIRequest.GetAsync("/api/v1/relatives")).JsonAsync();
        Assert.Equal(1, declared!.Value.GetArrayLength());
        await host.ShotAsync(deputy, "05-no-relationship");

        // The office schedules a meeting with the expense on it and opens it: the deputy is recused as a relative.
        await office.GotoAsync("/meetings");
        await office.FillAsync("#Title", "城关镇2026年第8次班子会议");
        await office.ClickAsync("[data-testid=schedule]");
        await office.WaitForURLAsync("**/meetings/*");
        await office.SelectOptionAsync("[data-testid=matter]", matterUrl.Split('/')[^1]);
        await office.ClickAsync("[data-testid=add-item]");
        await office.WaitForSelectorAsync("[data-testid=item-1]");
        await office.ClickAsync("[data-testid=open]");
        await office.WaitForSelectorAsync("[data-testid=recusals-1] li");
        var recusals = await office.TextContentAsync("[data-testid=recusals-1]");
        var deputyName = (await (await deputy.APIRequest.GetAsync("/api/v1/me")).JsonAsync())!.Value.GetProperty("name").GetString()!;
        Assert.Contains(deputyName, recusals);
        Assert.Contains("亲属关系", recusals);
        Assert.DoesNotContain("recused", recusals); // the core's English sentence is for the record; the ground says why
        await host.ShotAsync(office, "06-meeting-recused");

        // In English the ground reads in English; only the member's name is user data.
        await office.ClickAsync("[data-testid=english]");
        await office.WaitForSelectorAsync("html[lang=en] [data-testid=recusals-1] li");
        var english = office.Locator("[data-testid=recusals-1] li").First;
        Assert.Contains("— relative", await english.TextContentAsync());
        Assert.Equal(deputyName, await english.Locator("[data-user]").TextContentAsync());
        Assert.Empty(Sweep.LanguageLeaks.Find(await Sweep.LanguageLeaks.TextAsync(office), "en"));
    }
}
