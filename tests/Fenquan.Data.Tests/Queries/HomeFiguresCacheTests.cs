using Fenquan.Core.Access;
using Fenquan.Core.Primitives;
using Fenquan.Data.Queries;
using Microsoft.Extensions.Time.Testing;

namespace Fenquan.Data.Tests.Queries;

// The home pages' figures kept up to a minute: per panel, county, unit and detail, never another unit's.
public class HomeFiguresCacheTests
{
    private static readonly CountyId County = new(Guid.CreateVersion7());

    [Fact]
    public async Task AFigure_IsKeptForAMinute_WithTheTimeItWasRead_ThenReadAgain()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        using var cache = new HomeFiguresCache(time);
        var unit = new UnitId(Guid.CreateVersion7());
        var count = 0;
        Task<int> Read() => Task.FromResult(++count);

        var first = await cache.GetOrReadAsync(HomePanel.DecidedThisMonth, County, unit, "2026-03-01", Read);
        time.Advance(TimeSpan.FromSeconds(59));
        var kept = await cache.GetOrReadAsync(HomePanel.DecidedThisMonth, County, unit, "2026-03-01", Read);
        time.Advance(TimeSpan.FromSeconds(1));
        var again = await cache.GetOrReadAsync(HomePanel.DecidedThisMonth, County, unit, "2026-03-01", Read);

        Assert.Equal((1, 1, 2), (first.Value, kept.Value, again.Value));
        Assert.Equal(first.ReadAt, kept.ReadAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 1, 0, TimeSpan.Zero), again.ReadAt);
        Assert.Equal(2, cache.Reads);
    }

    [Fact]
    public async Task AnotherUnit_AnotherPanel_OrAnotherDetail_IsReadForItself()
    {
        using var cache = new HomeFiguresCache(new FakeTimeProvider());
        var (mine, theirs) = (new UnitId(Guid.CreateVersion7()), new UnitId(Guid.CreateVersion7()));

        var counts = new[]
        {
            await cache.GetOrReadAsync(HomePanel.MattersByArea, County, mine, "", () => Task.FromResult("mine")),
            await cache.GetOrReadAsync(HomePanel.MattersByArea, County, theirs, "", () => Task.FromResult("theirs")),
            await cache.GetOrReadAsync(HomePanel.MattersByArea, new CountyId(Guid.CreateVersion7()), mine, "", () => Task.FromResult("another county")),
            await cache.GetOrReadAsync(HomePanel.OverdueSteps, County, mine, "Principal:a", () => Task.FromResult("principal a")),
            await cache.GetOrReadAsync(HomePanel.OverdueSteps, County, mine, "Principal:b", () => Task.FromResult("principal b")),
            await cache.GetOrReadAsync(HomePanel.MattersByArea, County, mine, "", () => Task.FromResult("read again")),
        };

        Assert.Equal(["mine", "theirs", "another county", "principal a", "principal b", "mine"], counts.Select(c => c.Value));
        Assert.Equal(5, cache.Reads);
    }
}
