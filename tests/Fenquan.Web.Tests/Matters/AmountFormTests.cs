using System.Net;
using Fenquan.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Matters;

/// <summary>Issue 14: the claim form reads amounts as people write them, and the matter shows the amount in capital numerals, or "—" where a matter has none.</summary>
public sealed class AmountFormTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string amount)
    {
        var form = await client.GetStringAsync("/matters/new?area=Finance");
        return await client.PostAsync("/matters/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["area"] = "Finance",
            ["Kind"] = "Expense",
            ["Title"] = "会议室空调维修",
            ["Amount"] = amount,
            ["PayMe"] = "true",
            ["__RequestVerificationToken"] = WebApp.Token(form),
        }));
    }

    [Theory]
    [InlineData("1.2万")]
    [InlineData("¥12,000")]
    [InlineData("12000元")]
    public async Task AnAmountWrittenAsPeopleWriteIt_IsSubmitted_AndShownInCapitalNumerals(string amount)
    {
        var clerk = await _app.SignInAsync("u1.staff1");
        var before = await _app.CountsAsync();

        var posted = await SubmitAsync(clerk, amount);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await clerk.GetStringAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("¥12,000.00", page, StringComparison.Ordinal);
        Assert.Contains("壹万贰仟元整", page, StringComparison.Ordinal);
        Assert.Equal(before.Matters + 1, (await _app.CountsAsync()).Matters);
    }

    [Fact]
    public async Task AnAmountNobodyCanRead_IsRefusedWithAnExample_AndNothingIsSubmitted()
    {
        var clerk = await _app.SignInAsync("u1.staff1");
        var before = await _app.CountsAsync();

        var posted = await SubmitAsync(clerk, "一万二");

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var page = await posted.Content.ReadAsStringAsync();
        Assert.Contains("1.2万", page, StringComparison.Ordinal);
        Assert.Contains("value=\"一万二\"", page, StringComparison.Ordinal); // what was typed is kept
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    public async Task APersonnelMatter_ShowsNoAmount()
    {
        Guid id;
        await using (var db = _app.Db())
        {
            id = (await db.Matters.AsNoTracking().Where(m => m.Area == Area.Personnel).Select(m => m.Id).FirstAsync()).Value;
        }

        // Read as the principal of the matter's unit, whichever of the demo's units it is.
        HttpResponseMessage response = null!;
        for (var unit = 1; unit <= 5; unit++)
        {
            response = await (await _app.SignInAsync($"u{unit}.principal1")).GetAsync($"/matters/{id}");
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                break;
            }
        }

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("data-testid=\"amount\">—<", page);
        Assert.DoesNotContain("data-testid=\"amount-capital\"", page, StringComparison.Ordinal);
    }
}
