using System.Net;
using System.Text.RegularExpressions;

namespace Fenquan.Web.Tests.Finance;

/// <summary>
/// The reception page /finance/receptions (R31): the office requests a reception with the sending
/// office's letter, the guests, the accompanying staff and the days, through the form and its
/// antiforgery token; more staff than the county's rule allows is refused naming R31 and nothing is
/// stored; the request is listed with its reception list (接待清单); staff may not request and do not
/// see it, nor does another unit.
/// </summary>
[Trait("Rule", "R31")]
public sealed class ReceptionPageTests : IAsyncLifetime
{
    private const string Page = "/finance/receptions";

    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<HttpResponseMessage> RequestAsync(HttpClient client, string office, IEnumerable<string> guests, IEnumerable<string> staff, bool withToken = true)
    {
        var html = await client.GetStringAsync(Page);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        List<KeyValuePair<string, string>> fields =
        [
            new("Form.Letter", "市财函〔2026〕12号"), new("Form.SendingOffice", office), new("Form.Level", "County"),
            new("Form.Guests", string.Join("\n", guests)), new("Form.From", day), new("Form.Until", day),
            .. staff.Select(p => new KeyValuePair<string, string>("Form.Staff", p)),
        ];
        if (withToken)
        {
            fields.Add(new("__RequestVerificationToken", WebApp.Token(html)));
        }

        return await client.PostAsync(Page + "?handler=Request", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task TheOfficeRequestsOnThePage_WithinTheStaffRule_AndTheReceptionListIsShown_ToTheUnitOnly()
    {
        var office = await _app.SignInAsync("u1.office");
        var html = await office.GetStringAsync(Page);
        Assert.Contains("data-testid=\"reception-form\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-receptions\"", html, StringComparison.Ordinal);
        var people = Regex.Matches(html, "name=\"Form.Staff\" value=\"([0-9a-f-]{36})\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(people.Count >= 4, html);
        string[] guests = ["来宾一", "来宾二", "来宾三", "来宾四"];

        var noToken = await RequestAsync(office, "市审计局", guests, people.Take(1), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        var tooMany = await RequestAsync(office, "市审计局", guests, people.Take(4));
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        var refusal = await tooMany.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("R31", refusal, StringComparison.Ordinal);
        Assert.Contains("陪同最多 3 人", refusal, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"no-receptions\"", refusal, StringComparison.Ordinal);

        var requested = await RequestAsync(office, "市财政局", guests, people.Take(2));
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var listed = await office.GetStringAsync(Page);
        Assert.Contains("市财政局", listed, StringComparison.Ordinal);
        Assert.Contains("市财函〔2026〕12号", listed, StringComparison.Ordinal);
        Assert.Contains("接待清单", listed, StringComparison.Ordinal);
        Assert.All(guests, g => Assert.Contains("<td data-user>" + g + "</td>", listed, StringComparison.Ordinal));
        Assert.Equal(2, Regex.Matches(listed, "<td data-user>来宾[一二]</td><td data-user>[^<]+</td>").Count); // two staff beside the first two guests

        Assert.DoesNotContain("市审计局", listed, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync());

        var staff = await _app.SignInAsync("u1.staff1");
        var staffPage = await staff.GetStringAsync(Page);
        Assert.DoesNotContain("data-testid=\"reception-form\"", staffPage, StringComparison.Ordinal);
        Assert.DoesNotContain("市财政局", staffPage, StringComparison.Ordinal);
        var byStaff = await RequestAsync(staff, "市审计局", guests, []);
        Assert.Contains("R31", await byStaff.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain("市财政局", await (await _app.SignInAsync("u2.finance")).GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Contains("市财政局", await (await _app.SignInAsync("u1.principal1")).GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var db = _app.Db();
        return db.Set<Core.Finance.Reception.ReceptionRequest>().Count();
    }
}
