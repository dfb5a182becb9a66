using System.Net;

namespace Fenquan.Web.Tests.Matters;

/// <summary>
/// Lists that find things, through the API on SQLite and PostgreSQL alike: a two-character Chinese
/// word (冷凝) finds the titles that contain it, as does a longer one and the payee's name; a word
/// nobody used finds nothing; another unit's matter is never found (R1), nor one the viewer has no
/// part in; filters narrow the list and the count says how many; bad parameters are refused with
/// ProblemDetails naming them.
/// </summary>
public sealed class MatterSearchTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    private static async Task<Guid> SubmitAsync(HttpClient client, string title, decimal amount)
    {
        var response = await client.PostJsonAsync("/api/v1/matters", new { kind = "Expense", title, amount, payMe = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<(int Total, List<Guid> Ids, List<string> Titles)> FindAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/matters?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadAsync();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        return (page.GetProperty("total").GetInt32(), items.Select(i => i.GetProperty("id").GetGuid()).ToList(), items.Select(i => i.GetProperty("title").GetString()!).ToList());
    }

    [Theory]
    [Trait("Rule", "R1")]
    [MemberData(nameof(Providers))]
    public async Task Search_FindsTwoCharacterAndLongerWordsAndPayees_NeverAnotherUnitsMatters(string provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var clerk = await app.SignInAsync("u1.staff1");
        var repair = await SubmitAsync(clerk, "机房空调冷凝器维修", 800m);
        var travel = await SubmitAsync(clerk, "差旅补助（省城培训）", 1200m);
        var other = await SubmitAsync(await app.SignInAsync("u2.staff1"), "机房空调冷凝器更换", 900m);
        var principal = await app.SignInAsync("u1.principal1");

        // Two characters (a trigram index alone would not serve this), then a longer word.
        var two = await FindAsync(principal, "q=" + Uri.EscapeDataString("冷凝"));
        Assert.Equal(1, two.Total);
        Assert.Equal([repair], two.Ids);
        var longer = await FindAsync(principal, "q=" + Uri.EscapeDataString("冷凝器维修"));
        Assert.Equal([repair], longer.Ids);
        var travelFound = await FindAsync(principal, "q=" + Uri.EscapeDataString("省城培训"));
        Assert.Equal([travel], travelFound.Ids);

        // A common word: every title found contains it, and the other unit's matter is not among them.
        var common = await FindAsync(principal, "q=" + Uri.EscapeDataString("空调") + "&size=200");
        Assert.Contains(repair, common.Ids);
        Assert.DoesNotContain(other, common.Ids);
        Assert.All(common.Titles, t => Assert.Contains("空调", t, StringComparison.Ordinal));

        // The payee's name (the clerk is paid by both of their matters).
        var me = await (await clerk.GetAsync("/api/v1/me")).ReadAsync();
        var byPayee = await FindAsync(principal, "q=" + Uri.EscapeDataString(me.GetProperty("name").GetString()!) + "&size=200");
        Assert.Contains(repair, byPayee.Ids);
        Assert.Contains(travel, byPayee.Ids);

        // No match.
        Assert.Equal(0, (await FindAsync(principal, "q=" + Uri.EscapeDataString("无此事项词语"))).Total);

        // The other unit's staff finds only their own; a colleague with no part in the matter finds nothing.
        Assert.Equal([other], (await FindAsync(await app.SignInAsync("u2.principal1"), "q=" + Uri.EscapeDataString("冷凝"))).Ids);
        Assert.Equal(0, (await FindAsync(await app.SignInAsync("u1.staff2"), "q=" + Uri.EscapeDataString("冷凝"))).Total);

        // The same search in the clerk's own submissions.
        Assert.Equal([repair], (await FindAsync(clerk, "scope=mine&q=" + Uri.EscapeDataString("冷凝"))).Ids);
    }

    [Fact]
    public async Task Filters_Narrow_Count_AndPage_BothWays()
    {
        await using var app = await WebApp.StartAsync();
        var clerk = await app.SignInAsync("u1.staff1");
        var ids = new List<Guid>();
        foreach (var amount in new[] { 100m, 200m, 300m, 400m, 500m })
        {
            ids.Add(await SubmitAsync(clerk, "档案柜搬运费" + amount, amount));
        }

        var principal = await app.SignInAsync("u1.principal1");
        var word = "q=" + Uri.EscapeDataString("档案柜搬运");

        // Newest first, two a page: 5 found, pages 1, 2 and 3, and back.
        var first = await FindAsync(principal, word + "&size=2");
        Assert.Equal(5, first.Total);
        Assert.Equal([ids[4], ids[3]], first.Ids);
        Assert.Equal([ids[2], ids[1]], (await FindAsync(principal, word + "&size=2&page=2")).Ids);
        Assert.Equal([ids[0]], (await FindAsync(principal, word + "&size=2&page=3")).Ids);
        Assert.Equal(first.Ids, (await FindAsync(principal, word + "&size=2&page=1")).Ids);

        // Amount range and order by amount (as numbers: 500 above 1000 would be text order).
        var ranged = await FindAsync(principal, word + "&min=200&max=400&sort=amount-desc");
        Assert.Equal([ids[3], ids[2], ids[1]], ranged.Ids);

        // Area and state, and the day range of submission.
        var today = (await (await principal.GetAsync("/api/v1/me")).ReadAsync()).GetProperty("today").GetString();
        Assert.Equal(5, (await FindAsync(principal, word + "&area=Finance&state=Pending&from=" + today + "&to=" + today)).Total);
        Assert.Equal(0, (await FindAsync(principal, word + "&area=Personnel")).Total);
        Assert.Equal(0, (await FindAsync(principal, word + "&state=Approved")).Total);

        // Waiting for me: the office reviews first (R7), so the five wait for the office, not the principal.
        Assert.Equal(5, (await FindAsync(await app.SignInAsync("u1.office"), word + "&waiting=true")).Total);
        Assert.Equal(0, (await FindAsync(principal, word + "&waiting=true")).Total);

        // Nothing is overdue on the day it was submitted.
        Assert.Equal(0, (await FindAsync(principal, word + "&overdue=true")).Total);
    }

    // Filters without words read the search index on SQLite (amounts kept there as text): ranges and
    // orders compare numbers (900 below 1000), count and page agree, for the whole unit, the clerk's
    // matters with a part in them and their own submissions; a colleague with no part finds none (R1).
    [Theory]
    [Trait("Rule", "R1")]
    [MemberData(nameof(Providers))]
    public async Task AmountFilters_WithoutWords_CompareNumbers_InEveryScope(string provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var clerk = await app.SignInAsync("u1.staff1");
        var ids = new Dictionary<decimal, Guid>();
        foreach (var amount in new[] { 900.17m, 20000.17m, 1000.17m, 4000.17m })
        {
            ids[amount] = await SubmitAsync(clerk, "硒鼓采购" + amount.ToString(System.Globalization.CultureInfo.InvariantCulture), amount);
        }

        List<Guid> Mine(List<Guid> found) => found.Where(ids.ContainsValue).ToList();
        foreach (var (client, scope) in new[] { (await app.SignInAsync("u1.principal1"), ""), (clerk, ""), (clerk, "scope=mine&") })
        {
            var ranged = await FindAsync(client, scope + "min=950&max=4000.5&sort=amount-asc&size=200");
            Assert.Equal([ids[1000.17m], ids[4000.17m]], Mine(ranged.Ids));
            Assert.Equal(ranged.Ids.Count, ranged.Total);
            var high = await FindAsync(client, scope + "area=Finance&sort=amount-desc&size=200");
            Assert.Equal([ids[20000.17m], ids[4000.17m], ids[1000.17m], ids[900.17m]], Mine(high.Ids));
            Assert.Equal(high.Ids.Count, high.Total);
            var low = await FindAsync(client, scope + "area=Finance&state=Pending&max=1000.17&sort=amount-asc&size=200");
            Assert.Equal([ids[900.17m], ids[1000.17m]], Mine(low.Ids));

            // Two a page in amount order: the second page holds the third and fourth of the whole list.
            var all = await FindAsync(client, scope + "min=900&max=20000.17&sort=amount-asc&size=200");
            var second = await FindAsync(client, scope + "min=900&max=20000.17&sort=amount-asc&size=2&page=2");
            Assert.Equal(all.Ids.Skip(2).Take(2), second.Ids);
            Assert.Equal(all.Total, second.Total);
        }

        var colleague = await FindAsync(await app.SignInAsync("u1.staff2"), "min=900&max=20000.17&size=200");
        Assert.Empty(Mine(colleague.Ids));
    }

    // A person without the whole unit finds, with words and filters, exactly the matters they have a
    // part in (MatterAccess.MaySee): those they initiated, those paying them, those they acted on;
    // never a colleague's matter they have no part in (R1). The list builds that set from the
    // person's own indexes, so each of the three ways in is checked on both databases.
    [Theory]
    [Trait("Rule", "R1")]
    [MemberData(nameof(Providers))]
    public async Task APartIn_IsInitiatedPaidByOrActedOn_AndNothingElse_WithWordsAndFilters(string provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var clerk = await app.SignInAsync("u1.staff1");
        var colleague = await app.SignInAsync("u1.staff2");
        var clerkId = (await (await clerk.GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();
        var own = await SubmitAsync(clerk, "绿植租摆费（一季度）", 700m);
        var paysClerk = await colleague.PostJsonAsync("/api/v1/matters", new { kind = "Expense", title = "绿植租摆垫付费", amount = 650m, payeePersonId = clerkId });
        Assert.Equal(HttpStatusCode.Created, paysClerk.StatusCode);
        var paid = (await paysClerk.ReadAsync()).GetProperty("id").GetGuid();
        var notMine = await SubmitAsync(colleague, "绿植养护费", 600m);
        var item = await clerk.PostJsonAsync("/api/v1/matters", new { kind = "ApprovalItem", title = "绿植摆放占道许可", itemCode = "QH-XK-001" });
        Assert.Equal(HttpStatusCode.Created, item.StatusCode);
        var licence = (await item.ReadAsync()).GetProperty("id").GetGuid();
        var word = "q=" + Uri.EscapeDataString("绿植");

        // The clerk: their own and the one paying them, in amount order, never the colleague's.
        var found = await FindAsync(clerk, word + "&min=100&max=1000&sort=amount-desc&size=200");
        Assert.Equal([own, paid], found.Ids);
        Assert.Equal(2, found.Total);
        Assert.DoesNotContain(notMine, (await FindAsync(clerk, word + "&size=200")).Ids);

        // The clerk's section head has no part in the licence application until they review it (R24's first step).
        var head = await app.SignInAsync("u1.section1");
        Assert.Empty((await FindAsync(head, word + "&size=200")).Ids);
        var reviewed = await head.PostJsonAsync($"/api/v1/matters/{licence}/actions", new { action = "Review" });
        Assert.True(reviewed.StatusCode == HttpStatusCode.OK, await reviewed.Content.ReadAsStringAsync());
        var acted = await FindAsync(head, word + "&area=AdministrativeApproval&size=200");
        Assert.Equal([licence], acted.Ids);
        Assert.Equal(1, acted.Total);
    }

    [Fact]
    public async Task ABadParameter_IsRefusedWithProblemDetails_NamingIt()
    {
        await using var app = await WebApp.StartAsync();
        var principal = await app.SignInAsync("u1.principal1");
        (string Query, string Parameter)[] cases =
        [
            ("area=Nowhere", "area"), ("area=1", "area"), ("state=Lost", "state"), ("min=-5", "min"), ("min=abc", "min"),
            ("min=500&max=100", "max"), ("from=2026-13-01", "from"), ("from=2026-05-02&to=2026-05-01", "to"),
            ("overdue=maybe", "overdue"), ("sort=random", "sort"), ("page=0", "page"), ("size=201", "size"),
            ("q=" + Uri.EscapeDataString(new string('词', 101)), "q"),
        ];
        foreach (var (query, parameter) in cases)
        {
            foreach (var url in new[] { "/api/v1/matters?" + query, "/api/v1/matters/export?format=csv&" + query })
            {
                var response = await principal.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = await response.ReadAsync();
                Assert.Equal("Invalid.ListParameter", problem.GetProperty("key").GetString());
                Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }
        }

        // The list page shows the same refusal, with 400.
        Assert.Equal(HttpStatusCode.BadRequest, (await principal.GetAsync("/matters?sort=random")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await principal.GetAsync("/api/v1/matters/export?format=pdf")).StatusCode);
    }
}
