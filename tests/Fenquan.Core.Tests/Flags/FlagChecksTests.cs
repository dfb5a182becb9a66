using Fenquan.Core.Flags;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;

namespace Fenquan.Core.Tests.Flags;

// R47: split purchases and amounts just under limits are flagged as they are submitted. The edges:
// day 30 of the window flags and day 31 does not; 89.99 % of a limit does not hug it, 90 % and the
// limit itself do.
public class FlagChecksTests
{
    private static readonly UnitId Unit = UnitId.New();
    private static readonly CountyId County = CountyId.New();
    private static readonly CounterpartyId Stationer = CounterpartyId.New();
    private static readonly CounterpartyId Printer = CounterpartyId.New();
    private static readonly int Day = new DateOnly(2026, 6, 30).DayNumber;
    private static readonly FlagSettings Settings = FlagSettings.Default;

    private static PurchaseRecord Purchase(decimal amount, int daysBefore = 0, CounterpartyId? supplier = null, string? category = null, decimal? limit = 2_000m, UnitId? unit = null) =>
        new(Guid.CreateVersion7(), County, unit ?? Unit, DateOnly.FromDayNumber(Day - daysBefore), supplier, category, PurchaseRecord.Fen(amount), limit is { } l ? PurchaseRecord.Fen(l) : null);

    [Fact]
    [Trait("Rule", "R47")]
    [Trait("Rule", "R16")]
    public void TheLimitsOfAPurchasePlan_AreThePurchaseAndCollectiveLimitsOfItsPolicy()
    {
        var policy = DefaultPolicy.Example().Value;
        var limits = FlagLimits.Of(policy, new MatterFacts(Area.Procurement, MatterKind.PurchasePlan, 1_800m, InitiatorKind.Section, MatterFlags.None), null);

        Assert.Equal([2_000m, 5_000m], limits);
        Assert.Equal(2_000m, FlagLimits.Nearest(limits, 2_000m));
        Assert.Equal(5_000m, FlagLimits.Nearest(limits, 2_000.01m));
        Assert.Null(FlagLimits.Nearest(limits, 5_000.01m));
    }

    [Fact]
    [Trait("Rule", "R47")]
    [Trait("Rule", "R18")]
    public void ACatalogueItem_IsLimitedByItsProcurementCentreAndTenderThresholds()
    {
        var policy = DefaultPolicy.Example().Value;
        var entry = new CatalogueEntry("A0201", "台式计算机", "货物", 50_000m, 2_000_000m);
        var limits = FlagLimits.Of(policy, new MatterFacts(Area.Procurement, MatterKind.PurchasePlan, 48_000m, InitiatorKind.Section, MatterFlags.CatalogueItem), entry);

        Assert.Equal([50_000m, 2_000_000m], limits);
        Assert.NotNull(FlagChecks.ThresholdHugging(48_000m, limits, Settings));
    }

    [Theory]
    [Trait("Rule", "R47")]
    [Trait("Rule", "R16")]
    [InlineData(1_799.80, false)] // 89.99 %
    [InlineData(1_799.99, false)]
    [InlineData(1_800.00, true)]  // 90 %
    [InlineData(1_999.99, true)]
    [InlineData(2_000.00, true)]  // the limit itself ("up to P" includes P)
    [InlineData(2_000.01, false)] // above P: the next limit is C 5,000, and 2,000.01 is far below 90 % of it
    [InlineData(4_500.00, true)]  // 90 % of C
    public void ThresholdHugging_FlagsNinetyPercentUpToTheLimitItself(double amount, bool flagged)
    {
        var finding = FlagChecks.ThresholdHugging((decimal)amount, [2_000m, 5_000m], Settings);

        Assert.Equal(flagged, finding is not null);
        if (finding is not null)
        {
            Assert.Equal(RedFlagKind.ThresholdHugging, finding.Kind);
            Assert.Equal((decimal)amount > 2_000m ? 5_000m : 2_000m, finding.Limit);
        }
    }

