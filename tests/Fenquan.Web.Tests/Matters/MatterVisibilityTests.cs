using System.Net;
using System.Net.Http.Json;

namespace Fenquan.Web.Tests.Matters;

/// <summary>
/// R1: a matter that does not exist, and a matter the viewer may not see (another unit's, or one of
/// their own unit they have no part in), are the same 404 on every matter and ledger page and
/// endpoint; no answer names the matter's title. The core decides (MatterAccess, LedgerAccess).
/// </summary>
public sealed class MatterVisibilityTests : IAsyncLifetime
{
    private const string Title = "乡镇秘密调研差旅费";

    private WebApp _app = null!;
    private HttpClient _clerk = null!;
    private Guid _matter;

    public async ValueTask InitializeAsync()
    {
        _app = await WebApp.StartAsync();
        _clerk = await _app.SignInAsync("u1.staff1");
        var submitted = await _clerk.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = Title, amount = 3000m, payMe = true });
        _matter = (await submitted.ReadAsync()).GetProperty("id").GetGuid();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task AssertNotFoundAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: {(int)response.StatusCode} {body}");
        Assert.DoesNotContain(Title, body, StringComparison.Ordinal);
    }

    private static async Task AssertEveryMatterAddressIsNotFoundAsync(HttpClient client, Guid id, string who)
    {
        await AssertNotFoundAsync(await client.GetAsync($"/api/v1/matters/{id}"), $"{who} GET matter");
        await AssertNotFoundAsync(await client.GetAsync($"/api/v1/ledger/matters/{id}"), $"{who} GET ledger");
        await AssertNotFoundAsync(await client.GetAsync($"/api/v1/matters/{id}/attachments"), $"{who} GET attachments");
        await AssertNotFoundAsync(await client.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" }), $"{who} POST action");
        await AssertNotFoundAsync(await client.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Reject", comment = "不同意" }), $"{who} POST reject");
        await AssertNotFoundAsync(await client.PatchAsJsonAsync($"/api/v1/matters/{id}", new { amount = 9000m }), $"{who} PATCH");
        await AssertNotFoundAsync(await client.PostAsync($"/api/v1/matters/{id}/withdraw", null), $"{who} withdraw");
        await AssertNotFoundAsync(await client.PostAsync($"/api/v1/matters/{id}/resubmit", null), $"{who} resubmit");
        await AssertNotFoundAsync(await client.GetAsync($"/matters/{id}"), $"{who} matter page");
        await AssertNotFoundAsync(await client.GetAsync($"/matters/{id}/ledger"), $"{who} ledger page");
        await AssertNotFoundAsync(await client.GetAsync($"/matters/{id}/edit"), $"{who} edit page");
    }

    [Theory]
    [Trait("Rule", "R1")]
    [InlineData("u2.principal1")]   // another unit's principal
    [InlineData("u2.staff1")]       // another unit's staff
    [InlineData("u1.staff2")]       // the same unit, no part in the matter
    [InlineData("u1.section1")]     // the same unit, a section head with no part in it
    public async Task AMatterTheViewerMayNotSee_IsNotFoundEverywhere_AndChangesNothing(string user)
    {
        var client = await _app.SignInAsync(user);
        var before = await _app.CountsAsync();

        await AssertEveryMatterAddressIsNotFoundAsync(client, _matter, user);

        Assert.Equal(before, await _app.CountsAsync());
    }

    [Fact]
    [Trait("Rule", "R1")]
    public async Task AnUnknownMatter_IsNotFoundEverywhere() =>
        await AssertEveryMatterAddressIsNotFoundAsync(await _app.SignInAsync("u1.principal1"), Guid.CreateVersion7(), "u1.principal1");

    [Theory]
    [Trait("Rule", "R44")]
    [InlineData("u1.staff1")]        // the initiator
    [InlineData("u1.discipline")]    // the discipline member sees the whole unit
    [InlineData("u1.principal2")]
    public async Task WhoeverMaySeeTheMatter_ReadsItsLedgerEntries(string user)
    {
        var client = await _app.SignInAsync(user);

        var matter = await client.GetAsync($"/api/v1/matters/{_matter}");
        Assert.Equal(HttpStatusCode.OK, matter.StatusCode);
        var ledger = await client.GetAsync($"/api/v1/ledger/matters/{_matter}");
        Assert.True(ledger.StatusCode == HttpStatusCode.OK, await ledger.Content.ReadAsStringAsync());
        var entries = (await ledger.ReadAsync()).GetProperty("entries");
        Assert.All(entries.EnumerateArray(), e => Assert.Equal(_matter, e.GetProperty("subjectId").GetGuid()));
    }
}
