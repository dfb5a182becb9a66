using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fenquan.Web.Tests.Api;

/// <summary>
/// A problem's title and detail follow the request's Accept-Language (zh-CN by default, en on
/// request); its rule, message key, arguments and the core's English reason are the same in both.
/// </summary>
public sealed class ProblemLanguageTests
{
    [Fact]
    [Trait("Rule", "R4")]
    public async Task ARuleRefusal_IsChineseByDefault_AndEnglishOnRequest_WithTheSameRuleAndKey()
    {
        await using var app = await WebApp.StartAsync("sqlite");
        var clerk = await app.SignInAsync("u1.staff1");
        var submitted = await clerk.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "下乡调研交通费", amount = 3000m, payMe = true });
        var id = (await submitted.ReadAsync()).GetProperty("id").GetGuid();
        var office = await app.SignInAsync("u1.office");
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).StatusCode);
        var principal = await app.SignInAsync("u1.principal1");

        var chinese = await ActAsync(principal, $"/api/v1/matters/{id}/actions", null);
        var english = await ActAsync(principal, $"/api/v1/matters/{id}/actions", "en-US,en;q=0.9");
        var named = await ActAsync(principal, $"/api/v1/matters/{id}/actions", "zh-CN");

        Assert.Equal("规则 R4（小额开支）不允许此操作", chinese.GetProperty("title").GetString());
        Assert.Contains("正职不直接分管财务（五不直接分管）", chinese.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Refused by rule R4 (Small expenses)", english.GetProperty("title").GetString());
        Assert.Contains("principals do not directly take charge of Finance", english.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(chinese.GetProperty("title").GetString(), named.GetProperty("title").GetString());
        foreach (var same in new[] { "rule", "key", "reason" })
        {
            Assert.Equal(chinese.GetProperty(same).GetString(), english.GetProperty(same).GetString());
        }

        Assert.Equal("R4", english.GetProperty("rule").GetString());
        Assert.Equal(chinese.GetProperty("arguments").GetRawText(), english.GetProperty("arguments").GetRawText());
    }

    [Fact]
    public async Task AnAmountError_HasAKey_AndNoFieldPrefix_InEitherLanguage()
    {
        await using var app = await WebApp.StartAsync("sqlite");
        var clerk = await app.SignInAsync("u1.staff1");

        var chinese = await SubmitAsync(clerk, null);
        var english = await SubmitAsync(clerk, "en");

        Assert.Equal("请求无效", chinese.GetProperty("title").GetString());
        Assert.Equal("金额不得为负数。", chinese.GetProperty("detail").GetString());
        Assert.Equal("Invalid request", english.GetProperty("title").GetString());
        Assert.Equal("An amount is never negative.", english.GetProperty("detail").GetString());
        Assert.Equal("Invalid.AmountNegative", chinese.GetProperty("key").GetString());
        Assert.Equal("Invalid.AmountNegative", english.GetProperty("key").GetString());
    }

    private static async Task<JsonElement> ActAsync(HttpClient client, string path, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { action = "Approve", comment = "同意" }) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        return await response.ReadAsync();
    }

    private static async Task<JsonElement> SubmitAsync(HttpClient client, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/matters") { Content = JsonContent.Create(new { kind = "Expense", title = "负数", amount = -3000m, payMe = true }) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.ReadAsync();
    }
}
