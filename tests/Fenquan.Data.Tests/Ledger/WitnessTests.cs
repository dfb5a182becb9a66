using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Witness;
using Fenquan.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Ledger;

// R44: a witness outside the server cosigns only a ledger that extends what it saw. The operator's
// attacks of issue 13 — a coordinated rollback, a history re-signed with the stolen log key — are
// refused by the witness, raise a ledgered alarm, and are named by verify against the witness's checkpoint.
[Trait("Rule", "R44")]
public sealed class WitnessTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GoodHistory_ThatOnlyGrew_IsCosignedAtEverySize(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var witness = OpenWitness(database);
        var county = CountyId.New();
        witness.TrustLogs([LogKey(database, county)]);
        var pushing = new WitnessPushing(database.Writer);

        foreach (int batch in new[] { 3, 300, 1 })
        {
            await AppendAsync(database, county, batch);
            await using var db = database.Context();
            Assert.Equal(PushOutcome.Cosigned, await pushing.PushAsync(db, county, witness.Key, witness));
            Assert.Equal(PushOutcome.Unchanged, await pushing.PushAsync(db, county, witness.Key, witness));
        }

        await using var read = database.Context();
        var note = (await TransparencyQueries.LatestCheckpointAsync(read, county))!;
        var parsed = SignedNote.Parse(note)!;
        Assert.Equal(304, Checkpoint.ParseBody(parsed.Text)!.Size);
        Assert.Contains(parsed.Signatures, s => Cosignature.Verify(witness.Key, parsed.Text, s) is not null);
        Assert.True(Checkpoint.Open(note, LogKey(database, county)).IsOk);
        Assert.Equal(3, await read.Set<CosignatureRow>().CountAsync(c => c.CountyId == county.Value));
        Assert.Empty(await WitnessPushing.AlarmsAsync(read, county));
        Assert.Equal(string.Empty, witness.Refusals());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rollback_BelowTheWitnessesCheckpoint_IsRefused_Alarmed_AndNamedByVerify(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var witness = OpenWitness(database);
        var county = CountyId.New();
        witness.TrustLogs([LogKey(database, county)]);
        await AppendAsync(database, county, 10);
        await using (var db = database.Context())
        {
            Assert.Equal(PushOutcome.Cosigned, await new WitnessPushing(database.Writer).PushAsync(db, county, witness.Key, witness));
        }

        // The operator deletes the last two entries and the heads above them, then restarts the server.
        await using (var db = database.Context())
        {
            await db.LedgerEntries.Where(e => e.CountyId == county.Value && e.Sequence >= 8).ExecuteDeleteAsync();
            await db.TreeHeads.Where(h => h.CountyId == county.Value && h.TreeSize > 8).ExecuteDeleteAsync();
            await db.Set<TileRow>().ExecuteDeleteAsync();
        }

        await database.RestartWriterAsync();
        Assert.True((await database.AuditAsync()).IsIntact); // the server's own view cannot tell

        await using var after = database.Context();
        if (await TransparencyQueries.LatestHeadAsync(after, county) is null || (await TransparencyQueries.LatestHeadAsync(after, county))!.TreeSize != 8)
        {
            // No head at size 8 survived: the restarted server signs one with its next entry.
            await AppendAsync(database, county, 0);
        }

        Assert.Equal(PushOutcome.Alarm, await new WitnessPushing(database.Writer).PushAsync(after, county, witness.Key, witness));
        var alarm = Assert.Single(await WitnessPushing.AlarmsAsync(after, county));
        Assert.Contains("\"kind\":\"rollback\"", alarm.Data, StringComparison.Ordinal);
        Assert.Contains("\"witnessSize\":10", alarm.Data, StringComparison.Ordinal);

        var kept = Checkpoint.ParseBody(SignedNote.Parse(witness.LatestCheckpoint(LogOrigin.Of(county))!)!.Text)!;
        var report = await AuditAsync(database, kept);
        Assert.Contains(report.Counties.Single().Ledger.Problems, p => p.Kind == LedgerProblemKind.Rollback && p.Message.Contains("size 10", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ForgedHistory_ResignedWithTheStolenLogKey_IsRefusedByTheWitness(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var witness = OpenWitness(database);
        var county = CountyId.New();
        witness.TrustLogs([LogKey(database, county)]);
        await AppendAsync(database, county, 12);
        await using (var db = database.Context())
        {
            Assert.Equal(PushOutcome.Cosigned, await new WitnessPushing(database.Writer).PushAsync(db, county, witness.Key, witness));
        }

        // Entry 5 changed, its leaf hash recomputed, every head re-signed with the log's own key.
        await using (var db = database.Context())
        {
            await LedgerForgery.ForgeAsync(db, county, 5, database.Signer);
        }

        await database.RestartWriterAsync();
        Assert.True((await database.AuditAsync()).IsIntact); // signatures and roots all agree with the forged rows

        await using var after = database.Context();
        Assert.Equal(PushOutcome.Alarm, await new WitnessPushing(database.Writer).PushAsync(after, county, witness.Key, witness));
        Assert.Contains("\"kind\":\"fork\"", Assert.Single(await WitnessPushing.AlarmsAsync(after, county)).Data, StringComparison.Ordinal);
        Assert.Contains("Fork", witness.Refusals(), StringComparison.Ordinal);

        var kept = Checkpoint.ParseBody(SignedNote.Parse(witness.LatestCheckpoint(LogOrigin.Of(county))!)!.Text)!;
        var report = await AuditAsync(database, kept);
        Assert.Contains(report.Counties.Single().Ledger.Problems, p => p.Kind == LedgerProblemKind.Fork);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Witness_RefusesUnknownOrigins_AndCheckpointsNotSignedByTheLog(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var witness = OpenWitness(database);
        var county = CountyId.New();
        await AppendAsync(database, county, 2);
        await using var db = database.Context();
        var head = (await TransparencyQueries.LatestHeadAsync(db, county))!;

        Assert.Equal(404, (await witness.AddCheckpointAsync(new AddCheckpointRequest(0, [], head.Checkpoint!).Format())).Status);
        using var other = TreeHeadSigner.Create();
        witness.TrustLogs([new NoteVerifierKey(LogOrigin.Of(county), NoteKeyType.Ed25519, other.PublicKey)]);
        Assert.Equal(403, (await witness.AddCheckpointAsync(new AddCheckpointRequest(0, [], head.Checkpoint!).Format())).Status);
        Assert.Equal(400, (await witness.AddCheckpointAsync("old 1\n")).Status);
    }

    private static WitnessService OpenWitness(TestDatabase database) =>
        WitnessService.Open(Path.Combine(database.Data.Root + "-keys", "witness"), "jiwei.example/witness", database.Time);

    private static NoteVerifierKey LogKey(TestDatabase database, CountyId county) => new(LogOrigin.Of(county), NoteKeyType.Ed25519, database.Signer.PublicKey);

    private static async Task AppendAsync(TestDatabase database, CountyId county, int count)
    {
        for (int i = 0; i < Math.Max(count, 1); i++)
        {
            await database.Writer.ExecuteAsync(county, "test.event", ctx =>
            {
                ctx.Append("test", Guid.CreateVersion7(), "{}");
                return Result<bool>.Ok(true);
            });
        }
    }

    private static async Task<AuditReport> AuditAsync(TestDatabase database, Checkpoint kept)
    {
        await using var db = database.Context();
        return await LedgerAudit.RunAsync(db, [database.Signer.PublicKey], [kept]);
    }
}
