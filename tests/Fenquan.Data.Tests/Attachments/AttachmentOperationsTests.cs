using System.Security.Cryptography;
using System.Text.Json;
using Fenquan.Core.Attachments;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Attachments;

// Vouchers and documents on SQLite and PostgreSQL: typed by content, content-addressed, ledgered, verified.
public class AttachmentOperationsTests
{
    private static readonly DateOnly MatterDate = new(2026, 3, 2);

    private static byte[] Png(int size = 2048)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }

    private static async Task<(TestCounty County, Matter Matter, AttachmentOperations Attachments, AttachmentStore Store)> SetUpAsync(TestDatabase database)
    {
        var county = await TestCounty.CreateAsync(database);
        var command = new SubmitMatter(county.County, county.Unit, MatterKind.Expense, "差旅费报销", 1_200m, Payee.Person(county["周杰"], "周杰"), county["周杰"], InitiatorKind.Staff, MatterFlags.None, MatterDate);
        var matter = (await county.Matters.SubmitAsync(command)).Value;
        var store = new AttachmentStore(database.Data);
        return (county, matter, new AttachmentOperations(database.Writer, store), store);
    }

    private static async Task<int> LedgerCountAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return await db.LedgerEntries.CountAsync();
    }

    [Theory]
    [Trait("Rule", "R44")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PngRenamedPdf_IsStoredAsImagePng_AndTheLedgeredHashIsTheSha256OfTheBytes(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, matter, attachments, store) = await SetUpAsync(database);
        var bytes = Png();

        var added = await attachments.AddAsync(county.County, matter.Id, county["周杰"], "发票.pdf", new MemoryStream(bytes));

        Assert.True(added.IsOk, added.ToString());
        Assert.Equal("image/png", added.Value.ContentType);
        Assert.Equal(bytes.Length, added.Value.Size);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(sha, added.Value.ContentHash);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(store.PathOf(sha)));
        Assert.StartsWith(database.Data.UploadsFolder, store.PathOf(sha), StringComparison.Ordinal);

        await using var db = database.Context();
        var entry = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.SubjectType == nameof(Attachment) && e.SubjectId == added.Value.Id.Value);
        Assert.Equal("attachment.added", entry.Kind);
        using var data = JsonDocument.Parse(LedgerEntry.Parse(entry.Bytes).Data);
        Assert.Equal(sha, data.RootElement.GetProperty("ContentHash").GetString());

        var opened = await attachments.OpenAsync(db, county.County, added.Value.Id);
        Assert.True(opened.IsOk, opened.ToString());
        await using var content = opened.Value.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExeRenamedPdf_IsRefused_AndNothingIsStoredOrLedgered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, matter, attachments, _) = await SetUpAsync(database);
        var before = await LedgerCountAsync(database);
        var exe = new byte[4096];
        "MZ"u8.CopyTo(exe);

        var refused = await attachments.AddAsync(county.County, matter.Id, county["周杰"], "invoice.pdf", new MemoryStream(exe));

        Assert.Equal(Refusal.InvalidId, refused.Refusal!.RuleId);
        Assert.Equal(before, await LedgerCountAsync(database));
        Assert.Empty(Directory.EnumerateFiles(database.Data.UploadsFolder, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EmptyFile_AndAnElevenMiBFile_AreRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, matter, attachments, _) = await SetUpAsync(database);
        var before = await LedgerCountAsync(database);

        var empty = await attachments.AddAsync(county.County, matter.Id, county["周杰"], "a.pdf", new MemoryStream());
        var huge = await attachments.AddAsync(county.County, matter.Id, county["周杰"], "a.png", new MemoryStream(Png(11 * 1024 * 1024)));

        Assert.Equal(Refusal.InvalidId, empty.Refusal!.RuleId);
        Assert.Equal(AttachmentRules.TooLargeId, huge.Refusal!.RuleId);
        Assert.Equal(before, await LedgerCountAsync(database));
        Assert.Empty(Directory.EnumerateFiles(database.Data.UploadsFolder, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [Trait("Rule", "R8")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stranger_CannotAttachToAMatter(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, matter, attachments, _) = await SetUpAsync(database);
        var before = await LedgerCountAsync(database);

        var refused = await attachments.AddAsync(county.County, matter.Id, county["吴斌"], "发票.png", new MemoryStream(Png()));
        var unknown = await attachments.AddAsync(county.County, MatterId.New(), county["周杰"], "发票.png", new MemoryStream(Png()));

        Assert.Equal("R8", refused.Refusal!.RuleId);
        Assert.True(unknown.Refusal!.IsNotFound);
        Assert.Equal(before, await LedgerCountAsync(database));
        Assert.True((await attachments.AddAsync(county.County, matter.Id, county["赵敏"], "审核意见.png", new MemoryStream(Png()))).IsOk);
    }

    [Theory]
    [Trait("Rule", "R44")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TamperingWithAStoredFile_IsReportedByVerify_AndOpeningItIsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, matter, attachments, store) = await SetUpAsync(database);
        var bytes = Png();
        var added = (await attachments.AddAsync(county.County, matter.Id, county["周杰"], "发票.png", new MemoryStream(bytes))).Value;
        var again = (await attachments.AddAsync(county.County, matter.Id, county["周杰"], "发票-副本.png", new MemoryStream(bytes))).Value;
        Assert.Equal(added.ContentHash, again.ContentHash);
        Assert.Single(Directory.EnumerateFiles(database.Data.UploadsFolder, "*", SearchOption.AllDirectories));

        // Other files around it (before and after it in hash order, most likely) stay intact.
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await attachments.AddAsync(county.County, matter.Id, county["周杰"], $"其他{i}.png", new MemoryStream(Png()))).IsOk);
        }

        await using var db = database.Context();
        var intact = await attachments.VerifyAsync(db);
        Assert.True(intact.IsIntact);
        Assert.Equal(5, intact.FilesChecked);

        bytes[100] ^= 0xFF;
        await File.WriteAllBytesAsync(store.PathOf(added.ContentHash), bytes);

        var audit = await attachments.VerifyAsync(db);
        Assert.False(audit.IsIntact);
        Assert.Equal([added.Id, again.Id], audit.Problems.Select(p => p.AttachmentId).OrderBy(i => i.Value));
        Assert.Equal("R44", (await attachments.OpenAsync(db, county.County, added.Id)).Refusal!.RuleId);

        File.Delete(store.PathOf(added.ContentHash));
        Assert.Contains("missing", (await attachments.VerifyAsync(db)).Problems[0].Message, StringComparison.Ordinal);
    }
}
