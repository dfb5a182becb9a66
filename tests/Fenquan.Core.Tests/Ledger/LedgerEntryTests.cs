using System.Globalization;
using System.Text;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Ledger;

// R44: an entry's canonical bytes are what is hashed and exported, so they must be exactly
// reproducible: fixed property order, invariant culture, UTC, one line.
[Trait("Rule", "R44")]
public class LedgerEntryTests
{
    private static readonly CountyId County = new(Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
    private static readonly Guid Subject = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");

    private static LedgerEntry Sample() => new(
        County,
        42,
        new DateTimeOffset(2026, 1, 2, 11, 4, 5, TimeSpan.FromHours(8)),
        "matter.submitted",
        "Matter",
        Subject,
        """
        {
          "amount": 3000.00,
          "payee": "张三",
          "note": "line one\nline two"
        }
        """);

    [Fact]
    public void CanonicalBytes_AreTheFixedCompactJson()
    {
        string json = Encoding.UTF8.GetString(Sample().ToCanonicalBytes());

        Assert.Equal(
            """{"seq":42,"county":"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","at":"2026-01-02T03:04:05.0000000Z","kind":"matter.submitted","subjectType":"Matter","subjectId":"0190a1b2-0000-7000-8000-000000000001","data":{"amount":3000.00,"payee":"张三","note":"line one\nline two"}}""",
            json);
    }

    [Fact]
    public void CanonicalBytes_HoldNoNewline_SoTheExportIsOneEntryPerLine()
    {
        byte[] bytes = Sample().ToCanonicalBytes();
        Assert.DoesNotContain((byte)'\n', bytes);
        Assert.DoesNotContain((byte)'\r', bytes);
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("th-TH")]
    [InlineData("zh-CN")]
    public void CanonicalBytes_DoNotDependOnTheCurrentCulture(string culture)
    {
        byte[] invariant = Sample().ToCanonicalBytes();
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.Equal(invariant, Sample().ToCanonicalBytes());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Parse_RoundTripsTheEntryAndItsBytes()
    {
        LedgerEntry entry = Sample();
        byte[] bytes = entry.ToCanonicalBytes();

        LedgerEntry parsed = LedgerEntry.Parse(bytes);

        Assert.Equal(entry, parsed);
        Assert.Equal(bytes, parsed.ToCanonicalBytes());
        Assert.Equal(TimeSpan.Zero, parsed.At.Offset);
    }

    [Fact]
    public void TryReadSequence_ReadsOnlyTheLeadingSeq()
    {
        Assert.True(LedgerEntry.TryReadSequence(Sample().ToCanonicalBytes(), out long seq));
        Assert.Equal(42, seq);
        Assert.True(LedgerEntry.TryReadSequence("{ \"seq\" : 7 , \"x\": 1}"u8, out seq));
        Assert.Equal(7, seq);
        Assert.False(LedgerEntry.TryReadSequence("{\"county\":\"x\",\"seq\":1}"u8, out _));
        Assert.False(LedgerEntry.TryReadSequence("{\"seq\":-1,"u8, out _));
        Assert.False(LedgerEntry.TryReadSequence("{\"seq\":\"1\","u8, out _));
        Assert.False(LedgerEntry.TryReadSequence("not json"u8, out _));
        Assert.False(LedgerEntry.TryReadSequence([], out _));
    }

    [Theory]
    [InlineData("{\"seq\":1}")]
    [InlineData("{\"seq\":1,\"county\":\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\",\"at\":\"2026-01-02T03:04:05.0000000Z\",\"kind\":\"k\",\"subjectType\":\"T\",\"subjectId\":\"0190a1b2-0000-7000-8000-000000000001\",\"data\":{},\"extra\":1}")]
    [InlineData("{\"seq\":1,")]
    [InlineData("[]")]
    public void Parse_RefusesWhatIsNotAnEntry(string text)
    {
        Assert.Throws<FormatException>(() => LedgerEntry.Parse(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void DataGivenAsUtf8_GivesTheSameEntry()
    {
        LedgerEntry fromString = Sample();
        var fromBytes = new LedgerEntry(County, 42, fromString.At, "matter.submitted", "Matter", Subject, Encoding.UTF8.GetBytes(fromString.Data));

        Assert.Equal(fromString.ToCanonicalBytes(), fromBytes.ToCanonicalBytes());
    }

    [Fact]
    public void Data_MustBeOneJsonValue()
    {
        Assert.Throws<ArgumentException>(() => new LedgerEntry(County, 0, DateTimeOffset.UnixEpoch, "k", "T", Subject, "{"));
        Assert.Throws<ArgumentException>(() => new LedgerEntry(County, 0, DateTimeOffset.UnixEpoch, "k", "T", Subject, "{} {}"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LedgerEntry(County, -1, DateTimeOffset.UnixEpoch, "k", "T", Subject, "{}"));
    }
}
