using System.Net;
using System.Net.Http.Json;

namespace Fenquan.Web.Tests.Matters;

/// <summary>R42: a matter edited after approval (amount up, payee changed) goes back through approval; only the initiator edits.</summary>
public sealed class EditTests : IAsyncLifetime
{
    private WebApp _app = null!;
    private HttpClient _clerk = null!;
    private HttpClient _office = null!;
    private HttpClient _finance = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await WebApp.StartAsync();
        _clerk = await _app.SignInAsync("u1.staff1");
        _office = await _app.SignInAsync("u1.office");
        _finance = await _app.SignInAsync("u1.finance");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<Guid> ApprovedExpenseAsync(string title)
    {
        var id = (await (await _clerk.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title, amount = 3000m, payMe = true })).ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await _office.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _finance.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" })).StatusCode);
        return id;
    }

    [Fact]
    public async Task ApprovedExpense_EditedUpwards_IsPendingAgainInRound2()
    {
        var id = await ApprovedExpenseAsync("差旅费（待追加）");
        var edited = await _clerk.PatchAsJsonAsync($"/api/v1/matters/{id}", new { amount = 3600m });
        Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var matter = await edited.ReadAsync();
        Assert.Equal("Pending", matter.GetProperty("state").GetString());
        Assert.Equal(2, matter.GetProperty("round").GetInt32());
        Assert.Equal(3600m, matter.GetProperty("amount").GetDecimal());

        // The office has it in its tasks again, and the approval starts over.
        var tasks = await (await _office.GetAsync("/api/v1/tasks")).ReadAsync();
        Assert.Contains(tasks.EnumerateArray(), t => t.GetProperty("matter").GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task ApprovedExpense_TitleOnlyEdit_StaysApproved()
    {
        var id = await ApprovedExpenseAsync("差旅费（错字）");
        var edited = await (await _clerk.PatchAsJsonAsync($"/api/v1/matters/{id}", new { title = "差旅费（更正）" })).ReadAsync();
        Assert.Equal("Approved", edited.GetProperty("state").GetString());
        Assert.Equal(1, edited.GetProperty("round").GetInt32());
    }

    [Fact]
    public async Task EditByOthersOrBadInput_IsRefused_AndChangesNothing()
    {
        var id = await ApprovedExpenseAsync("他人不可修改");
        var otherUnit = await _app.SignInAsync("u2.staff1");
        var before = await _app.CountsAsync();
        var byOffice = await _office.PatchAsJsonAsync($"/api/v1/matters/{id}", new { amount = 9000m });
        Assert.False(byOffice.IsSuccessStatusCode);
        Assert.Equal("application/problem+json", byOffice.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.PatchAsJsonAsync($"/api/v1/matters/{id}", new { amount = 9000m })).StatusCode);
        foreach (var body in new object[] { new { amount = -1m }, new { amount = 12.345m }, new { title = "" }, new { } })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await _clerk.PatchAsJsonAsync($"/api/v1/matters/{id}", body)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _office.GetAsync($"/matters/{id}/edit")).StatusCode);
        Assert.Equal(before, await _app.CountsAsync());
    }

    [Theory]
    [InlineData("4000.00")]
    [InlineData("¥4,000")]
    [InlineData("0.4万")] // issue 14: amounts as people write them, on the edit form too
    public async Task EditPage_RaisesTheAmount_AndShowsTheMatterBackInApproval(string typed)
    {
        var id = await ApprovedExpenseAsync("页面修改");
        Assert.Contains("data-testid=\"edit-link\"", await _clerk.GetStringAsync($"/matters/{id}"));
        var page = await _clerk.GetStringAsync($"/matters/{id}/edit");
        var post = await _clerk.PostAsync($"/matters/{id}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Title"] = "页面修改",
            ["Amount"] = typed,
            ["PayeeName"] = string.Empty,
            ["__RequestVerificationToken"] = WebApp.Token(page),
        }));
        Assert.True(post.StatusCode == HttpStatusCode.Redirect, await post.Content.ReadAsStringAsync());
        var shown = await _clerk.GetStringAsync(post.Headers.Location!.ToString());
        Assert.Contains("第 2 轮", shown);
        Assert.Contains("¥4,000.00", shown);
    }
}
