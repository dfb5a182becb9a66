using Fenquan.Core.Finance.Inspection;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Finance.Inspection;

// R8: the draw is reproducible from its recorded seed, weighted by amount, and takes every claim above the threshold.
public class VoucherSampleTests
{
    private static readonly CountyId County = new(Guid.Parse("0193a5b0-0000-7000-8000-000000000001"));
    private static readonly UnitId Unit = new(Guid.Parse("0193a5b0-0000-7000-8000-000000000002"));
    private static readonly InspectionPeriod Quarter = new(2026, 3, 3);

    private static List<SampleCandidate> Population(int count, Func<int, decimal> amount) =>
        [.. Enumerable.Range(0, count).Select(i => new SampleCandidate(new Guid(i + 1, 0, 0, new byte[8]), amount(i)))];

    private static byte[] SeedOf(long treeSize, string root) => new InspectionSeed(treeSize, root, DateTimeOffset.UnixEpoch, string.Empty).Bytes(County, Unit, Quarter);

    [Fact]
    [Trait("Rule", "R8")]
    public void TheStream_IsSha256InCounterMode_SoAnyoneCanReproduceIt()
    {
        // Known answers computed outside .NET: SHA-256(seed ‖ counter, 8 bytes big-endian), read as big-endian words.
        var stream = new SeededStream([.. Enumerable.Range(0, 32).Select(i => (byte)i)]);
        Assert.Equal(12238220826280364221UL, stream.NextUInt64());
        Assert.Equal(4092613261126186783UL, stream.NextUInt64());
        stream.NextUInt64();
        stream.NextUInt64();
        Assert.Equal(6945047847015946120UL, stream.NextUInt64());
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void TheSameHead_GivesTheSameDraw_AndADifferentHeadADifferentOne()
    {
        var population = Population(500, i => 100m + (i % 37 * 53m));
        var first = VoucherSample.Draw(population, SeedOf(1_000, "cm9vdC1h"), 10, 0m);
        var again = VoucherSample.Draw([.. population.AsEnumerable().Reverse()], SeedOf(1_000, "cm9vdC1h"), 10, 0m);
        var otherRoot = VoucherSample.Draw(population, SeedOf(1_000, "cm9vdC1i"), 10, 0m);
        var otherSize = VoucherSample.Draw(population, SeedOf(1_001, "cm9vdC1h"), 10, 0m);

        Assert.Equal(10, first.Count);
        Assert.Equal(first, again); // the order the database returns the claims in does not matter
        Assert.NotEqual(first.Select(c => c.MatterId), otherRoot.Select(c => c.MatterId));
        Assert.NotEqual(first.Select(c => c.MatterId), otherSize.Select(c => c.MatterId));
        Assert.All(first, c => Assert.Equal(SampleReason.MonetaryUnit, c.Reason));
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void TheSeed_DependsOnTheUnitAndThePeriod()
    {
        var head = new InspectionSeed(42, "cm9vdA==", DateTimeOffset.UnixEpoch, "jiwei");
        Assert.NotEqual(head.Bytes(County, Unit, Quarter), head.Bytes(County, new UnitId(Guid.CreateVersion7()), Quarter));
        Assert.NotEqual(head.Bytes(County, Unit, Quarter), head.Bytes(County, Unit, new InspectionPeriod(2026, 3, 4)));
        Assert.Equal(head.Bytes(County, Unit, Quarter), (head with { Witnesses = "other" }).Bytes(County, Unit, Quarter));
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void ALargeClaim_IsDrawnMoreOften_AcrossManySeeds()
    {
        // One claim of 5,000 among 49 of 500: monetary-unit sampling gives it ten times the chance of each small one.
        var population = Population(50, i => i == 17 ? 5_000m : 500m);
        var large = population[17].MatterId;
        var counts = population.ToDictionary(c => c.MatterId, _ => 0);
        const int seeds = 400;
        for (var s = 0; s < seeds; s++)
        {
            foreach (var claim in VoucherSample.Draw(population, SeedOf(s, "c2VlZA=="), 5, 0m))
            {
                counts[claim.MatterId]++;
            }
        }

        var smallAverage = counts.Where(c => c.Key != large).Average(c => c.Value);
        // Expected: 5 × 5,000 / 29,500 ≈ 0.85 of the seeds for the large claim, ≈ 0.085 for each small one.
        Assert.InRange(counts[large], seeds * 0.75, seeds * 0.95);
        Assert.InRange(smallAverage, seeds * 0.06, seeds * 0.11);
        Assert.True(counts[large] > 5 * smallAverage, $"large {counts[large]}, small on average {smallAverage}");
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void EveryClaimAboveTheThreshold_IsAlwaysDrawn()
    {
        var population = Population(300, i => i % 50 == 0 ? 80_000m : 1_000m + i);
        var above = population.Where(c => c.Amount > 50_000m).Select(c => c.MatterId).ToHashSet();
        for (var s = 0; s < 50; s++)
        {
            var sample = VoucherSample.Draw(population, SeedOf(s, "dGhyZXNob2xk"), 5, 50_000m);
            Assert.True(above.SetEquals(sample.Where(c => c.Reason == SampleReason.AboveThreshold).Select(c => c.MatterId)));
            Assert.Equal(5, sample.Count(c => c.Reason == SampleReason.MonetaryUnit));
            Assert.DoesNotContain(sample.Where(c => c.Reason == SampleReason.MonetaryUnit), c => above.Contains(c.MatterId));
        }
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void AClaimLongerThanTheInterval_IsListedOnce()
    {
        var population = Population(4, i => i == 0 ? 1_000_000m : 1m);
        var sample = VoucherSample.Draw(population, SeedOf(1, "b25l"), 3, 0m);
        Assert.Single(sample);
        Assert.Equal(population[0].MatterId, sample[0].MatterId);
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void NoClaimsPaid_DrawsNothing() =>
        Assert.Empty(VoucherSample.Draw([], SeedOf(1, "ZW1wdHk="), 10, 50_000m));

    [Fact]
    [Trait("Rule", "R8")]
    public void TheSeedCheckpoint_IsTheFirstCosignedAfterTheEnd_OrTheLatestHeadWhileThereAreNoWitnesses()
    {
        var heads = new[]
        {
            new InspectionSeed(10, "YQ==", DateTimeOffset.UnixEpoch, string.Empty),
            new InspectionSeed(20, "Yg==", DateTimeOffset.UnixEpoch, "jiwei"),
            new InspectionSeed(30, "Yw==", DateTimeOffset.UnixEpoch, "jiwei,audit"),
            new InspectionSeed(40, "ZA==", DateTimeOffset.UnixEpoch, string.Empty),
        };
        Assert.Equal(20, InspectionSeed.Choose(heads, countyHasWitnesses: true)!.TreeSize);
        Assert.Equal(40, InspectionSeed.Choose(heads, countyHasWitnesses: false)!.TreeSize);
        Assert.Null(InspectionSeed.Choose([heads[0], heads[3]], countyHasWitnesses: true));
    }

    [Theory]
    [InlineData("2026Q3", 2026, 3, 3, "2026-07-01", "2026-09-30")]
    [InlineData("2026M06-2", 2026, 6, 2, "2026-07-01", "2026-12-31")]
    [InlineData("2025M01-12", 2025, 1, 12, "2025-12-01", "2025-12-31")]
    public void APeriodKey_ReadsBackAsWritten(string key, int year, int months, int number, string start, string end)
    {
        var period = InspectionPeriod.Parse(key).Value;
        Assert.Equal(new InspectionPeriod(year, months, number), period);
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (period.Start, period.End));
        Assert.Equal(key, period.Key);
        Assert.Equal(new DateTimeOffset(period.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), period.EndsAt);
    }

    [Fact]
    public void TheLastPeriodOver_IsThePreviousOne() =>
        Assert.Equal((new InspectionPeriod(2026, 3, 3), new InspectionPeriod(2025, 3, 4)),
            (InspectionPeriod.LastEndedBefore(new DateOnly(2026, 12, 6), 3), InspectionPeriod.LastEndedBefore(new DateOnly(2026, 2, 1), 3)));
}
