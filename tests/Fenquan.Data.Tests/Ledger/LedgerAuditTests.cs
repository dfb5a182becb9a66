using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Ledger;

// R44: `fenquan verify` compares every domain row with its last ledger entry. The audit reads a table
// in chunks of rows and asks the database for the last entries of the ids in each chunk's range, so
// these tests put the problems on both sides of chunk boundaries and after the last row.
[Trait("Rule", "R44")]
public class LedgerAuditTests
{
    private const int People = (2 * LedgerAudit.ChunkSize) + 500;

    /// <summary>A county with more people than two chunks, all ledgered, in the order the database sorts their ids.</summary>
    private static async Task<(TestDatabase Database, CountyId County, List<PersonId> People)> SeedAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var county = CountyId.New();
        await database.Writer.ExecuteAsync(county, "county.created", ctx =>
        {
            ctx.Db.Counties.Add(new County(county, "清河县", CountyBounds.Default));
            for (var i = 0; i < People; i++)
            {
                ctx.Db.People.Add(new Person(PersonId.New(), county, $"干部{i:D4}"));
            }

            return Result<bool>.Ok(true);
        });
        await using var db = database.Context();
        var people = await db.People.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        return (database, county, people);
    }

    private static Task RenameAsync(TestDatabase database, CountyId county, PersonId id, string name) =>
        database.Writer.ExecuteAsync(county, "person.renamed", ctx =>
        {
            var person = ctx.Db.People.Single(p => p.Id == id);
            ctx.Db.Entry(person).Property(p => p.Name).CurrentValue = name;
            return Result<bool>.Ok(true);
        });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ManyRows_WithLedgeredEditsAndDeletions_AreIntact(string provider)
    {
        var (database, county, people) = await SeedAsync(provider);
        await using var _database = database;
        await RenameAsync(database, county, people[LedgerAudit.ChunkSize - 1], "改名一");
        await RenameAsync(database, county, people[LedgerAudit.ChunkSize], "改名二");
        await database.Writer.ExecuteAsync(county, "person.removed", ctx =>
        {
            var first = people[0];
            var last = people[^1];
            ctx.Db.People.RemoveRange([.. ctx.Db.People.Where(p => p.Id == first || p.Id == last)]);
            return Result<bool>.Ok(true);
        });

        var audit = await database.AuditAsync();

        Assert.True(audit.IsIntact, string.Join(Environment.NewLine, audit.Counties.SelectMany(c => c.Rows)));
        Assert.Equal(People + 5, audit.Entries);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EditedDeletedAndUnledgeredRows_InEveryChunk_AreEachNamedOnce(string provider)
    {
        var (database, county, people) = await SeedAsync(provider);
        await using var _database = database;
        PersonId[] edited = [people[0], people[LedgerAudit.ChunkSize - 1], people[LedgerAudit.ChunkSize], people[^1]];
        PersonId[] deleted = [people[1], people[LedgerAudit.ChunkSize + 1], people[^2]];
        var stranger = PersonId.New();
        await using (var db = database.Context())
        {
            foreach (var id in edited)
            {
                await db.People.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "冒名顶替"));
            }

            foreach (var id in deleted)
            {
                await db.People.Where(p => p.Id == id).ExecuteDeleteAsync();
            }

            // Saved past the writer: a row the ledger never recorded.
            db.People.Add(new Person(stranger, county, "黑户"));
            await db.SaveChangesAsync();
        }

        var audit = await database.AuditAsync();

        var county1 = Assert.Single(audit.Counties);
        Assert.True(county1.Ledger.IsIntact);
        Assert.Equal(edited.Length + deleted.Length + 1, county1.RowProblemCount);
        Assert.Equal(county1.RowProblemCount, county1.Rows.Count);
        foreach (var id in edited)
        {
            var row = Assert.Single(county1.Rows, r => r.SubjectId == id.Value);
            Assert.Equal("Person", row.SubjectType);
            Assert.NotNull(row.LastSequence);
            Assert.Contains("differs from its last ledger entry", row.Message, StringComparison.Ordinal);
            Assert.Contains("冒名顶替", row.Message, StringComparison.Ordinal);
        }

        foreach (var id in deleted)
        {
            var row = Assert.Single(county1.Rows, r => r.SubjectId == id.Value);
            Assert.Contains("missing from the database", row.Message, StringComparison.Ordinal);
        }

        var unledgered = Assert.Single(county1.Rows, r => r.SubjectId == stranger.Value);
        Assert.Null(unledgered.LastSequence);
        Assert.Contains("never recorded in the ledger", unledgered.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RowEditedBackToAnEarlierEntry_WithTheLastEntryRefiled_IsNamed(string provider)
    {
        var (database, county, people) = await SeedAsync(provider);
        await using var _database = database;
        var target = people[42];
        await RenameAsync(database, county, target, "新名字");
        await using (var db = database.Context())
        {
            // The row goes back to what an earlier entry recorded, and the last entry's lookup
            // columns are pointed elsewhere so that an index lookup would find the earlier one.
            var original = await db.LedgerEntries.Where(e => e.SubjectId == target.Value).MinAsync(e => e.Sequence);
            var renamed = await db.LedgerEntries.Where(e => e.SubjectId == target.Value).MaxAsync(e => e.Sequence);
            Assert.NotEqual(original, renamed);
            await db.People.Where(p => p.Id == target).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "干部0042"));
            var elsewhere = Guid.CreateVersion7();
            await db.LedgerEntries.Where(e => e.Sequence == renamed).ExecuteUpdateAsync(s => s.SetProperty(e => e.SubjectId, elsewhere));

            var audit = await database.AuditAsync();

            Assert.True(audit.Counties.Single().Ledger.IsIntact);
            var row = Assert.Single(audit.Counties.Single().Rows, r => r.Message.StartsWith("Ledger entry", StringComparison.Ordinal));
            Assert.Equal(renamed, row.LastSequence);
            Assert.Contains($"Ledger entry #{renamed} is filed under Person {elsewhere}", row.Message, StringComparison.Ordinal);
            Assert.Contains(target.Value.ToString("D"), row.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RowEditedBackToAnEarlierEntry_WithThatEntryStoredAgainLast_IsNamed(string provider)
    {
        // On SQLite the audit finds a subject's last entry by the largest rowid: an earlier entry
        // deleted and inserted again, bytes and sequence unchanged, would then stand for the last one.
        var (database, county, people) = await SeedAsync(provider);
        await using var _database = database;
        var target = people[7];
        await using var db = database.Context();
        var name = await db.People.Where(p => p.Id == target).Select(p => p.Name).SingleAsync();
        await RenameAsync(database, county, target, "新名字");
        var original = await db.LedgerEntries.AsNoTracking().Where(e => e.SubjectId == target.Value).OrderBy(e => e.Sequence).FirstAsync();
        await db.People.Where(p => p.Id == target).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, name));
        await db.LedgerEntries.Where(e => e.CountyId == original.CountyId && e.Sequence == original.Sequence).ExecuteDeleteAsync();
        db.LedgerEntries.Add(original);
        await db.SaveChangesAsync();

        var audit = await database.AuditAsync();

        var county1 = Assert.Single(audit.Counties);
        Assert.True(county1.Ledger.IsIntact);
        Assert.False(county1.IsIntact);
        var row = Assert.Single(county1.Rows);
        if (provider == "sqlite")
        {
            // Named at the entry after the one stored again: its row now comes before that one's.
            Assert.Equal(original.Sequence + 1, row.LastSequence);
            Assert.Contains($"is stored before entry #{original.Sequence} ", row.Message, StringComparison.Ordinal);
            Assert.Contains("the ledger's rows were rearranged", row.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(target.Value, row.SubjectId);
            Assert.Contains("differs from its last ledger entry", row.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RowOfACountyWithoutLedger_IsNamed(string provider)
    {
        var (database, _, _) = await SeedAsync(provider);
        await using var _database = database;
        var nowhere = CountyId.New();
        var stranger = PersonId.New();
        await using (var db = database.Context())
        {
            db.People.Add(new Person(stranger, nowhere, "无籍之人"));
            await db.SaveChangesAsync();
        }

        var audit = await database.AuditAsync();

        Assert.False(audit.IsIntact);
        var other = Assert.Single(audit.Counties, c => c.County == nowhere.Value);
        Assert.Equal(0, other.Ledger.EntryCount);
        var row = Assert.Single(other.Rows);
        Assert.Equal(stranger.Value, row.SubjectId);
        Assert.Null(row.LastSequence);
    }

    // `fenquan verify` may run while the server writes: it reads the ledger and every table in one
    // snapshot, so rows changed (and ledgered) meanwhile never look as if they disagreed with it.
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAuditWhileRowsAreChanged_SeesOneSnapshot_AndFindsNothing(string provider)
    {
        var (database, county, people) = await SeedAsync(provider);
        await using var _database = database;
        using var stop = new CancellationTokenSource();
        var renames = 0;
        var writes = Task.Run(async () =>
        {
            var random = new Random(7);
            while (!stop.IsCancellationRequested)
            {
                var chosen = Enumerable.Range(0, 50).Select(_ => people[random.Next(people.Count)]).ToHashSet();
                var round = ++renames;
                await database.Writer.ExecuteAsync(county, "person.renamed", ctx =>
                {
                    foreach (var person in ctx.Db.People.Where(p => chosen.Contains(p.Id)))
                    {
                        ctx.Db.Entry(person).Property(p => p.Name).CurrentValue = $"改名{round}";
                    }

                    return Result<bool>.Ok(true);
                });
            }
        });

        try
        {
            for (var i = 0; i < 8; i++)
            {
                var audit = await database.AuditAsync();
                Assert.True(audit.IsIntact, string.Join("; ", audit.Counties.SelectMany(c => c.Rows).Take(5)));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await writes;
        }

        Assert.True(renames > 8, $"only {renames} rename rounds ran during the audits");
    }
}
