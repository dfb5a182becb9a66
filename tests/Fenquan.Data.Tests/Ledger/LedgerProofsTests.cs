using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Ledger;

[Trait("Rule", "R44")]
public class LedgerProofsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryEntry_HasAnInclusionProof_AndHeadsAreConsistent(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = CountyId.New();
        await database.Writer.ExecuteAsync(county, "county.created", ctx =>
        {
            ctx.Db.Counties.Add(new County(county, "清河县", CountyBounds.Default));
            return Result<bool>.Ok(true);
        });
        for (var i = 0; i < 6; i++)
        {
            await database.Writer.ExecuteAsync(county, "person.added", ctx =>
            {
                ctx.Db.People.Add(new Person(PersonId.New(), county, $"职工{i}"));
                return Result<bool>.Ok(true);
            });
        }

        await using var db = database.Context();
        for (long sequence = 0; sequence < 7; sequence++)
        {
            var proof = await LedgerProofs.InclusionAsync(db, county, sequence);
            Assert.True(proof.IsOk, proof.ToString());
            Assert.True(proof.Value.Check(database.Signer.PublicKey).IsOk);
        }

        var sizes = await db.TreeHeads.Select(h => h.TreeSize).OrderBy(s => s).ToListAsync();
        var consistency = await LedgerProofs.ConsistencyAsync(db, county, sizes[0], sizes[^1]);
        Assert.True(consistency.Value.Check().IsOk);

        // A proof for an entry whose bytes were altered no longer checks.
        var forged = (await LedgerProofs.InclusionAsync(db, county, 3)).Value;
        forged.EntryBytes[^2] ^= 1;
        Assert.False(forged.Check(database.Signer.PublicKey).IsOk);
        Assert.True((await LedgerProofs.InclusionAsync(db, county, 99)).Refusal!.IsNotFound);
    }
}
