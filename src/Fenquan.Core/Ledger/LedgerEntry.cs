using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Ledger;

/// <summary>
/// One ledger entry (R44): a state change of one subject row, in one county's single total order.
/// Its canonical bytes are what is hashed into the Merkle tree and exported (one entry per line), so
/// they are fixed: compact UTF-8 JSON, properties in this order, culture-invariant, no newline:
/// <c>{"seq":N,"county":"guid","at":"2026-01-02T03:04:05.0000000Z","kind":"...","subjectType":"...","subjectId":"guid","data":{...}}</c>.
/// "seq" comes first so a verifier can read it without parsing the rest.
/// </summary>
public sealed record LedgerEntry
{
    private const string AtFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private static ReadOnlySpan<byte> SeqName => "seq"u8;

    /// <param name="data">The JSON snapshot of the subject row after the change; whitespace between tokens is removed.</param>
    public LedgerEntry(CountyId county, long sequence, DateTimeOffset at, string kind, string subjectType, Guid subjectId, string data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectType);
        ArgumentNullException.ThrowIfNull(data);
        County = county;
        Sequence = sequence;
        At = at.ToUniversalTime();
        Kind = kind;
        SubjectType = subjectType;
        SubjectId = subjectId;
        Data = Encoding.UTF8.GetString(CompactJson(Encoding.UTF8.GetBytes(data)));
    }

    /// <param name="dataUtf8">The JSON snapshot as UTF-8 (e.g. from JsonSerializer.SerializeToUtf8Bytes).</param>
    public LedgerEntry(CountyId county, long sequence, DateTimeOffset at, string kind, string subjectType, Guid subjectId, ReadOnlySpan<byte> dataUtf8)
        : this(county, sequence, at, kind, subjectType, subjectId, Encoding.UTF8.GetString(dataUtf8))
    {
    }

    public CountyId County { get; }

    /// <summary>0-based position in the county's ledger.</summary>
    public long Sequence { get; }

    /// <summary>When the change was made, in UTC (passed in, never read from a clock here).</summary>
    public DateTimeOffset At { get; }

    /// <summary>What happened, e.g. "matter.submitted".</summary>
    public string Kind { get; }

    /// <summary>The kind of row that changed, e.g. "Matter".</summary>
    public string SubjectType { get; }

    public Guid SubjectId { get; }

    /// <summary>The compact JSON snapshot of the subject row after the change.</summary>
    public string Data { get; }

    /// <summary>The canonical bytes: what is hashed (leaf = SHA-256(0x00 ‖ bytes)) and exported as one JSON line.</summary>
    public byte[] ToCanonicalBytes()
    {
        var buffer = new ArrayBufferWriter<byte>(256 + Data.Length);
        WriteCanonical(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the canonical bytes into <paramref name="output"/>.</summary>
    public void WriteCanonical(IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, SkipValidation = false });
        writer.WriteStartObject();
        writer.WriteNumber(SeqName, Sequence);
        writer.WriteString("county"u8, County.Value.ToString("D"));
        writer.WriteString("at"u8, At.UtcDateTime.ToString(AtFormat, CultureInfo.InvariantCulture));
        writer.WriteString("kind"u8, Kind);
        writer.WriteString("subjectType"u8, SubjectType);
        writer.WriteString("subjectId"u8, SubjectId.ToString("D"));
        writer.WritePropertyName("data"u8);
        writer.WriteRawValue(Data, skipInputValidation: false);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The canonical bytes of the entry these values make, without making it: byte for byte what
    /// <c>new LedgerEntry(...).ToCanonicalBytes()</c> returns (and throws what the constructor throws),
    /// at a fraction of the cost, for the writer's hot path (R44). Kind and subject type made only of
    /// characters JSON never escapes are copied; anything else goes through the JSON writer.
    /// </summary>
    /// <param name="dataUtf8">The JSON snapshot as UTF-8; whitespace between tokens is removed as by the constructor.</param>
    public static byte[] CanonicalBytes(CountyId county, long sequence, DateTimeOffset at, string kind, string subjectType, Guid subjectId, ReadOnlySpan<byte> dataUtf8)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectType);
        if (!IsPlain(kind) || !IsPlain(subjectType) || !System.Text.Unicode.Utf8.IsValid(dataUtf8))
        {
            return new LedgerEntry(county, sequence, at, kind, subjectType, subjectId, dataUtf8).ToCanonicalBytes();
        }

        ValidateJson(dataUtf8);

        // {"seq":N,"county":"…","at":"…","kind":"…","subjectType":"…","subjectId":"…","data":…}: 197 bytes and the variable parts.
        int capacity = 256 + kind.Length + subjectType.Length + dataUtf8.Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            Span<byte> output = rented;
            int length = 0;
            Put(output, ref length, "{\"seq\":"u8);
            sequence.TryFormat(output[length..], out int written, default, CultureInfo.InvariantCulture);
            length += written;
            Put(output, ref length, ",\"county\":\""u8);
            county.Value.TryFormat(output[length..], out written, "D");
            length += written;
            Put(output, ref length, "\",\"at\":\""u8);

            // "O" of a UTC DateTime is exactly AtFormat: yyyy-MM-ddTHH:mm:ss.fffffffZ.
            at.UtcDateTime.TryFormat(output[length..], out written, "O", CultureInfo.InvariantCulture);
            length += written;
            Put(output, ref length, "\",\"kind\":\""u8);
            length += Encoding.ASCII.GetBytes(kind, output[length..]);
            Put(output, ref length, "\",\"subjectType\":\""u8);
            length += Encoding.ASCII.GetBytes(subjectType, output[length..]);
            Put(output, ref length, "\",\"subjectId\":\""u8);
            subjectId.TryFormat(output[length..], out written, "D");
            length += written;
            Put(output, ref length, "\",\"data\":"u8);
            length += Compact(dataUtf8, output[length..]);
            Put(output, ref length, "}"u8);
            return output[..length].ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <inheritdoc cref="CanonicalBytes(CountyId, long, DateTimeOffset, string, string, Guid, ReadOnlySpan{byte})"/>
    public static byte[] CanonicalBytes(CountyId county, long sequence, DateTimeOffset at, string kind, string subjectType, Guid subjectId, string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int max = Encoding.UTF8.GetMaxByteCount(data.Length);
        byte[]? rented = max > 1024 ? ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> utf8 = rented is null ? stackalloc byte[1024] : rented;
            int length = Encoding.UTF8.GetBytes(data, utf8);
            return CanonicalBytes(county, sequence, at, kind, subjectType, subjectId, utf8[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void Put(Span<byte> output, ref int length, ReadOnlySpan<byte> text)
    {
        text.CopyTo(output[length..]);
        length += text.Length;
    }

    /// <summary>
    /// Characters the JSON writer's default encoder writes as they are: printable ASCII except the
    /// quote, backslash and the HTML-sensitive characters it escapes (&amp; ' &lt; &gt; + `).
    /// </summary>
    private static bool IsPlain(string text)
    {
        foreach (char c in text)
        {
            if (c is < ' ' or > '~' or '"' or '\\' or '&' or '\'' or '<' or '>' or '+' or '`')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads an entry back from its canonical bytes. Throws <see cref="FormatException"/> when they are not.</summary>
    public static LedgerEntry Parse(ReadOnlySpan<byte> bytes)
    {
        long? seq = null;
        Guid? county = null;
        DateTimeOffset? at = null;
        string? kind = null;
        string? subjectType = null;
        Guid? subjectId = null;
        string? data = null;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "an object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                Expect(reader.Read(), "a value");
                switch (name)
                {
                    case "seq":
                        seq = reader.GetInt64();
                        break;
                    case "county":
                        county = Guid.ParseExact(reader.GetString()!, "D");
                        break;
                    case "at":
                        at = new DateTimeOffset(DateTime.ParseExact(reader.GetString()!, AtFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
                        break;
                    case "kind":
                        kind = reader.GetString();
                        break;
                    case "subjectType":
                        subjectType = reader.GetString();
                        break;
                    case "subjectId":
                        subjectId = Guid.ParseExact(reader.GetString()!, "D");
                        break;
                    case "data":
                        int start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        data = Encoding.UTF8.GetString(bytes[start..(int)reader.BytesConsumed]);
                        break;
                    default:
                        throw new FormatException($"Unknown ledger entry property '{name}'.");
                }
            }

            Expect(reader.TokenType == JsonTokenType.EndObject && !reader.Read(), "the end of the entry");
        }
        catch (JsonException e)
        {
            throw new FormatException("A ledger entry is not valid JSON.", e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException("A ledger entry has a property of the wrong type.", e);
        }

        if (seq is null || county is null || at is null || kind is null || subjectType is null || subjectId is null || data is null)
        {
            throw new FormatException("A ledger entry lacks a required property.");
        }

        return new LedgerEntry(new CountyId(county.Value), seq.Value, at.Value, kind, subjectType, subjectId.Value, data);
    }

    /// <summary>
    /// Reads only the sequence number, the first property, for fast verification. False when the bytes
    /// do not start with <c>{"seq":N</c>.
    /// </summary>
    public static bool TryReadSequence(ReadOnlySpan<byte> bytes, out long sequence)
    {
        // Fast path for the canonical form; the general reader below accepts the same thing.
        ReadOnlySpan<byte> prefix = "{\"seq\":"u8;
        if (bytes.StartsWith(prefix)
            && Utf8Parser.TryParse(bytes[prefix.Length..], out sequence, out int consumed)
            && consumed > 0
            && prefix.Length + consumed < bytes.Length
            && bytes[prefix.Length + consumed] == (byte)','
            && sequence >= 0
            && (bytes[prefix.Length] != (byte)'0' || consumed == 1))
        {
            return true;
        }

        sequence = -1;
        try
        {
            var reader = new Utf8JsonReader(bytes);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(SeqName)
                && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value) && value >= 0)
            {
                sequence = value;
                return true;
            }
        }
        catch (JsonException)
        {
            // Falls through: not an entry.
        }

        return false;
    }

    /// <summary>
    /// Where an entry's <c>data</c> value lies in its bytes, without reading the rest of the entry
    /// into objects: `fenquan verify` compares a row's snapshot with these bytes as they are (R44).
    /// False when the bytes are not a JSON object with a <c>data</c> member.
    /// </summary>
    public static bool TryFindData(ReadOnlySpan<byte> bytes, out Range data)
    {
        data = default;
        try
        {
            var reader = new Utf8JsonReader(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isData = reader.ValueTextEquals("data"u8);
                if (!reader.Read())
                {
                    return false;
                }

                int start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (isData)
                {
                    data = start..(int)reader.BytesConsumed;
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // Falls through: not an entry.
        }

        return false;
    }

    /// <summary>
    /// Removes whitespace between JSON tokens (never inside strings, which cannot hold a raw newline),
    /// keeping the caller's escaping, so the snapshot is deterministic and the entry fits on one line.
    /// </summary>
    private static byte[] CompactJson(byte[] json)
    {
        ValidateJson(json);
        var output = new byte[json.Length];
        return output.AsSpan(0, Compact(json, output)).ToArray();
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="json"/> is exactly one JSON value.</summary>
    private static void ValidateJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read())
            {
                throw new ArgumentException("The data must be one JSON value.", "data");
            }

            reader.Skip();
            if (reader.Read())
            {
                throw new ArgumentException("The data must be one JSON value.", "data");
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentException("The data is not valid JSON.", "data", e);
        }
    }

    /// <summary>Copies valid JSON into <paramref name="output"/> without whitespace between tokens; returns the length.</summary>
    private static int Compact(ReadOnlySpan<byte> json, Span<byte> output)
    {
        int length = 0;
        bool inString = false;
        bool escaped = false;
        foreach (byte b in json)
        {
            if (inString)
            {
                output[length++] = b;
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    escaped = true;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                continue;
            }
            else
            {
                output[length++] = b;
                inString = b == (byte)'"';
            }
        }

        return length;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new FormatException($"A ledger entry must have {what} here.");
        }
    }
}
