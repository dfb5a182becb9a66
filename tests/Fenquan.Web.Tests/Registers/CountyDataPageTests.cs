using System.Net;
using Fenquan.Core.CountyChanges;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Registers;

/// <summary>The county data pages under four eyes (R40): forms with antiforgery, proposals by one county administrator, confirmation by the other.</summary>
public sealed class CountyDataPageTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    [Trait("Rule", "R40")]
    [Trait("Rule", "R5")]
    public async Task BoundsProposedOnThePage_TakeEffectOnlyWhenTheOtherAdministratorConfirms()
    {
        var admin = await _app.SignInAsync("admin");
        var admin2 = await _app.SignInAsync("admin2");

        var proposed = await WebApp.PostFormAsync(admin, "/registers/changes", "Bounds", new()
        {
            ["Bounds.SmallExpenseMin"] = "2000", ["Bounds.SmallExpenseMax"] = "5000", ["Bounds.PurchaseMin"] = "1000", ["Bounds.PurchaseMax"] = "5000",
            ["Bounds.CollectiveLimit"] = "6000", ["Summary"] = "集体研究限额调整为6000元",
        });
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);

        CountyChange change;
        await using (var db = _app.Db())
        {
            change = await db.Set<CountyChange>().SingleAsync(c => c.Subject == CountyChangeSubject.Bounds);
            Assert.Equal(CountyChangeState.Pending, change.State);
            Assert.Equal(5_000m, (await db.Counties.SingleAsync()).Bounds.CollectiveLimit);
        }

        // The proposer is offered no confirm button, and a forged confirmation is refused naming R40.
        Assert.DoesNotContain($"confirm-{change.Number}", await admin.GetStringAsync("/registers/changes"), StringComparison.Ordinal);
        var alone = await WebApp.PostFormAsync(admin, "/registers/changes", "Confirm&id=" + change.Id, []);
        Assert.Equal(HttpStatusCode.Conflict, alone.StatusCode);
        Assert.Contains("R40", await alone.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Contains($"confirm-{change.Number}", await admin2.GetStringAsync("/registers/changes"), StringComparison.Ordinal);
        var confirmed = await WebApp.PostFormAsync(admin2, "/registers/changes", "Confirm&id=" + change.Id, []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await using var after = _app.Db();
        Assert.Equal(6_000m, (await after.Counties.SingleAsync()).Bounds.CollectiveLimit);
    }

    [Fact]
    [Trait("Rule", "R29")]
    public async Task CountyAdministrator_NamesANewDisciplineLiaison_AndTheFormerOneIsTold()
    {
        var admin = await _app.SignInAsync("admin");
        Guid successor;
        await using (var db = _app.Db())
        {
            successor = (await db.People.OrderBy(p => p.Name).FirstAsync(p => p.Name != "钱正清")).Id.Value;
        }

        var named = await WebApp.PostFormAsync(admin, "/admin/county", "DisciplineInspection", new() { ["person"] = successor.ToString("D") });

        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        await using var after = _app.Db();
        Assert.Equal(successor, (await after.Counties.SingleAsync()).DisciplineInspectionId?.Value);
        var former = await _app.SignInAsync("county.discipline");
        var notices = await (await former.GetAsync("/api/v1/notifications")).ReadAsync();
        Assert.Contains(notices.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "DisciplineInspectionReplaced");
    }

    [Fact]
    [Trait("Rule", "R40")]
    public async Task StaffCannotPostAProposal()
    {
        var admin = await _app.SignInAsync("admin");
        var staff = await _app.SignInAsync("u1.staff1");
        var html = await admin.GetStringAsync("/registers/catalogue");
        Assert.Contains("data-testid=\"propose\"", html, StringComparison.Ordinal);

        var page = await staff.GetStringAsync("/registers/catalogue");
        var refused = await staff.PostAsync("/registers/catalogue?handler=Propose", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Lines"] = "A1|甲|货物|0|1", ["Summary"] = "试图修改", ["__RequestVerificationToken"] = WebApp.Token(page),
        }));

        // A page's Forbid() sends the browser to the access-denied page.
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using var db = _app.Db();
        Assert.Equal(2, await db.Set<CountyChange>().CountAsync()); // the demo's catalogue and register only
    }
}
