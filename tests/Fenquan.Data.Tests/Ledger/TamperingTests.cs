using Fenquan.Core.Ledger;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Ledger;

// R44: anyone with the right can verify that nothing was altered or removed.
[Trait("Rule", "R44")]
public class TamperingTests
{
    private static async Task<(TestDatabase Database, CountyId County, List<PersonId> People)> SeedAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var county = CountyId.New();
        await database.Writer.ExecuteAsync(county, "county.created", ctx =>
        {
            ctx.Db.Counties.Add(new County(county, "清河县", CountyBounds.Default));
            return Result<bool>.Ok(true);
        });
        var people = new List<PersonId>();
        foreach (var name in new[] { "王建国", "李秀英", "张伟", "刘洋" })
        {
            var result = await database.Writer.ExecuteAsync(county, "person.added", ctx =>
            {
                var person = new Person(PersonId.New(), county, name);
                ctx.Db.People.Add(person);
                return Result<PersonId>.Ok(person.Id);
            });
            people.Add(result.Value);
        }

        return (database, county, people);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EditedLedgerEntry_IsNamed(string provider)
    {
        var (database, _, _) = await SeedAsync(provider);
        await using var _database = database;
        await using (var db = database.Context())
        {
            var row = await db.LedgerEntries.SingleAsync(e => e.Sequence == 2);
            row.Bytes = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(row.Bytes).Replace("李秀英", "李秀美", StringComparison.Ordinal));
            await db.SaveChangesAsync();
        }

        var audit = await database.AuditAsync();

        Assert.False(audit.IsIntact);
        var problem = Assert.Single(audit.Counties.Single().Ledger.Problems, p => p.Kind == LedgerProblemKind.Edited);
        Assert.Equal(2, problem.FirstSequence);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeletedLedgerEntry_IsNamed(string provider)
    {
        var (database, _, _) = await SeedAsync(provider);
        await using var _database = database;
        await using (var db = database.Context())
        {
            await db.LedgerEntries.Where(e => e.Sequence == 3).ExecuteDeleteAsync();
        }

        var audit = await database.AuditAsync();

        Assert.False(audit.IsIntact);
        var problem = Assert.Single(audit.Counties.Single().Ledger.Problems, p => p.Kind == LedgerProblemKind.Missing);
        Assert.Equal(3, problem.FirstSequence);
        // The person whose entry was deleted is now a row the ledger never recorded.
        Assert.Contains(audit.Counties.Single().Rows, r => r.SubjectType == "Person" && r.LastSequence is null);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DomainRowEditedBehindTheLedger_IsNamed(string provider)
    {
        var (database, _, people) = await SeedAsync(provider);
        await using var _database = database;
        await using (var db = database.Context())
        {
            var target = people[1];
            await db.People.Where(p => p.Id == target).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "冒名顶替"));
        }

        var audit = await database.AuditAsync();

        Assert.True(audit.Counties.Single().Ledger.IsIntact);
        var row = Assert.Single(audit.Counties.Single().Rows);
        Assert.Equal(people[1].Value, row.SubjectId);
        Assert.Equal(2, row.LastSequence);
        Assert.Contains("冒名顶替", row.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DomainRowDeletedBehindTheLedger_IsNamed(string provider)
    {
        var (database, _, people) = await SeedAsync(provider);
        await using var _database = database;
        await using (var db = database.Context())
        {
            var target = people[3];
            await db.People.Where(p => p.Id == target).ExecuteDeleteAsync();
        }

        var audit = await database.AuditAsync();

        var row = Assert.Single(audit.Counties.Single().Rows);
        Assert.Equal(people[3].Value, row.SubjectId);
        Assert.Contains("missing from the database", row.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ForgedEntryWithRecomputedLeafHash_IsCaughtByTheSignedTreeHead(string provider)
    {
        var (database, _, _) = await SeedAsync(provider);
        await using var _database = database;
        await using (var db = database.Context())
        {
            var row = await db.LedgerEntries.SingleAsync(e => e.Sequence == 1);
            row.Bytes = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(row.Bytes).Replace("王建国", "王建军", StringComparison.Ordinal));
            row.LeafHash = MerkleHash.Leaf(row.Bytes);
            await db.SaveChangesAsync();
        }

        var audit = await database.AuditAsync();

        // The first signed head that no longer matches pins the forgery down to entry #1.
        var first = audit.Counties.Single().Ledger.Problems.First(p => p.Kind == LedgerProblemKind.RootMismatch);
        Assert.Equal((1L, 1L), (first.FirstSequence, first.LastSequence));
    }
}
