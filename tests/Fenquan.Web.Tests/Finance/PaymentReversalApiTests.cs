using System.Net;
using System.Net.Http.Json;

namespace Fenquan.Web.Tests.Finance;

/// <summary>
/// Reversing a payment through the JSON API (R7, R42), on SQLite and PostgreSQL: the finance staff
/// request it with a reason, a second person confirms it (never the requester), another unit's
/// person gets 404, and the reversed amount may be paid again within what was approved. The
/// reversal appears in the matter's history.
/// </summary>
public sealed class PaymentReversalApiTests
{
    [Theory]
    [Trait("Rule", "R7")]
    [Trait("Rule", "R42")]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task APayment_IsReversedUnderFourEyes_AndItsAmountMayBePaidAgain(string provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var staff = await app.SignInAsync("u1.staff1");
        var submitted = await staff.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "购置打印纸", amount = 800m, payMe = true });
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var id = (await submitted.ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync("u1.office")).PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Review" })).StatusCode);
        var deputy = await app.SignInAsync("u1.finance");
        Assert.Equal(HttpStatusCode.OK, (await deputy.PostAsJsonAsync($"/api/v1/matters/{id}/actions", new { action = "Approve" })).StatusCode);

        var finance = await app.SignInAsync("u1.financestaff");
        var payments = $"/api/v1/matters/{id}/payments";
        var paid = await finance.PostAsJsonAsync(payments, new { amount = 800m, method = "BankTransfer", reference = "YH-0001" });
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        var payment = (await paid.ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal("R42.PaymentsAboveApproved", (await (await finance.PostAsJsonAsync(payments, new { amount = 800m, method = "BankTransfer", reference = "YH-0002" })).ReadAsync()).GetProperty("key").GetString());

        // Who may request: another unit's person does not see the payment; the claimant may not; a reason is required.
        var reversal = $"/api/v1/payments/{payment}/reversal";
        var stranger = await app.SignInAsync("u2.financestaff");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync(reversal, new { reason = "退票" })).StatusCode);
        var byClaimant = await staff.PostAsJsonAsync(reversal, new { reason = "退票" });
        Assert.Equal(HttpStatusCode.Forbidden, byClaimant.StatusCode);
        Assert.Equal("R6.PaymentByInterested", (await byClaimant.ReadAsync()).GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await finance.PostAsJsonAsync(reversal, new { reason = " " })).StatusCode);
        var requested = await finance.PostAsJsonAsync(reversal, new { reason = "银行退票：账户名称不符" });
        Assert.Equal(HttpStatusCode.Created, requested.StatusCode);
        var reversalId = (await requested.ReadAsync()).GetProperty("id").GetGuid();
        var twice = await finance.PostAsJsonAsync(reversal, new { reason = "再次申请" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("R7.PaymentReversedOnce", (await twice.ReadAsync()).GetProperty("key").GetString());

        // Nothing moves before a second person confirms; the requester cannot confirm (four eyes), nor another unit.
        Assert.Equal(0m, (await (await finance.GetAsync(payments)).ReadAsync()).GetProperty("left").GetDecimal());
        var confirm = $"/api/v1/payment-reversals/{reversalId}/confirm";
        var ownConfirm = await finance.PostAsync(confirm, null);
        Assert.Equal(HttpStatusCode.Forbidden, ownConfirm.StatusCode);
        var problem = await ownConfirm.ReadAsync();
        Assert.Equal(("R7", "R7.ReversalFourEyes"), (problem.GetProperty("rule").GetString(), problem.GetProperty("key").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync(confirm, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync("u2.finance")).PostAsync(confirm, null)).StatusCode);

        // The finance deputy in charge confirms: the counter-entry is the negative amount naming the payment.
        var confirmed = await deputy.PostAsync(confirm, null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var counter = await confirmed.ReadAsync();
        Assert.Equal((-800m, payment), (counter.GetProperty("amount").GetDecimal(), counter.GetProperty("reverses").GetGuid()));
        Assert.Equal(HttpStatusCode.Conflict, (await deputy.PostAsync(confirm, null)).StatusCode);

        // The reversed amount is free again: a new payment up to the approved amount is allowed, not beyond.
        var state = await (await finance.GetAsync(payments)).ReadAsync();
        Assert.Equal((0m, 800m), (state.GetProperty("paid").GetDecimal(), state.GetProperty("left").GetDecimal()));
        Assert.Equal(reversalId, state.GetProperty("reversals")[0].GetProperty("id").GetGuid());
        Assert.Equal("R42", (await (await finance.PostAsJsonAsync(payments, new { amount = 800.01m, method = "BankTransfer", reference = "YH-0003" })).ReadAsync()).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.Created, (await finance.PostAsJsonAsync(payments, new { amount = 800m, method = "BankTransfer", reference = "YH-0004" })).StatusCode);

        // The claimant sees the request and the reversal in the matter's history, with its reason.
        var history = (await (await staff.GetAsync($"/api/v1/matters/{id}/history")).ReadAsync()).EnumerateArray().ToList();
        Assert.Equal(["Payment", "ReversalRequested", "PaymentReversed", "Payment"], history.Select(e => e.GetProperty("kind").GetString()).Where(k => k != "Action"));
        Assert.Equal("银行退票：账户名称不符", history.Single(e => e.GetProperty("kind").GetString() == "PaymentReversed").GetProperty("text").GetString());
    }
}
