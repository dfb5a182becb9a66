using System.Text;
using Fenquan.Core.Organization.Import;
using Fenquan.Documents.Organization;

namespace Fenquan.Documents.Tests.Organization;

// The organisation import's .csv (R1): a file saved by a spreadsheet program on a Chinese system is
// GB 18030, not UTF-8, and must read the same as the template's UTF-8.
public class OrganizationCsvTests
{
    [Theory]
    [InlineData(ImportKind.Units)]
    [InlineData(ImportKind.People)]
    [Trait("Rule", "R1")]
    public void ACsvSavedAsGb18030_ReadsTheSameAsUtf8(ImportKind kind)
    {
        var utf8 = OrganizationWorkbook.CsvTemplate(kind);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(utf8).TrimStart('\uFEFF');
        var gb18030 = Encoding.GetEncoding("GB18030").GetBytes(text);
        Assert.False(System.Text.Unicode.Utf8.IsValid(gb18030)); // the Chinese headers make it not UTF-8

        var fromUtf8 = OrganizationWorkbook.Read(new MemoryStream(utf8), "import.csv", kind);
        var fromGb = OrganizationWorkbook.Read(new MemoryStream(gb18030), "import.csv", kind);

        Assert.True(fromUtf8.IsOk, fromUtf8.ToString());
        Assert.True(fromGb.IsOk, fromGb.ToString());
        var expected = fromUtf8.Value.Sheets.Single().Rows.Single().Cells;
        var actual = fromGb.Value.Sheets.Single().Rows.Single().Cells;
        Assert.Equal(expected.OrderBy(c => c.Key, StringComparer.Ordinal), actual.OrderBy(c => c.Key, StringComparer.Ordinal));
        Assert.Contains(actual.Values, v => v is not null && v.Any(c => c >= '\u4e00' && c <= '\u9fff'));
    }
}
