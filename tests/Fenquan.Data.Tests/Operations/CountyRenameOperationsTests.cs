using Fenquan.Core.CountyChanges;
using Fenquan.Core.Ledger;
using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;
using Fenquan.Data.Demo;
using Fenquan.Data.Ledger;
using Fenquan.Data.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Operations;

// The county's name under four eyes (R40) on SQLite and PostgreSQL: proposed by one county
// administrator, in force when a second confirms it, the discipline inspection told of both (R29),
// every row ledgered; the ledger verifies after the rename, and the log's origin — the county's id,
// not its name — is the same before and after, so checkpoints signed before still verify (R44).
public class CountyRenameOperationsTests
{
    private static readonly CountyOfficial Admin = new("admin", "王强");
    private static readonly CountyOfficial Admin2 = new("admin2", "李静");

    private static async Task<string> NameAsync(TestDatabase database, CountyId county)
    {
        await using var db = database.Context();
        return await db.Counties.Where(c => c.Id == county).Select(c => c.Name).SingleAsync();
    }

    private static async Task<Checkpoint> LatestCheckpointAsync(TestDatabase database, CountyId county)
    {
        await using var db = database.Context();
        var text = await db.TreeHeads.Where(h => h.CountyId == county.Value).OrderByDescending(h => h.TreeSize).Select(h => h.Checkpoint).FirstAsync();
        var opened = Checkpoint.Open(text!, new NoteVerifierKey(LogOrigin.Of(county), NoteKeyType.Ed25519, database.Signer.PublicKey));
        Assert.True(opened.IsOk, opened.ToString());
        return opened.Value.Checkpoint;
    }

    [Theory]
    [Trait("Rule", "R40")]
    [Trait("Rule", "R29")]
    [Trait("Rule", "R44")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARename_TakesEffectWhenASecondAdministratorConfirms_IsLedgered_AndTheLedgerStillVerifies(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var inspector = await PolicyFlow.NameDisciplineInspectionAsync(county);
        var before = await LatestCheckpointAsync(database, county.County);
        var changes = new CountyChangeOperations(database.Writer);

        var proposed = await changes.ProposeRenameAsync(county.County, "  清河市 ", "撤县设市", Admin);
        Assert.True(proposed.IsOk, proposed.ToString());
        Assert.Equal("清河县", await NameAsync(database, county.County));
        var alone = await changes.ConfirmAsync(county.County, proposed.Value.Id, Admin);
        Assert.Equal("R40.ProposerCannotConfirm", alone.Refusal?.Key);
        Assert.Equal("清河县", await NameAsync(database, county.County));

        var confirmed = await changes.ConfirmAsync(county.County, proposed.Value.Id, Admin2);

        Assert.True(confirmed.IsOk, confirmed.ToString());
        Assert.Equal(CountyChangeState.Confirmed, confirmed.Value.State);
        Assert.Equal("清河市", await NameAsync(database, county.County));
        await using (var db = database.Context())
        {
            var kinds = await db.LedgerEntries.Where(e => e.CountyId == county.County.Value && e.SubjectId == proposed.Value.Id).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync();
            Assert.Equal(["county-change.proposed", "county-change.confirmed"], kinds);
            var renamed = await db.LedgerEntries.Where(e => e.CountyId == county.County.Value && e.SubjectType == "County" && e.SubjectId == county.County.Value).OrderByDescending(e => e.Sequence).FirstAsync();
            Assert.Equal("county-change.confirmed", renamed.Kind);
            Assert.Contains("\"Name\":\"清河市\"", LedgerEntry.Parse(renamed.Bytes).Data, StringComparison.Ordinal);
            var told = await db.Set<Notification>().Where(n => n.SubjectId == proposed.Value.Id).Select(n => new { n.RecipientId, n.Kind }).ToListAsync();
            Assert.Equal(2, told.Count);
            Assert.All(told, n => Assert.Equal(inspector, n.RecipientId));
            Assert.Contains(told, n => n.Kind == NotificationKind.CountyChangeProposed);
            Assert.Contains(told, n => n.Kind == NotificationKind.CountyChangeConfirmed);
        }

        // R44: the log is the county's by id: the same origin after the rename, and what was signed before still verifies.
        await database.AssertLedgerIntactAsync();
        var after = await LatestCheckpointAsync(database, county.County);
        Assert.Equal(before.Origin, after.Origin);
        Assert.Equal(LogOrigin.Of(county.County), after.Origin);
        Assert.True(after.Size > before.Size);
        await using (var db = database.Context())
        {
            var audit = await LedgerAudit.RunAsync(db, [database.Signer.PublicKey], [before]);
            Assert.True(audit.IsIntact, string.Join("\n", audit.Counties.SelectMany(c => c.Ledger.Problems.Select(p => p.Message))));
        }
    }

    [Theory]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARenameToTheSameName_OrToNoName_IsRefused_AndNothingIsProposed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        await PolicyFlow.NameDisciplineInspectionAsync(county);
        var changes = new CountyChangeOperations(database.Writer);

        var same = await changes.ProposeRenameAsync(county.County, " 清河县", "不变", Admin);
        var empty = await changes.ProposeRenameAsync(county.County, " ", "空名", Admin);
        var throughJson = await changes.ProposeAsync(county.County, CountyChangeSubject.CountyName, """{"name":"清河县"}""", "不变", Admin);

        Assert.Equal("R40.CountyNameUnchanged", same.Refusal?.Key);
        Assert.Equal("R40.CountyNameEmpty", empty.Refusal?.Key);
        Assert.Equal("R40.CountyNameUnchanged", throughJson.Refusal?.Key);
        await using var db = database.Context();
        Assert.False(await db.Set<CountyChange>().AnyAsync(c => c.CountyId == county.County && c.Subject == CountyChangeSubject.CountyName));
    }

    [Theory]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARenamedDemoCounty_IsStillFoundAsTheDemo_SoItIsNeverSeededTwice(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database); // created as 清河县, the demo county's name
        await new OrganizationOperations(database.Writer).CreateCountyAsync("另一个县", Core.Organization.CountyBounds.Default);
        await PolicyFlow.NameDisciplineInspectionAsync(county);
        var changes = new CountyChangeOperations(database.Writer);
        var proposed = await changes.ProposeRenameAsync(county.County, "清河市", "撤县设市", Admin);
        Assert.True((await changes.ConfirmAsync(county.County, proposed.Value.Id, Admin2)).IsOk);

        await using var db = database.Context();
        Assert.Equal(county.County, await DemoCounty.FindAsync(db));
        Assert.True(await DemoCounty.ExistsAsync(db));
    }
}