    [Theory]
    [Trait("Rule", "R47")]
    [Trait("Rule", "R16")]
    [InlineData(0, true)]
    [InlineData(29, true)]
    [InlineData(30, true)]   // day 30 is in the window
    [InlineData(31, false)]  // day 31 is not
    public void SplitBySupplier_CountsPurchasesUpToThirtyDaysBefore(int daysBefore, bool flagged)
    {
        var earlier = Purchase(1_800m, daysBefore, Stationer);
        var current = Purchase(1_800m, 0, Stationer);

        var finding = FlagChecks.SplitPurchase(current, [earlier], SplitBasis.Supplier, Settings);

        Assert.Equal(flagged, finding is not null);
        if (finding is not null)
        {
            Assert.Equal((RedFlagKind.SplitPurchase, SplitBasis.Supplier, 2_000m, 3_600m), (finding.Kind, finding.Basis!.Value, finding.Limit!.Value, finding.Total!.Value));
            Assert.Equal([earlier.MatterId], finding.Related);
        }
    }

    [Fact]
    [Trait("Rule", "R47")]
    public void FourPurchasesOfEighteenHundred_FromOneSupplierInTenDays_NameTheOthers()
    {
        var first = Purchase(1_800m, 9, Stationer);
        var second = Purchase(1_800m, 6, Stationer);
        var third = Purchase(1_800m, 3, Stationer);
        var fourth = Purchase(1_800m, 0, Stationer);

        var finding = FlagChecks.SplitPurchase(fourth, [third, first, second], SplitBasis.Supplier, Settings);

        Assert.NotNull(finding);
        Assert.Equal(7_200m, finding.Total);
        Assert.Equal([first.MatterId, second.MatterId, third.MatterId], finding.Related);
    }

    [Fact]
    [Trait("Rule", "R47")]
    public void NoSplit_WhenTogetherAtTheLimit_OrAnotherSupplier_OrAnotherUnit_OrAnEarlierPurchaseWasAboveTheLimit()
    {
        var current = Purchase(1_000m, 0, Stationer);

        Assert.Null(FlagChecks.SplitPurchase(current, [Purchase(1_000m, 1, Stationer)], SplitBasis.Supplier, Settings)); // 2,000 is not over 2,000
        Assert.NotNull(FlagChecks.SplitPurchase(current, [Purchase(1_000.01m, 1, Stationer)], SplitBasis.Supplier, Settings));
        Assert.Null(FlagChecks.SplitPurchase(current, [Purchase(1_500m, 1, Printer)], SplitBasis.Supplier, Settings));
        Assert.Null(FlagChecks.SplitPurchase(current, [Purchase(1_500m, 1, Stationer, unit: UnitId.New())], SplitBasis.Supplier, Settings));
        Assert.Null(FlagChecks.SplitPurchase(current, [Purchase(2_500m, 1, Stationer)], SplitBasis.Supplier, Settings)); // above the limit: routed above it
        Assert.Null(FlagChecks.SplitPurchase(Purchase(1_000m, 0, Stationer, limit: null), [Purchase(1_500m, 1, Stationer)], SplitBasis.Supplier, Settings));
    }

    [Theory]
    [Trait("Rule", "R47")]
    [Trait("Rule", "R18")]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void SplitByCategory_AcrossSuppliers(int daysBefore, bool flagged)
    {
        var earlier = Purchase(30_000m, daysBefore, Stationer, "货物", 50_000m);
        var current = Purchase(30_000m, 0, Printer, "货物", 50_000m);

        Assert.Null(FlagChecks.SplitPurchase(current, [earlier], SplitBasis.Supplier, Settings));
        var finding = FlagChecks.SplitPurchase(current, [earlier], SplitBasis.Category, Settings);
        Assert.Equal(flagged, finding is not null);
        Assert.Null(FlagChecks.SplitPurchase(current, [Purchase(30_000m, 1, Stationer, "服务", 50_000m)], SplitBasis.Category, Settings));
    }

