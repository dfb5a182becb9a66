using Fenquan.Core.Ledger;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Ledger;

// R44: every state change is appended to a tamper-evident ledger in the same transaction.
[Trait("Rule", "R44")]
public class LedgerWriterTests
{
    private static async Task<CountyId> AddCountyAsync(TestDatabase database, string name = "清河县")
    {
        var id = CountyId.New();
        var result = await database.Writer.ExecuteAsync(id, "county.created", ctx =>
        {
            ctx.Db.Counties.Add(new County(id, name, CountyBounds.Default));
            return Result<CountyId>.Ok(id);
        });
        Assert.True(result.IsOk);
        return id;
    }

    private static Task<Result<PersonId>> AddPersonAsync(TestDatabase database, CountyId county, string name) =>
        database.Writer.ExecuteAsync(county, "person.added", ctx =>
        {
            var person = new Person(PersonId.New(), county, name);
            ctx.Db.People.Add(person);
            return Result<PersonId>.Ok(person.Id);
        });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryChangedRow_IsLedgeredWithItsSnapshot_AndSignedTreeHead(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await AddCountyAsync(database);
        var person = (await AddPersonAsync(database, county, "王建国")).Value;

        await using var db = database.Context();
        var entries = await db.LedgerEntries.Where(e => e.CountyId == county.Value).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([0L, 1L], entries.Select(e => e.Sequence));
        Assert.Equal(["County", "Person"], entries.Select(e => e.SubjectType));
        var personEntry = LedgerEntry.Parse(entries[1].Bytes);
        Assert.Equal(person.Value, personEntry.SubjectId);
        Assert.Equal("person.added", personEntry.Kind);
        Assert.Contains("王建国", personEntry.Data, StringComparison.Ordinal);
        Assert.Equal(MerkleHash.Leaf(entries[1].Bytes), entries[1].LeafHash);

        var head = await db.TreeHeads.Where(h => h.CountyId == county.Value).OrderByDescending(h => h.TreeSize).FirstAsync();
        Assert.Equal(2, head.TreeSize);
        Assert.Equal(MerkleProofs.RootOf([entries[0].LeafHash, entries[1].LeafHash], 2), head.RootHash);
        Assert.True(TreeHeadSigner.Verify(database.Signer.PublicKey, new SignedTreeHead(county, head.TreeSize, head.RootHash, head.At, head.Signature)));

        var audit = await database.AuditAsync();
        Assert.True(audit.IsIntact, string.Join("\n", audit.Counties.SelectMany(c => c.Ledger.Problems.Select(p => p.Message).Concat(c.Rows.Select(r => r.Message)))));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentWork_IsGroupCommitted_InOneTotalOrderPerCounty(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await AddCountyAsync(database);
        var batchesBefore = database.Writer.BatchesCommitted;

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() => AddPersonAsync(database, county, $"职工{i}"))));

        Assert.All(results, r => Assert.True(r.IsOk));
        await using var db = database.Context();
        var sequences = await db.LedgerEntries.Where(e => e.CountyId == county.Value).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 301).Select(i => (long)i), sequences);
        Assert.True(database.Writer.BatchesCommitted - batchesBefore < 300, "concurrent work shares commits (group commit)");
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RefusedWork_ChangesNothing_AndIsNotLedgered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await AddCountyAsync(database);

        var refused = await database.Writer.ExecuteAsync(county, "person.added", ctx =>
        {
            ctx.Db.People.Add(new Person(PersonId.New(), county, "李四"));
            return Result<PersonId>.Refused("R3", "test refusal after a change");
        });

        Assert.False(refused.IsOk);
        Assert.Equal("R3", refused.Refusal!.RuleId);
        await using var db = database.Context();
        Assert.Equal(0, await db.People.CountAsync());
        Assert.Equal(1, await db.LedgerEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WorkThatThrows_FailsAlone_OthersCommit(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await AddCountyAsync(database);
        var duplicate = PersonId.New();
        await database.Writer.ExecuteAsync(county, "person.added", ctx =>
        {
            ctx.Db.People.Add(new Person(duplicate, county, "赵六"));
            return Result<bool>.Ok(true);
        });

        var good = Enumerable.Range(0, 20).Select(i => AddPersonAsync(database, county, $"好人{i}")).ToList();
        var bad = database.Writer.ExecuteAsync(county, "person.added", ctx =>
        {
            ctx.Db.People.Add(new Person(duplicate, county, "重复")); // primary key violation at commit
            return Result<bool>.Ok(true);
        });

        await Assert.ThrowsAnyAsync<Exception>(() => bad);
        Assert.All(await Task.WhenAll(good), r => Assert.True(r.IsOk));
        await using var db = database.Context();
        Assert.Equal(21, await db.People.CountAsync());
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WorkForOneCounty_CannotChangeAnotherCountysRows(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var mine = await AddCountyAsync(database, "清河县");
        var other = await AddCountyAsync(database, "临江县");

        var crossing = database.Writer.ExecuteAsync(mine, "person.added", ctx =>
        {
            ctx.Db.People.Add(new Person(PersonId.New(), other, "越界"));
            return Result<bool>.Ok(true);
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => crossing);
        await using var db = database.Context();
        Assert.Equal(0, await db.People.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AfterRestart_TheSequenceAndTreeContinue(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await AddCountyAsync(database);
        await AddPersonAsync(database, county, "孙七");
        await database.RestartWriterAsync();
        await AddPersonAsync(database, county, "周八");

        await using var db = database.Context();
        Assert.Equal([0L, 1L, 2L], await db.LedgerEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        var audit = await database.AuditAsync();
        Assert.True(audit.IsIntact);
        Assert.Equal(3, audit.Counties.Single().Ledger.TreeSize);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnEventThatChangesNoRow_IsLedgeredAndVerifies(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await AddCountyAsync(database);
        var subject = Guid.CreateVersion7();

        await database.Writer.ExecuteAsync(county, "signin.failed", ctx =>
        {
            ctx.Append("SignIn", subject, """{"user":"wangjianguo","ok":false}""");
            return Result<bool>.Ok(true);
        });

        await using var db = database.Context();
        var entry = LedgerEntry.Parse((await db.LedgerEntries.SingleAsync(e => e.SubjectId == subject)).Bytes);
        Assert.Equal("signin.failed", entry.Kind);
        Assert.Equal("SignIn", entry.SubjectType);
        Assert.Contains("\"ok\":false", entry.Data, StringComparison.Ordinal);
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoWritersOnOneDatabase_NeverForkTheLedger(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await AddCountyAsync(database);
        await using var second = new LedgerWriter(database.Settings, database.Signer, database.Time);

        for (var i = 0; i < 5; i++)
        {
            Assert.True((await AddPersonAsync(database, county, $"甲{i}")).IsOk);
            var person = await second.ExecuteAsync(county, "person.added", ctx =>
            {
                ctx.Db.People.Add(new Person(PersonId.New(), county, $"乙{i}"));
                return Result<bool>.Ok(true);
            });
            Assert.True(person.IsOk);
        }

        await using var db = database.Context();
        Assert.Equal(Enumerable.Range(0, 11).Select(i => (long)i), await db.LedgerEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.True((await database.AuditAsync()).IsIntact);
    }
}
