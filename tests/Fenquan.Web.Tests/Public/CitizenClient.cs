using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Public;

/// <summary>A citizen's browser without an account: applies, follows up, complains, through the public forms (with their antiforgery tokens).</summary>
public sealed partial class CitizenClient(HttpClient client)
{
    public const string ResidentId = "11010519491231002X";

    public HttpClient Http { get; } = client;

    public static async Task<Guid> CountyAsync(WebApp app)
    {
        await using var db = app.Db();
        return (await db.Counties.Select(c => c.Id).SingleAsync()).Value;
    }

    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var form = await Http.GetStringAsync(formPage ?? url);
        return await Http.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebApp.Token(form)))));
    }

    /// <summary>Applies to an item with all its documents but those left out; the receipt number and the code.</summary>
    public async Task<(string Receipt, string Code)> ApplyAsync(Guid county, string item, string name = "王小明", string number = ResidentId, params string[] leaveOut)
    {
        var page = WebUtility.HtmlDecode(await Http.GetStringAsync($"/public/{county}/items/{item}/apply"));
        var documents = Documents().Matches(page).Select(m => m.Groups[1].Value).Where(d => !leaveOut.Contains(d)).ToList();
        var response = await PostFormAsync($"/public/{county}/items/{item}/apply",
            [new("Kind", "Person"), new("Name", name), new("Number", number), new("Contact", "13800000000"), .. documents.Select(d => new KeyValuePair<string, string>("Documents", d))]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return (Field(html, "receipt-number"), Field(html, "follow-up-code"));
    }

    public Task<HttpResponseMessage> FollowAsync(string receipt, string code, string handler = "", params KeyValuePair<string, string>[] more) =>
        PostFormAsync("/public/follow-up" + (handler.Length > 0 ? "?handler=" + handler : string.Empty), [new("Receipt", receipt), new("Code", code), .. more], "/public/follow-up");

    public static string Field(string html, string testId) =>
        WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"" + testId + "\"[^>]*>([^<]*)<").Groups[1].Value.Trim());

    [GeneratedRegex("name=\"Documents\" value=\"([^\"]+)\"")]
    private static partial Regex Documents();
}