    [Fact]
    [Trait("Rule", "R47")]
    public void TheWindow_IsConfigurable()
    {
        var settings = Settings with { WindowDays = 7 };
        var current = Purchase(1_800m, 0, Stationer);

        Assert.NotNull(FlagChecks.SplitPurchase(current, [Purchase(1_800m, 7, Stationer)], SplitBasis.Supplier, settings));
        Assert.Null(FlagChecks.SplitPurchase(current, [Purchase(1_800m, 8, Stationer)], SplitBasis.Supplier, settings));
    }

    [Theory]
    [Trait("Rule", "R47")]
    [InlineData(5, 9, true)]    // 5 of 9: more than half
    [InlineData(5, 10, false)]  // exactly half is not more than half
    [InlineData(4, 4, false)]   // all of them, but fewer than the minimum of 5
    public void RepeatedSupplier_MoreThanTheShare_AndAtLeastTheMinimum(int won, int all, bool flagged) =>
        Assert.Equal(flagged, FlagChecks.RepeatedSupplier(won, all, Settings) is not null);

    [Fact]
    [Trait("Rule", "R47")]
    public void CountingTheUnitsPurchases_StopsWhereTheShareCanNoLongerBeExceeded()
    {
        var atMost = FlagChecks.UnitPurchasesWorthCounting(5, Settings);

        Assert.Equal(11, atMost);
        Assert.NotNull(FlagChecks.RepeatedSupplier(5, atMost - 2, Settings));
        Assert.Null(FlagChecks.RepeatedSupplier(5, atMost - 1, Settings));
    }

    [Fact]
    [Trait("Rule", "R47")]
    public void TheScanWindow_FindsWhatTheInlineCheckFinds_OnRandomHistory()
    {
        var random = new Random(47);
        var suppliers = Enumerable.Range(0, 4).Select(_ => (CounterpartyId?)CounterpartyId.New()).ToArray();
        var rows = Enumerable.Range(0, 600)
            .Select(_ => Purchase(random.Next(1, 60) * 100m, random.Next(0, 400), suppliers[random.Next(suppliers.Length)], limit: random.Next(10) == 0 ? 5_000m : 2_000m))
            .OrderBy(r => r.CounterpartyId!.Value.Value).ThenBy(r => r.SubmittedDay).ThenBy(r => r.Id).ToList();

        var inline = new List<(Guid, decimal, string)>();
        var scanned = new List<(Guid, decimal, string)>();
        var window = new SplitWindow(Settings);
        CounterpartyId? group = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.CounterpartyId != group)
            {
                window.StartGroup();
                group = row.CounterpartyId;
            }

            if (FlagChecks.SplitPurchase(row, rows.Take(i), SplitBasis.Supplier, Settings) is { } finding)
            {
                inline.Add((row.Id, finding.Total!.Value, string.Join(",", finding.Related)));
            }

            if (window.Add(row.Id, row.SubmittedDay, row.AmountFen, row.LimitFen) is { } hit)
            {
                scanned.Add((row.Id, PurchaseRecord.Yuan(hit.TotalFen), string.Join(",", hit.Others.Select(o => new MatterId(o)))));
            }

            Assert.Equal(FlagChecks.Hugs(PurchaseRecord.Yuan(row.AmountFen), PurchaseRecord.Yuan(row.LimitFen!.Value), Settings), window.Hugs(row.AmountFen, row.LimitFen));
        }

        Assert.NotEmpty(inline);
        Assert.Equal(inline, scanned);
    }

    [Fact]
    [Trait("Rule", "R47")]
    public void Settings_OutOfRange_AreRefused()
    {
        Assert.True(Settings.Check().IsOk);
        Assert.False((Settings with { WindowDays = -1 }).Check().IsOk);
        Assert.False((Settings with { HuggingShare = 1.2m }).Check().IsOk);
        Assert.False((Settings with { RepeatedSupplierShare = 1m }).Check().IsOk);
    }
}
