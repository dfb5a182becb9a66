using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Fenquan.Web.Tests.Api;

/// <summary>Bad inputs get 400, 404 or 413 with ProblemDetails, and nothing changes in the database or the ledger.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private WebApp _app = null!;
    private HttpClient _clerk = null!;
    private Guid _otherUnitsMatter;

    public async ValueTask InitializeAsync()
    {
        _app = await WebApp.StartAsync();
        _clerk = await _app.SignInAsync("u1.staff1");
        var other = await _app.SignInAsync("u2.staff1");
        var created = await other.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "桃源乡差旅费", amount = 500m, payMe = true });
        _otherUnitsMatter = (await created.ReadAsync()).GetProperty("id").GetGuid();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string> BadSubmissions => new()
    {
        """{"kind":"Expense","title":"负数","amount":-3000,"payMe":true}""",
        """{"kind":"Expense","title":"零元","amount":0,"payMe":true}""",
        """{"kind":"Expense","title":"天文数字","amount":1000000000000000,"payMe":true}""",
        """{"kind":"Expense","title":"超大","amount":79228162514264337593543950335,"payMe":true}""",
        """{"kind":"Expense","title":"三位小数","amount":12.345,"payMe":true}""",
        """{"kind":"Expense","title":"字符串金额","amount":"three thousand","payMe":true}""",
        """{"kind":"Expense","title":"布尔金额","amount":true}""",
        """{"kind":"NoSuchKind","title":"未知类别","amount":100}""",
        """{"kind":42,"title":"数字类别","amount":100}""",
        """{"kind":"Expense","title":"","amount":100}""",
        """{"kind":"Expense","amount":100}""",
        """{"kind":"TransferIn","title":"人事带金额","amount":100}""",
        """{"kind":"Expense","title":"报销带目录品目","amount":100,"payMe":true,"itemCode":"A02010104"}""",
        """{"kind":"Expense","title":"未来日期","amount":100,"matterDate":"2099-01-01"}""",
        """{"kind":"Expense","title":"坏日期","amount":100,"matterDate":"yesterday"}""",
        """not json at all""",
        """[1,2,3]""",
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task Submit_BadInput_Is400WithProblemDetails_AndChangesNothing(string body)
    {
        var before = await _app.CountsAsync();
        var response = await _clerk.PostAsync("/api/v1/matters", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Invalid", (await response.ReadAsync()).GetProperty("rule").GetString());
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    public async Task Submit_TitleTooLong_Is400()
    {
        var before = await _app.CountsAsync();
        var response = await _clerk.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = new string('长', 301), amount = 100m });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    public async Task Submit_OversizeBody_Is413WithProblemDetails()
    {
        var before = await _app.CountsAsync();
        var body = "{\"kind\":\"Expense\",\"title\":\"" + new string('x', 100_000) + "\",\"amount\":100}";
        var response = await _clerk.PostAsync("/api/v1/matters", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    public async Task UnknownAndOtherUnitsIds_Are404WithProblemDetails_AndChangeNothing()
    {
        var before = await _app.CountsAsync();
        foreach (var id in new[] { Guid.NewGuid(), _otherUnitsMatter })
        {
            foreach (var response in new[]
            {
                await _clerk.GetAsync($"/api/v1/matters/{id}"),
                await _clerk.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" }),
                await _clerk.PostAsync($"/api/v1/matters/{id}/withdraw", null),
                await _clerk.GetAsync($"/api/v1/ledger/matters/{id}"),
            })
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await _clerk.GetAsync($"/matters/{id}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _clerk.GetAsync("/api/v1/matters/not-a-guid")).StatusCode);
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    public async Task Act_BadActionOrCursor_Is400()
    {
        var mine = await _clerk.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "打印纸", amount = 300m, payMe = true });
        var id = (await mine.ReadAsync()).GetProperty("id").GetGuid();
        var before = await _app.CountsAsync();
        foreach (var body in new[] { """{"action":"Bless"}""", """{"action":"Review","comment":""" + "\"" + new string('x', 2001) + "\"}", """{"action":"Review","onBehalfOf":"00000000-0000-0000-0000-000000000000"}""", """{"action":7}""" })
        {
            var response = await _clerk.PostAsync($"/api/v1/matters/{id}/actions", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        // Acting for someone who delegated nothing is refused by the rules (R7), not as input.
        var unknownDelegator = await _clerk.PostAsync($"/api/v1/matters/{id}/actions", new StringContent("""{"action":"Review","onBehalfOf":"01a21fa0-8cf9-7b9b-b737-601b65b3dec2"}""", Encoding.UTF8, "application/json"));
        Assert.Contains(unknownDelegator.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict });

        Assert.Equal(HttpStatusCode.BadRequest, (await _clerk.GetAsync("/api/v1/matters?cursor=%%%")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _clerk.GetAsync("/api/v1/matters?limit=100000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _clerk.GetAsync("/api/v1/matters?scope=everything")).StatusCode);
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    public async Task Api_WithoutSignIn_Is401_AndPagesRedirectToSignIn()
    {
        var anonymous = _app.NewClient();
        var api = await anonymous.GetAsync("/api/v1/tasks");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "x", amount = 1m })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await new HttpClient(_app.Server.CreateHandler()) { BaseAddress = new Uri("http://localhost"), DefaultRequestHeaders = { { "Authorization", "Bearer made-up" } } }.GetAsync("/api/v1/tasks")).StatusCode);
        var page = await anonymous.GetAsync("/workbench");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/signin", page.Headers.Location!.ToString());
    }

    [Fact]
    public async Task CursorPaging_WalksEveryVisibleMatterOnce()
    {
        var office = await _app.SignInAsync("u1.office");
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await office.GetAsync("/api/v1/matters?limit=2" + (cursor is null ? "" : "&cursor=" + cursor))).ReadAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.DoesNotContain(_otherUnitsMatter, seen);
        await using var db = _app.Db();
        var office1 = (await (await office.GetAsync("/api/v1/me")).ReadAsync()).GetProperty("unitId").GetGuid();
        Assert.Equal(db.Matters.Count(m => m.UnitId == new Core.Primitives.UnitId(office1)), seen.Count);
    }
}
