using System.Net;
using System.Text.Json;

namespace Fenquan.Web.Tests.Matters;

/// <summary>Issue 14: POST /api/v1/matters/route-preview answers the route a submission of the same facts takes, names who acts, and refuses what a submission would.</summary>
public sealed class RoutePreviewApiTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static IEnumerable<string> Steps(JsonElement route, string kind, string actor) =>
        route.EnumerateArray().Select(s => s.GetProperty(kind).GetString() + "/" + s.GetProperty(actor).GetString());

    [Theory]
    [InlineData("800", 800)]
    [InlineData("3,000.00", 3000)]
    [InlineData("1.2万", 12000)]
    [InlineData("¥200,000", 200000)]
    [InlineData("50万", 500000)]
    public async Task ThePreview_IsTheRouteTheSubmissionGets(string typed, int amount)
    {
        var clerk = await _app.SignInAsync("u1.staff1");

        var previewed = await clerk.PostJsonAsync("/api/v1/matters/route-preview", new { kind = "Expense", amount = typed, payMe = true });
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var preview = await previewed.ReadAsync();
        var submitted = await clerk.PostJsonAsync("/api/v1/matters", new { kind = "Expense", title = "预览核对", amount = (decimal)amount, payMe = true });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var matter = await submitted.ReadAsync();

        Assert.Equal(Steps(matter.GetProperty("route"), "kind", "actor"), Steps(preview.GetProperty("steps"), "kind", "actor"));
        Assert.Equal((decimal)amount, preview.GetProperty("amount").GetDecimal());
        Assert.All(preview.GetProperty("steps").EnumerateArray(), s => Assert.StartsWith("第 " + (s.GetProperty("index").GetInt32() + 1) + " 步", s.GetProperty("text").GetString(), StringComparison.Ordinal));
        var meeting = matter.GetProperty("route").EnumerateArray().Any(s => s.GetProperty("actor").GetString() == "Team");
        Assert.Equal(meeting, preview.GetProperty("needsMeeting").GetBoolean());
        if (meeting)
        {
            Assert.Contains("须提交领导班子会议集体决定", preview.GetProperty("meeting").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ThePreview_NamesTheFinanceDeputy_AndALargeAmountGoesToAMeeting()
    {
        var clerk = await _app.SignInAsync("u1.staff1");
        var deputy = await _app.SignInAsync("u1.finance");
        var deputyName = (await (await deputy.GetAsync("/api/v1/me")).ReadAsync()).GetProperty("name").GetString()!;

        var small = await (await clerk.PostJsonAsync("/api/v1/matters/route-preview", new { kind = "Expense", amount = "2000元", payMe = true })).ReadAsync();
        var large = await (await clerk.PostJsonAsync("/api/v1/matters/route-preview", new { kind = "Expense", amount = "50万", payMe = true })).ReadAsync();

        Assert.Contains(small.GetProperty("steps").EnumerateArray(), s => s.GetProperty("actor").GetString() == "DeputyInCharge" && s.GetProperty("text").GetString()!.EndsWith("：" + deputyName, StringComparison.Ordinal));
        Assert.True(large.GetProperty("needsMeeting").GetBoolean());
        Assert.StartsWith("500,000 元须提交领导班子会议集体决定（", large.GetProperty("meeting").GetString(), StringComparison.Ordinal);
        Assert.Equal("伍拾万元整", large.GetProperty("amountCapital").GetString());
    }

    [Fact]
    public async Task ABadAmount_IsAProblemNamingWhatWasTyped()
    {
        var clerk = await _app.SignInAsync("u1.staff1");

        var response = await clerk.PostJsonAsync("/api/v1/matters/route-preview", new { kind = "Expense", amount = "一万二", payMe = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadAsync();
        Assert.Equal("Invalid.AmountText", problem.GetProperty("key").GetString());
        Assert.Contains("一万二", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingAmount_IsRefusedAsTheSubmissionWouldBe()
    {
        var clerk = await _app.SignInAsync("u1.staff1");

        var response = await clerk.PostJsonAsync("/api/v1/matters/route-preview", new { kind = "Expense", payMe = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid.AmountRequired", (await response.ReadAsync()).GetProperty("key").GetString());
    }

    [Fact]
    public async Task NobodySignedIn_IsUnauthorized_AndSomeoneOfNoUnit_GetsNoRoute()
    {
        var anonymous = _app.NewClient();
        var admin = await _app.SignInAsync("admin");
        var before = await _app.CountsAsync();

        var stranger = await anonymous.PostJsonAsync("/api/v1/matters/route-preview", new { kind = "Expense", amount = "800", payMe = true });
        var county = await admin.PostJsonAsync("/api/v1/matters/route-preview", new { kind = "Expense", amount = "800" });

        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, county.StatusCode);
        Assert.Equal("application/problem+json", county.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    public async Task AnotherUnitsClerk_SeesOnlyTheirOwnUnitsPeople()
    {
        var u1 = await _app.SignInAsync("u1.finance");
        var u2 = await _app.SignInAsync("u2.staff1");
        var u1Deputy = (await (await u1.GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();

        var preview = await (await u2.PostJsonAsync("/api/v1/matters/route-preview", new { kind = "Expense", amount = "2000", payMe = true })).ReadAsync();

        var named = preview.GetProperty("steps").EnumerateArray().SelectMany(s => s.GetProperty("peopleIds").EnumerateArray().Select(p => p.GetGuid())).ToList();
        Assert.NotEmpty(named);
        Assert.DoesNotContain(u1Deputy, named);
    }
}
