using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Fenquan.Core.Attachments;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Site;

/// <summary>
/// A first start that tells the truth (issue 12): status pages in the site's style and the viewer's
/// language for pages and unknown paths, problems for the API, the OpenAPI document's bearer scheme,
/// and bad input that never reaches a 500 or changes anything.
/// </summary>
public sealed class SiteLimitsTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/matters/not-a-guid/x")]
    [InlineData("/wp-login.php")]
    public async Task UnknownPath_IsTheSitesNotFoundPage_ForStrangersAndInBothLanguages(string path)
    {
        var stranger = _app.NewClient();
        var response = await stranger.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("页面不存在", StringComparison.Ordinal), html);
        Assert.Contains("class=\"motto\"", html, StringComparison.Ordinal); // the site's layout, not a bare page

        var english = _app.NewClient();
        english.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        Assert.Contains("Page not found", await (await english.GetAsync(path)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signedIn = await _app.SignInAsync("u1.staff1");
        var mine = await signedIn.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, mine.StatusCode);
        Assert.Contains("页面不存在", await mine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KnownPage_WithoutSignIn_StillGoesToSignIn()
    {
        var response = await _app.NewClient().GetAsync("/workbench");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiPath_IsAProblem()
    {
        var clerk = await _app.SignInAsync("u1.staff1");
        var response = await clerk.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await response.ReadAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task OpenApiDocument_DeclaresTheBearerScheme_AndLeavesOutPageOnlyEndpoints()
    {
        var document = await (await _app.NewClient().GetAsync("/openapi/v1.json")).ReadAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Contains("/account/tokens", scheme.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains(document.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("bearer", out _));

        var paths = document.GetProperty("paths");
        Assert.False(paths.TryGetProperty("/culture", out _));
        Assert.True(paths.TryGetProperty("/api/v1/matters", out _));

        // An operation open to everyone (the public checkpoint) says it needs no token.
        var open = paths.EnumerateObject().First(p => p.Name.StartsWith("/transparency/", StringComparison.Ordinal)).Value.GetProperty("get");
        Assert.Equal(0, open.GetProperty("security").GetArrayLength());
    }

    [Theory]
    [InlineData("{\"kind\":\"Expense\",\"title\":\"差旅\\u0000费\",\"amount\":100,\"payMe\":true}")]
    [InlineData("{\"kind\":\"Expense\",\"title\":\"差旅\\u001b[31m费\",\"amount\":100,\"payMe\":true}")]
    public async Task ControlCharacters_InJson_Are400_AndChangeNothing(string body)
    {
        var clerk = await _app.SignInAsync("u1.staff1");
        var before = await _app.CountsAsync();
        var response = await clerk.PostAsync("/api/v1/matters", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", response.Content.Headers.ContentType + await response.Content.ReadAsStringAsync());
        Assert.Contains("control character", (await response.ReadAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _app.CountsAsync());

        // Tabs and line breaks are text, not control: a multi-line title is still taken.
        var fine = await clerk.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "差旅费\t第一段", amount = 100m, payMe = true });
        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);
    }

    [Fact]
    public async Task ControlCharacters_InAForm_AreTheSites400Page_AndChangeNothing()
    {
        var clerk = await _app.SignInAsync("u1.staff1");
        var before = await _app.CountsAsync();
        var response = await WebApp.PostFormAsync(clerk, "/relatives", string.Empty, new Dictionary<string, string> { ["relativeId"] = Guid.NewGuid().ToString(), ["relationship"] = "Spouse", ["note"] = "张\u0000三" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("控制字符", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    public async Task HtmlNamedPdf_IsKeptAndServedAsAPdf_NeverUnderItsHtmlName()
    {
        var clerk = await _app.SignInAsync("u1.staff1");
        var matter = await SubmitAsync(clerk);
        var file = new ByteArrayContent("%PDF-1.7\n<script>alert(1)</script>"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        var response = await clerk.PostAsync($"/api/v1/matters/{matter}/attachments", new MultipartFormDataContent { { file, "file", "evil.html" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync();
        Assert.Equal("evil.html.pdf", created.GetProperty("fileName").GetString());
        var download = await clerk.GetAsync(created.GetProperty("download").GetString());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadWithoutItsClosingBoundary_Is400_AndKeepsNothing()
    {
        var clerk = await _app.SignInAsync("u1.staff1");
        var matter = await SubmitAsync(clerk);
        var before = await AttachmentsAsync();
        var ledger = (await _app.CountsAsync()).Ledger;
        foreach (var body in new[]
        {
            "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 truncated",
            "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n",
            "--XYZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--XYZ\r\nContent-Dis",
        })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XYZ");
            var response = await clerk.PostAsync($"/api/v1/matters/{matter}/attachments", content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

            // The page's upload form, broken off the same way (the form is read before the antiforgery check).
            var page = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            page.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=XYZ");
            var pageResponse = await clerk.PostAsync($"/matters/{matter}?handler=Attach", page);
            Assert.True((int)pageResponse.StatusCode is 400, $"{(int)pageResponse.StatusCode}");
        }

        Assert.Equal(before, await AttachmentsAsync());
        Assert.Equal(ledger, (await _app.CountsAsync()).Ledger);
    }

    [Fact]
    public async Task TwoRacingApprovals_TheLoserHearsConflict()
    {
        var clerk = await _app.SignInAsync("u1.staff1");
        var matter = await SubmitAsync(clerk);
        var office = await _app.SignInAsync("u1.office");
        var seen = await (await office.GetAsync($"/api/v1/matters/{matter}")).ReadAsync();
        var step = seen.GetProperty("route").EnumerateArray().Single(s => s.GetProperty("current").GetBoolean()).GetProperty("index").GetInt32();
        var round = seen.GetProperty("round").GetInt32();
        var second = await _app.SignInAsync("u1.office");

        var both = await Task.WhenAll(
            office.PostAsJsonAsync($"/api/v1/matters/{matter}/actions", new { action = "Review", step, round }),
            second.PostAsJsonAsync($"/api/v1/matters/{matter}/actions", new { action = "Review", step, round }));

        var statuses = both.Select(r => r.StatusCode).OrderBy(s => s).ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);

        // Told the step it saw, a late request is a conflict even long after.
        var late = await office.PostAsJsonAsync($"/api/v1/matters/{matter}/actions", new { action = "Review", step, round });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        // Someone who never had a part in the step is still refused as such.
        var stranger = await _app.SignInAsync("u1.staff1");
        var refused = await stranger.PostAsJsonAsync($"/api/v1/matters/{matter}/actions", new { action = "Approve" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static async Task<Guid> SubmitAsync(HttpClient client)
    {
        var submitted = await client.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "下乡调研交通费", amount = 300m, payMe = true });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        return (await submitted.ReadAsync()).GetProperty("id").GetGuid();
    }

    private async Task<int> AttachmentsAsync()
    {
        await using var db = _app.Db();
        return await db.Set<Attachment>().CountAsync();
    }
}
