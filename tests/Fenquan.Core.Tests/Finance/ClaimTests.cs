using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Tests.Matters;
using static Fenquan.Core.Tests.Meetings.MeetingFixture;

namespace Fenquan.Core.Tests.Finance;

// Claims with line items and vouchers: the lines make the amount (R4), an invoice is claimed once (R8).
public class ClaimTests
{
    private static readonly IReadOnlySet<string> NoneUsed = new HashSet<string>();

    private readonly TestOrg _org = TestOrg.Township();

    private Matter Expense(decimal amount) => _org.Submit(MatterKind.Expense, amount, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);

    private static ClaimDetails Details(params VoucherInput[] vouchers) =>
        new([new("住宿费", 2m, 380m, 760m), new("城际交通费", 1m, 240.5m, 240.5m)], vouchers);

    [Fact]
    [Trait("Rule", "R4")]
    public void LinesThatMakeTheAmount_AreItemised_WithTheirVouchers()
    {
        var matter = Expense(1_000.5m);

        var claim = Claim.Itemise(matter, Details(new("3300231130", "04567890"), new(null, "24332000000012345678")), NoneUsed);

        Assert.True(claim.IsOk, claim.ToString());
        Assert.Equal([(1, "住宿费", 760m), (2, "城际交通费", 240.5m)], claim.Value.Lines.Select(l => (l.Number, l.Category, l.Amount)));
        Assert.Equal([(VoucherKind.Invoice, "3300231130-04567890"), (VoucherKind.DigitalInvoice, "24332000000012345678")], claim.Value.Vouchers.Select(v => (v.Kind, v.Key)));
        Assert.All(claim.Value.Vouchers, v => Assert.Equal((matter.Id, matter.UnitId), (v.MatterId, v.UnitId)));
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void LinesThatDoNotAddUpToTheAmount_AreRefused()
    {
        AssertRefused(Claim.Itemise(Expense(1_200m), Details(), NoneUsed), "R4", "add up to 1,000.50; the claim is for 1,200.00");
        AssertRefused(Claim.Itemise(Expense(1_000.5m), new ClaimDetails([new("住宿费", 2m, 380m, 800m)], []), NoneUsed), "R4", "2 × 380.00 is 760.00, not 800.00");
    }

    [Theory]
    [Trait("Rule", "R8")]
    [InlineData("3300231130", "0456789")]     // number too short
    [InlineData("33002311", "04567890")]      // code too short
    [InlineData(null, "2433200000001234567")] // 19 digits
    [InlineData(null, "04567890")]            // a paper invoice's number without its code
    [InlineData("3300231130", "0456789X")]
    public void ANumberThatIsNoInvoices_IsRefused(string? code, string number) =>
        AssertRefused(Claim.Itemise(Expense(1_000.5m), Details(new VoucherInput(code, number)), NoneUsed), "R8", "no invoice's number");

    [Fact]
    [Trait("Rule", "R8")]
    public void AnInvoiceAlreadyOnAnotherClaim_OrTwiceOnThisOne_IsRefused()
    {
        var used = new HashSet<string> { "24332000000012345678" };

        var again = Claim.Itemise(Expense(1_000.5m), Details(new VoucherInput(null, "2433 2000 0000 1234 5678")), used);
        AssertRefused(again, "R8", "already on another claim in the county");
        Assert.Equal("R8.VoucherUsed", again.Refusal!.Key);
        AssertRefused(Claim.Itemise(Expense(1_000.5m), Details(new("3300231130", "04567890"), new(" 3300231130", "04567890 ")), NoneUsed), "R8", "twice");
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void AClaimsAmount_FollowsItsLines_AnEditToAnotherAmountIsRefused()
    {
        var lines = Claim.Itemise(Expense(1_000.5m), Details(), NoneUsed).Value.Lines;

        AssertRefused(Claim.CheckEdit(lines, 1_500m), "R4", "add up to 1,000.50");
        Assert.True(Claim.CheckEdit(lines, 1_000.5m).IsOk);
        Assert.True(Claim.CheckEdit([], 1_500m).IsOk);
    }
}
