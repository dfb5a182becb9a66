using Fenquan.Core.Attachments;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;

namespace Fenquan.Core.Tests.Attachments;

public class AttachmentRulesTests
{
    private static readonly byte[] PngHead = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Png_RenamedPdf_IsDetectedAsPng()
    {
        var result = AttachmentRules.Check(PngHead, 1000, "发票.pdf", AttachmentLimits.Default);

        Assert.True(result.IsOk, result.ToString());
        Assert.Equal("image/png", result.Value.ContentType);
        Assert.Equal("发票.pdf.png", result.Value.FileName); // kept, with the content's own extension
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "application/pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46 }, "image/jpeg")]
    public void PdfAndJpeg_AreDetectedByContent(byte[] head, string expected) =>
        Assert.Equal(expected, AttachmentRules.Check(head, 5000, "x.png", AttachmentLimits.Default).Value.ContentType);

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 })] // EXE (MZ)
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E, 0x3C, 0x73 })] // <html><s
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 })] // ZIP
    [InlineData(new byte[] { 0x20, 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E })] // " %PDF-" not at the start
    public void DisguisedPdf_ThatIsReallyExeHtmlOrZip_IsRefused(byte[] head)
    {
        var result = AttachmentRules.Check(head, 5000, "invoice.pdf", AttachmentLimits.Default);

        Assert.False(result.IsOk);
        Assert.Equal(Refusal.InvalidId, result.Refusal!.RuleId);
    }

    [Fact]
    public void EmptyFile_IsRefused() =>
        Assert.Equal(Refusal.InvalidId, AttachmentRules.Check([], 0, "a.pdf", AttachmentLimits.Default).Refusal!.RuleId);

    [Fact]
    public void FileOverTheLimit_IsRefusedAsTooLarge() =>
        Assert.Equal(AttachmentRules.TooLargeId, AttachmentRules.Check(PngHead, (10L * 1024 * 1024) + 1, "a.png", AttachmentLimits.Default).Refusal!.RuleId);

    [Fact]
    public void FileAtTheLimit_IsAccepted() =>
        Assert.True(AttachmentRules.Check(PngHead, 10L * 1024 * 1024, "a.png", AttachmentLimits.Default).IsOk);

    [Theory]
    [InlineData("../../etc/passwd.png", "passwd.png")]
    [InlineData("C:\\Users\\x\\票据.PNG", "票据.PNG")]
    [InlineData("a\u0000b<c>.png", "a_b_c_.png")]
    [InlineData("\u202Efdp.exe", "_fdp.exe.png")]
    [InlineData("...", "attachment.png")]
    [InlineData("", "attachment.png")]
    public void FileName_IsSanitised(string name, string expected) =>
        Assert.Equal(expected, AttachmentRules.SanitizeFileName(name, AttachmentRules.Png));

    // A name whose extension is not its content's is never kept as it is: "evil.html" holding a PDF
    // would be opened as a web page by whoever downloads it.
    [Theory]
    [InlineData("evil.html", AttachmentRules.Pdf, "evil.html.pdf")]
    [InlineData("scan.jpeg", AttachmentRules.Jpeg, "scan.jpeg")]
    [InlineData("scan.JPG", AttachmentRules.Jpeg, "scan.JPG")]
    [InlineData("scan.png", AttachmentRules.Jpeg, "scan.png.jpg")]
    [InlineData("发票", AttachmentRules.Pdf, "发票.pdf")]
    [InlineData("发票.pdf", AttachmentRules.Pdf, "发票.pdf")]
    public void FileName_CarriesTheExtensionOfItsContent(string name, string type, string expected) =>
        Assert.Equal(expected, AttachmentRules.SanitizeFileName(name, type));

    [Fact]
    public void LongFileName_IsCutKeepingItsExtension()
    {
        var name = AttachmentRules.SanitizeFileName(new string('票', 300) + ".pdf", AttachmentRules.Pdf);

        Assert.Equal(200, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }
}

public class AttachmentCreateTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private readonly TestOrg _org = TestOrg.Township();
    private static readonly AttachmentCheck Png = new(AttachmentRules.Png, "发票.png");

    [Fact]
    [Trait("Rule", "R8")]
    public void Initiator_MayAttachAVoucher()
    {
        var matter = _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);

        var attachment = Attachment.Create(matter, _org["孙磊"], Png, 10, Hash, _org.View(), TestOrg.Now);

        Assert.True(attachment.IsOk, attachment.ToString());
        Assert.Equal(matter.Id, attachment.Value.MatterId);
        Assert.Equal(Hash, attachment.Value.ContentHash);
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void WhoeverTheMatterWaitsFor_MayAttach_AndAStrangerIsRefused()
    {
        var matter = _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);

        Assert.True(Attachment.Create(matter, _org["周敏"], Png, 10, Hash, _org.View(), TestOrg.Now).IsOk);
        var stranger = Attachment.Create(matter, _org["郑芳"], Png, 10, Hash, _org.View(), TestOrg.Now);
        Assert.Equal("R8", stranger.Refusal!.RuleId);
        Assert.Equal("R8", Attachment.Create(matter, _org["王志强"], Png, 10, Hash, _org.View(), TestOrg.Now).Refusal!.RuleId);
    }

    [Fact]
    public void AHashThatIsNotSha256Hex_IsRefused()
    {
        var matter = _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);

        Assert.Equal(Refusal.InvalidId, Attachment.Create(matter, _org["孙磊"], Png, 10, "ABC", _org.View(), TestOrg.Now).Refusal!.RuleId);
    }
}
