using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Fenquan.Web.Tests.Browser;

/// <summary>
/// In Chromium: a refusal on a Chinese page is Chinese throughout (no English sentence, only rule
/// ids and names) and links to its rule's explanation, which renders in Chinese and, after the
/// viewer switches language, in English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RefusalLanguageBrowserTests
{
    [Fact]
    [Trait("Rule", "R47")]
    public async Task ARefusalOnAChinesePage_HasNoEnglish_AndLinksToItsRulePage_InBothLanguages()
    {
        await using var host = await BrowserHost.StartAsync("refusal-language");

        // Three purchases of 1,500 from one supplier: the third is flagged as a split purchase (R47).
        var section = await host.SignInAsync("u1.section1");
        var third = (await SplitPurchases.SubmitAsync(section))[2];

        // The deputy clears the flag without a reason: refused by R47, in Chinese, with a link to the rule.
        var deputy = await host.SignInAsync("u1.procurement");
        await deputy.GotoAsync(third);
        Assert.Equal("zh-CN", await deputy.GetAttributeAsync("html", "lang"));
        var steps = await deputy.TextContentAsync("[data-testid=route]");
        Assert.Contains("分管副职审批", steps);
        Assert.DoesNotContain("DeputyInCharge", steps);
        BrowserHost.AcceptConfirmations(deputy);
        await deputy.Locator("[data-testid=flag-SplitPurchase] [data-testid=clear-flag]").ClickAsync();
        var error = deputy.Locator("[data-testid=error]");
        var text = await error.TextContentAsync() ?? string.Empty;
        Assert.StartsWith("规则 R47（异常提示）：", text.Trim());
        Assert.Empty(EnglishWords(text));
        await host.ShotAsync(deputy, "00-refusal-in-chinese");

        var link = error.Locator("a.rule-link");
        Assert.Equal("/rules/R47", await link.GetAttributeAsync("href"));
        await link.ClickAsync();
        await deputy.WaitForURLAsync("**/rules/R47");
        Assert.Equal("规则 R47：异常提示", (await deputy.TextContentAsync("[data-testid=rule-heading]"))?.Trim());
        Assert.Contains("拆分采购", await deputy.TextContentAsync("[data-testid=rule-explanation]"));

        // R43 in Chinese, then in English once the viewer chooses English.
        await deputy.GotoAsync("/rules/R43");
        Assert.Equal("规则 R43：集体决策", (await deputy.TextContentAsync("[data-testid=rule-heading]"))?.Trim());
        var chinese = await deputy.TextContentAsync("[data-testid=rule-explanation]") ?? string.Empty;
        Assert.Contains("正职最后表态", chinese);
        Assert.Empty(EnglishWords(chinese));
        await host.ShotAsync(deputy, "01-rule-R43-zh");
        await deputy.ClickAsync("[data-testid=english]");
        await deputy.WaitForSelectorAsync("html[lang=en]");
        Assert.Equal("Rule R43: Collective decisions in meetings", (await deputy.TextContentAsync("[data-testid=rule-heading]"))?.Trim());
        var english = await deputy.TextContentAsync("[data-testid=rule-explanation]") ?? string.Empty;
        Assert.Contains("the principal speaks last", english);
        Assert.DoesNotMatch(new Regex(@"\p{IsCJKUnifiedIdeographs}"), english);
        await host.ShotAsync(deputy, "02-rule-R43-en");

        // The unknown rule answers 404.
        var missing = await deputy.GotoAsync("/rules/R99");
        Assert.Equal(404, missing!.Status);
    }

    /// <summary>Runs of three or more Latin letters that are not a rule id.</summary>
    private static List<string> EnglishWords(string text) => LatinWord().Matches(text).Select(m => m.Value).ToList();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex LatinWord();
}
