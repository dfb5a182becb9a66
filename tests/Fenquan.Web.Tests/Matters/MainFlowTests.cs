using System.Net;
using System.Net.Http.Json;
using Fenquan.Core.Access;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Matters;

/// <summary>The main flow on both databases: a clerk's 3,000-yuan expense is reviewed and approved; the principal cannot approve it.</summary>
public sealed class MainFlowTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Expense_ClerkSubmits_OfficeReviews_FinanceDeputyApproves_PrincipalIsRefusedR4(string provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var clerk = await app.SignInAsync("u1.staff1");
        var submitted = await clerk.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "下乡调研交通费", amount = 3000m, payMe = true });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var id = (await submitted.ReadAsync()).GetProperty("id").GetGuid();

        var office = await app.SignInAsync("u1.office");
        var tasks = await (await office.GetAsync("/api/v1/tasks")).ReadAsync();
        Assert.Contains(tasks.EnumerateArray(), t => t.GetProperty("matter").GetProperty("id").GetGuid() == id);
        var reviewed = await office.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review", comment = "票据齐全" });
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);

        // R4: the principal does not directly take charge of finance; a direct POST is refused naming the rule.
        var principal = await app.SignInAsync("u1.principal1");
        var view = await (await principal.GetAsync($"/api/v1/matters/{id}")).ReadAsync();
        Assert.Empty(view.GetProperty("availableActions").EnumerateArray());
        var before = await app.CountsAsync();
        var refused = await principal.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve", comment = "同意" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.ReadAsync();
        Assert.Equal("R4", problem.GetProperty("rule").GetString());
        Assert.Contains("principal", problem.GetProperty("reason").GetString());
        Assert.Equal(before, await app.CountsAsync());

        var deputy = await app.SignInAsync("u1.finance");
        var approved = await deputy.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve", comment = "同意" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var final = await (await clerk.GetAsync($"/api/v1/matters/{id}")).ReadAsync();
        Assert.Equal("Approved", final.GetProperty("state").GetString());

        // R44: the matter's ledger rows, each with an inclusion proof that verifies against the signed head.
        var ledger = await (await clerk.GetAsync($"/api/v1/ledger/matters/{id}")).ReadAsync();
        var entries = ledger.GetProperty("entries").EnumerateArray().ToList();
        Assert.True(entries.Count >= 3);
        Assert.All(entries, e => Assert.True(e.GetProperty("proofVerified").GetBoolean()));

        // Sign-ins are ledgered, and the whole ledger still verifies.
        await using var db = app.Db();
        Assert.True(await db.Set<SignInRecord>().CountAsync(s => s.Outcome == SignInOutcome.Succeeded) >= 4);
        var key = SigningKeyStore.LoadPublicKeys(KeyDirectory.Resolve(DataDirectory.Resolve(app.DataFolder)))[^1];
        var audit = await LedgerAudit.RunAsync(db, key);
        Assert.True(audit.IsIntact, string.Join("; ", audit.Counties.SelectMany(c => c.Rows).Select(r => r.Message)) + " " + string.Join("; ", audit.Counties.SelectMany(c => c.Ledger.Problems).Select(p => p.ToString())));
    }

    [Fact]
    public async Task MatterPage_ShowsOnlyTheViewersActions_AndADirectFormPostByThePrincipalIsRefusedNamingR4()
    {
        await using var app = await WebApp.StartAsync();
        var clerk = await app.SignInAsync("u1.staff1");
        var id = (await (await clerk.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "办公用品费报销", amount = 3000m, payMe = true })).ReadAsync()).GetProperty("id").GetGuid();
        var office = await app.SignInAsync("u1.office");
        var officePage = await office.GetStringAsync($"/matters/{id}");
        Assert.Contains("data-testid=\"action-Review\"", officePage);
        Assert.DoesNotContain("data-testid=\"action-Approve\"", officePage);
        Assert.Equal(HttpStatusCode.OK, (await office.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).StatusCode);

        var principal = await app.SignInAsync("u1.principal1");
        var page = await principal.GetStringAsync($"/matters/{id}");
        Assert.DoesNotContain("data-testid=\"action-", page);
        var post = await principal.PostAsync($"/matters/{id}?handler=Act", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "Approve",
            ["Comment"] = "同意",
            ["__RequestVerificationToken"] = WebApp.Token(page),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var refusal = System.Net.WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        // The page states the rule in the viewer's language (zh-CN by default), linked to its explanation, then the particulars in Chinese.
        Assert.Contains("<a class=\"rule-link\" href=\"/rules/R4\">规则 R4（小额开支）</a>：", refusal);
        Assert.Contains("正职不直接分管财务（五不直接分管）", refusal);

        var english = await principal.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = $"/matters/{id}",
            ["__RequestVerificationToken"] = WebApp.Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        page = await principal.GetStringAsync($"/matters/{id}");
        var again = await principal.PostAsync($"/matters/{id}?handler=Act", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "Approve",
            ["__RequestVerificationToken"] = WebApp.Token(page),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        var englishRefusal = System.Net.WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        Assert.Contains("<a class=\"rule-link\" href=\"/rules/R4\">Rule R4 (Small expenses)</a>: ", englishRefusal);
        Assert.Contains("principals do not directly take charge of Finance", englishRefusal);

        // Without the antiforgery token the form post is refused before any rule runs.
        var forged = await principal.PostAsync($"/matters/{id}?handler=Act", new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "Approve" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
