using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// Administration pages as laid out in Chromium: on /admin/county each voting threshold (R43) reads on
/// one line — "more than / at least", numerator / denominator — rather than three full-width boxes; on
/// /workbench/delegations a principal, who holds no portfolio, is told the delegation covers every
/// area instead of an empty "领域" box, and a deputy ticks among the areas in their charge.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministrationLayoutBrowserTests
{
    [Fact]
    [Trait("Rule", "R43")]
    [Trait("Rule", "R3")]
    public async Task VotingThresholdsReadOnOneLine_AndTheDelegationPageShowsItsAreas()
    {
        await using var host = await BrowserHost.StartAsync("admin-layout");
        var admin = await host.SignInAsync("admin");
        await admin.GotoAsync("/admin/county");
        var strict = await admin.Locator("[data-testid=rules-Quorum-strict]").BoundingBoxAsync();
        var numerator = await admin.Locator("[data-testid=rules-Quorum-numerator]").BoundingBoxAsync();
        var denominator = await admin.Locator("[data-testid=rules-Quorum-denominator]").BoundingBoxAsync();
        Assert.NotNull(strict);
        Assert.NotNull(numerator);
        Assert.NotNull(denominator);
        Assert.True(Math.Abs(strict.Y - numerator.Y) < strict.Height && Math.Abs(numerator.Y - denominator.Y) < numerator.Height, $"{strict.Y} {numerator.Y} {denominator.Y}");
        Assert.True(numerator.X > strict.X + strict.Width && denominator.X > numerator.X + numerator.Width);
        Assert.True(numerator.Width < 200);
        await host.ShotAsync(admin, "01-county-thresholds");

        var principal = await host.SignInAsync("u1.principal1");
        await principal.GotoAsync("/workbench/delegations");
        Assert.Contains("全部", await principal.TextContentAsync("[data-testid=delegation-areas]"));
        Assert.Equal(0, await principal.Locator("[data-testid=delegate-form] fieldset").CountAsync());
        await host.ShotAsync(principal, "02-delegation-principal");

        var deputy = await host.SignInAsync("u1.finance");
        await deputy.GotoAsync("/workbench/delegations");
        Assert.Equal(["Finance"], await deputy.Locator("[data-testid=delegation-areas] input[name=Areas]").EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.value)"));
        Assert.Contains("财务", await deputy.TextContentAsync("[data-testid=delegation-areas]"));
    }
}
