using System.Net;
using System.Net.Http.Json;

namespace Fenquan.Web.Tests.Flags;

/// <summary>
/// Red flags through the JSON API (R47): three purchases of 1,500 from one supplier in 城关镇 (purchase
/// limit 2,000) are submitted; the third carries a split-purchase flag naming the other two, seen by
/// the approver and the submitter alike. The submitter may not clear it, an empty reason is refused,
/// the procurement deputy clears it with a reason; another unit sees nothing; the county counts it.
/// </summary>
public sealed class FlagApiTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static object Purchase(string title) => new { kind = "PurchasePlan", title, amount = 1_500m, payeeName = "清河县文具办公用品商店", itemCode = "none" };

    [Fact]
    [Trait("Rule", "R47")]
    [Trait("Rule", "R16")]
    public async Task ASplitPurchase_IsFlaggedNamingTheOthers_AndClearedByTheApproverWithAReason()
    {
        var section = await _app.SignInAsync("u1.section1");
        var ids = new List<Guid>();
        foreach (var title in new[] { "采购打印纸", "采购墨盒", "采购文件柜" })
        {
            var submitted = await section.PostAsJsonAsync("/api/v1/matters", Purchase(title));
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
            ids.Add((await submitted.ReadAsync()).GetProperty("id").GetGuid());
        }

        var deputy = await _app.SignInAsync("u1.procurement");
        var flags = await (await deputy.GetAsync($"/api/v1/matters/{ids[2]}/flags")).ReadAsync();
        Assert.True(flags.GetProperty("mayClear").GetBoolean());
        var split = flags.GetProperty("flags").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "SplitPurchase");
        Assert.Equal(("Supplier", 2_000m, 4_500m), (split.GetProperty("basis").GetString(), split.GetProperty("limit").GetDecimal(), split.GetProperty("total").GetDecimal()));
        Assert.Equal(ids.Take(2), split.GetProperty("otherMatters").EnumerateArray().Select(o => o.GetGuid()));
        Assert.Empty((await (await deputy.GetAsync($"/api/v1/matters/{ids[0]}/flags")).ReadAsync()).GetProperty("flags").EnumerateArray());

        var ownFlags = await (await section.GetAsync($"/api/v1/matters/{ids[2]}/flags")).ReadAsync();
        Assert.False(ownFlags.GetProperty("mayClear").GetBoolean());
        var clear = $"/api/v1/matters/{ids[2]}/flags/{split.GetProperty("id").GetGuid()}/clear";
        var bySubmitter = await section.PostAsJsonAsync(clear, new { reason = "我确认" });
        Assert.Equal(HttpStatusCode.Forbidden, bySubmitter.StatusCode);
        Assert.Equal("R47.SubmitterClearsFlag", (await bySubmitter.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u2.principal1")).PostAsJsonAsync(clear, new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.SignInAsync("u2.principal1")).GetAsync($"/api/v1/matters/{ids[2]}/flags")).StatusCode);
        var empty = await deputy.PostAsJsonAsync(clear, new { reason = " " });
        Assert.Equal(HttpStatusCode.Conflict, empty.StatusCode);
        Assert.Equal("R47.ClearReasonRequired", (await empty.ReadAsync()).GetProperty("key").GetString());

        var cleared = await deputy.PostAsJsonAsync(clear, new { reason = "三项为不同用途，分别询价" });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal("三项为不同用途，分别询价", (await cleared.ReadAsync()).GetProperty("clearReason").GetString());

        var county = await (await _app.SignInAsync("admin")).GetAsync("/api/v1/flags");
        Assert.Equal(HttpStatusCode.OK, county.StatusCode);
        var counts = (await county.ReadAsync()).GetProperty("counts").EnumerateArray().Where(c => c.GetProperty("unit").GetString() == "城关镇").ToList();
        var splits = counts.Single(c => c.GetProperty("kind").GetString() == "SplitPurchase");
        Assert.Equal((2, 1), (splits.GetProperty("raised").GetInt32(), splits.GetProperty("open").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await section.GetAsync("/api/v1/flags")).StatusCode);
    }
}
