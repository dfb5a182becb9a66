using Fenquan.Core.Attachments;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Attachments;

// Issue 14: the form's vouchers are stored in the same operation as the submission, on SQLite and PostgreSQL.
public class SubmissionWithAttachmentsTests
{
    private static byte[] Pdf() => "%PDF-1.4\n%发票\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private static SubmitMatter Claim(TestCounty county) =>
        new(county.County, county.Unit, MatterKind.Expense, "差旅费报销", 1_200m, Payee.Person(county["周杰"], "周杰"), county["周杰"], InitiatorKind.Staff, MatterFlags.None, new DateOnly(2026, 3, 2));

    [Theory]
    [Trait("Rule", "R44")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SubmitWith_StoresTheMatterAndItsFilesInOneLedgeredUnit(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var store = new AttachmentStore(database.Data);
        var attachments = new AttachmentOperations(database.Writer, store);

        var submitted = await attachments.SubmitWithAsync(county.Matters, Claim(county), null, null, [new UploadedFile("发票.pdf", new MemoryStream(Pdf()))]);

        Assert.True(submitted.IsOk, submitted.ToString());
        await using var db = database.Context();
        var stored = Assert.Single(await AttachmentOperations.ListAsync(db, county.County, submitted.Value.Id));
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.True(File.Exists(store.PathOf(stored.ContentHash)));
        // The matter, its file and the office's notice of the new task: all in the submission's unit.
        var notices = await db.Set<Fenquan.Core.Notifications.Notification>().AsNoTracking().Where(n => n.SubjectId == submitted.Value.Id.Value).Select(n => n.Id).ToListAsync();
        Assert.NotEmpty(notices);
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.SubjectId == submitted.Value.Id.Value || e.SubjectId == stored.Id.Value || notices.Contains(e.SubjectId)).OrderBy(e => e.Sequence).ToListAsync();
        Assert.All(entries, e => Assert.Equal("matter.submitted", e.Kind));
        Assert.Equal(entries[0].Sequence, entries[^1].Sequence - (entries.Count - 1));
        Assert.Contains(entries, e => LedgerEntry.Parse(e.Bytes).SubjectType == nameof(Attachment));
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SubmitWith_AFileThatIsNotAPdfJpegOrPng_SubmitsNothingAndStoresNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var store = new AttachmentStore(database.Data);
        var attachments = new AttachmentOperations(database.Writer, store);
        await using var before = database.Context();
        var ledger = await before.LedgerEntries.CountAsync();

        var submitted = await attachments.SubmitWithAsync(county.Matters, Claim(county), null, null,
            [new UploadedFile("发票.pdf", new MemoryStream(Pdf())), new UploadedFile("发票2.pdf", new MemoryStream("MZ\x90\0 not a pdf"u8.ToArray()))]);

        Assert.False(submitted.IsOk);
        await using var db = database.Context();
        Assert.Equal(0, await db.Matters.CountAsync());
        Assert.Equal(0, await db.Set<Attachment>().CountAsync());
        Assert.Equal(ledger, await db.LedgerEntries.CountAsync());
        Assert.False(Directory.Exists(database.Data.UploadsFolder) && Directory.EnumerateFiles(database.Data.UploadsFolder, "*", SearchOption.AllDirectories).Any());
    }

    [Theory]
    [Trait("Rule", "R44")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SubmitWith_AFileOverTheLimit_SubmitsNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var attachments = new AttachmentOperations(database.Writer, new AttachmentStore(database.Data), new AttachmentLimits(64));
        var big = Pdf().Concat(new byte[100]).ToArray();

        var submitted = await attachments.SubmitWithAsync(county.Matters, Claim(county), null, null, [new UploadedFile("发票.pdf", new MemoryStream(big))]);

        Assert.False(submitted.IsOk);
        Assert.Equal(AttachmentRules.TooLargeId, submitted.Refusal!.RuleId);
        await using var db = database.Context();
        Assert.Equal(0, await db.Matters.CountAsync());
    }
}
