using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Operations;

namespace Fenquan.Data.Tests.Ledger;

/// <summary>
/// Matter stamps name the matters each commit changed, so a reader holding an older stamp refreshes
/// only those; whenever the names are not all known, the reader is told to load everything again.
/// </summary>
public class ChangeStampsTests
{
    private static readonly CountyId County = new(Guid.CreateVersion7());

    [Fact]
    public void TheIdsChangedBetweenTwoStamps_AreNamed_AndOnlyThose()
    {
        var stamps = new ChangeStamps();
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        stamps.Bump(County, [a]);
        var since = stamps.Of(County);
        stamps.Bump(County, [b]);
        stamps.Bump(County, [c, b]);
        var now = stamps.Of(County);

        Assert.True(stamps.TryChangedSince(County, since, now, out var changed));
        Assert.Equal(new HashSet<Guid> { b, c }, changed.ToHashSet());
        Assert.True(stamps.TryChangedSince(County, now, now, out var none));
        Assert.Empty(none);
    }

    [Fact]
    public void ABumpThatNamesNothing_OrAFailedBatch_MeansLoadEverything()
    {
        var stamps = new ChangeStamps();
        var since = stamps.Of(County);
        stamps.Bump(County, [Guid.NewGuid()]);
        stamps.Bump(County, changed: null);
        stamps.Bump(County, [Guid.NewGuid()]);
        Assert.False(stamps.TryChangedSince(County, since, stamps.Of(County), out _));

        // After the unnamed bump, history is complete again.
        var after = stamps.Of(County);
        var d = Guid.NewGuid();
        stamps.Bump(County, [d]);
        Assert.True(stamps.TryChangedSince(County, after, stamps.Of(County), out var changed));
        Assert.Equal([d], changed);

        var beforeFailure = stamps.Of(County);
        stamps.BumpAll();
        Assert.False(stamps.TryChangedSince(County, beforeFailure, stamps.Of(County), out _));
    }

    [Fact]
    public void IdsBeyondTheJournal_AreForgotten_AndTheOldStampMustLoadEverything()
    {
        var stamps = new ChangeStamps();
        var since = stamps.Of(County);
        for (var i = 0; i < ChangeStamps.JournalSize + 1; i++)
        {
            stamps.Bump(County, [Guid.NewGuid()]);
        }

        Assert.False(stamps.TryChangedSince(County, since, stamps.Of(County), out _));
        var recent = stamps.Of(County);
        stamps.Bump(County, [Guid.NewGuid()]);
        Assert.True(stamps.TryChangedSince(County, recent, stamps.Of(County), out var changed));
        Assert.Single(changed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheWriter_NamesTheMattersEachCommitChanged(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var stamps = database.Writer.MatterStamps;
        var submit = new SubmitMatter(county.County, county.Unit, MatterKind.Expense, "办公用品", 800m, Payee.Person(county["周杰"], "周杰"), county["周杰"], InitiatorKind.Staff, MatterFlags.None, new DateOnly(2026, 3, 2));
        await county.Matters.SubmitAsync(submit);
        var since = stamps.Of(county.County);
        var second = (await county.Matters.SubmitAsync(submit)).Value;
        var third = (await county.Matters.SubmitAsync(submit)).Value;

        Assert.True(stamps.TryChangedSince(county.County, since, stamps.Of(county.County), out var changed));
        Assert.Equal(new HashSet<Guid> { second.Id.Value, third.Id.Value }, changed.ToHashSet());
    }
}
