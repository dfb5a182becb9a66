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

    [Fact]
    public void TryFindData_FindsTheDataBytesParseReads()
    {
        byte[] bytes = Sample().ToCanonicalBytes();

        Assert.True(LedgerEntry.TryFindData(bytes, out Range data));
        Assert.Equal(LedgerEntry.Parse(bytes).Data, Encoding.UTF8.GetString(bytes.AsSpan(data)));

        // A deletion records null; an entry without data, or what is not an object, has none to find.
        Assert.True(LedgerEntry.TryFindData("{\"seq\":1,\"data\":null}"u8, out data));
        Assert.Equal("null", Encoding.UTF8.GetString("{\"seq\":1,\"data\":null}"u8[data]));
        Assert.False(LedgerEntry.TryFindData("{\"seq\":1,\"kind\":\"data\"}"u8, out _));
        Assert.False(LedgerEntry.TryFindData("[\"data\"]"u8, out _));
        Assert.False(LedgerEntry.TryFindData("{\"seq\":1,\"data\":{"u8, out _));
        Assert.False(LedgerEntry.TryFindData([], out _));
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

    // The writer's fast path must give exactly the bytes of the reference (Utf8JsonWriter) path:
    // a single differing byte would make every leaf hash, root and signed tree head differ.
    public static TheoryData<string, string, string, long, int> FastPathCases() => new()
    {
        { "signin.succeeded", "SignIn", """{"person":"基准","ip":"127.0.0.1","ok":true}""", 0, 0 },
        { "matter.submitted", "Matter", "{\n  \"amount\": 3000.00,\r\n\t\"payee\": \"张三\",\"note\":\"a \\\" b\\n\"\n}", 42, 8 },
        { "matter.deleted", "Matter", "null", long.MaxValue, -5 },
        { "k", "T", " [ 1 , \"x y\" , { } ] ", 9_999_999_999, 14 },
        { "人员.新增", "Person", "{}", 7, 0 },
        { "kind<script>", "A&B", "{}", 7, 0 },
        { "it's", "a+b", "\"\\u00e9\u00e9\"", 1, 0 },
        { "tab\tkind", "Type", "{}", 1, 0 },
        { "del\u007fkind", "Type`", "{}", 1, 0 },
        { "emoji😀", "Type", "{\"s\":\"😀\"}", 1, 0 },
    };

    [Theory]
    [MemberData(nameof(FastPathCases))]
    public void CanonicalBytesWithoutAnEntry_EqualTheEntrysCanonicalBytes(string kind, string subjectType, string data, long sequence, int offsetHours)
    {
        var at = new DateTimeOffset(2026, 11, 28, 3, 4, 5, TimeSpan.FromHours(offsetHours)).AddTicks(1234567);
        byte[] expected = new LedgerEntry(County, sequence, at, kind, subjectType, Subject, data).ToCanonicalBytes();

        Assert.Equal(expected, LedgerEntry.CanonicalBytes(County, sequence, at, kind, subjectType, Subject, data));
        Assert.Equal(expected, LedgerEntry.CanonicalBytes(County, sequence, at, kind, subjectType, Subject, Encoding.UTF8.GetBytes(data)));
    }

    [Fact]
    public void CanonicalBytesWithoutAnEntry_EqualTheEntrysForEveryAsciiCharacterInKindAndType()
    {
        var at = DateTimeOffset.UnixEpoch.AddTicks(1);
        for (char c = (char)1; c < 128; c++)
        {
            string kind = "a" + c + "b";
            byte[] expected = new LedgerEntry(County, 3, at, kind, kind, Subject, "{}").ToCanonicalBytes();

            Assert.Equal(expected, LedgerEntry.CanonicalBytes(County, 3, at, kind, kind, Subject, "{}"));
        }
    }

    [Fact]
    public void CanonicalBytesWithoutAnEntry_EqualTheEntrysForLongDataAndInvalidUtf8()
    {
        var at = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string longData = "{\"text\":\"" + new string('长', 5_000) + "\"}";
        Assert.Equal(
            new LedgerEntry(County, 1, at, "k", "T", Subject, longData).ToCanonicalBytes(),
            LedgerEntry.CanonicalBytes(County, 1, at, "k", "T", Subject, longData));

        byte[] invalidUtf8 = [(byte)'"', 0xC3, (byte)'"'];
        Assert.Equal(
            new LedgerEntry(County, 1, at, "k", "T", Subject, invalidUtf8).ToCanonicalBytes(),
            LedgerEntry.CanonicalBytes(County, 1, at, "k", "T", Subject, invalidUtf8));
    }

    [Fact]
    public void CanonicalBytesWithoutAnEntry_RefusesWhatTheEntryRefuses()
    {
        Assert.Throws<ArgumentException>(() => LedgerEntry.CanonicalBytes(County, 0, DateTimeOffset.UnixEpoch, "k", "T", Subject, "{"));
        Assert.Throws<ArgumentException>(() => LedgerEntry.CanonicalBytes(County, 0, DateTimeOffset.UnixEpoch, "k", "T", Subject, "{} {}"));
        Assert.Throws<ArgumentException>(() => LedgerEntry.CanonicalBytes(County, 0, DateTimeOffset.UnixEpoch, "k", "T", Subject, ""));
        Assert.Throws<ArgumentException>(() => LedgerEntry.CanonicalBytes(County, 0, DateTimeOffset.UnixEpoch, " ", "T", Subject, "{}"));
        Assert.Throws<ArgumentOutOfRangeException>(() => LedgerEntry.CanonicalBytes(County, -1, DateTimeOffset.UnixEpoch, "k", "T", Subject, "{}"));
    }
}
