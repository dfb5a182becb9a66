using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Admin;

/// <summary>
/// R3 on /admin/unit: the portfolio choice offers only the unit's deputies, as the core decides them
/// (no principal, no office reviewer, no staff); a forged post naming a principal is refused by the
/// server with the rule, and nothing is assigned.
/// </summary>
[Trait("Rule", "R3")]
public sealed class PortfolioChoiceTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<Guid> PersonAsync(string user) =>
        (await (await (await _app.SignInAsync(user)).GetAsync("/api/v1/me")).ReadAsync()).GetProperty("personId").GetGuid();

    [Fact]
    public async Task ThePersonChoice_ListsTheDeputiesOnly()
    {
        var office = await _app.SignInAsync("u1.office");
        var page = await office.GetStringAsync("/admin/unit");
        var select = Regex.Match(page, "<select id=\"Person\" name=\"Person\" data-testid=\"portfolio-person\">([\\s\\S]*?)</select>").Groups[1].Value;
        var offered = Regex.Matches(select, "<option value=\"([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToHashSet();
        foreach (var deputy in new[] { "u1.finance", "u1.personnel", "u1.procurement", "u1.construction" })
        {
            Assert.Contains(await PersonAsync(deputy), offered);
        }

        foreach (var other in new[] { "u1.principal1", "u1.principal2", "u1.office", "u1.section1", "u1.staff1", "u1.financestaff" })
        {
            Assert.DoesNotContain(await PersonAsync(other), offered);
        }
    }

    [Fact]
    public async Task AForgedPostNamingAPrincipal_IsRefusedWithR3_AndAssignsNothing()
    {
        var office = await _app.SignInAsync("u1.office");
        var principal = await PersonAsync("u1.principal1");
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var response = await WebApp.PostFormAsync(office, "/admin/unit", "Assign", new Dictionary<string, string>
        {
            ["Area"] = "Finance",
            ["Person"] = principal.ToString(),
            ["From"] = today,
        });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = Regex.Match(await response.Content.ReadAsStringAsync(), "data-testid=\"error\">([\\s\\S]*?)</div>").Groups[1].Value;
        Assert.Contains("R3", error, StringComparison.Ordinal);
        Assert.Contains("正职", error, StringComparison.Ordinal);
        await using var db = _app.Db();
        Assert.Equal(0, await db.PortfolioAssignments.CountAsync(a => a.DeputyId == new Core.Primitives.PersonId(principal)));
    }
}
