using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fenquan.Data.Ledger;

/// <summary>
/// The canonical snapshot of a row, as the ledger records it and as `fenquan verify` recomputes it
/// from the stored row (R44): every mapped property by name in ordinal order, values formatted
/// culture-invariantly and normalised to what both databases store (money to the fen, times in UTC
/// to the microsecond), so that a row read back compares equal to the row that was written.
/// </summary>
internal static class EntitySnapshot
{
    // Chinese text stays readable in the ledger and its export; only what JSON requires is escaped.
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ITypeBase, Member[]> Plans = new();

    // Properties added to an already ledgered table after the first schema: left out of a snapshot
    // while they hold their default, so a row ledgered before the column existed still reads as it
    // was recorded after the upgrade (UpgradeTests), and a new row at the default reads the same way.
    private static readonly HashSet<(string Type, string Property)> AddedLater =
    [
        (nameof(Core.Organization.County), nameof(Core.Organization.County.TwoFactorRequired)),
        (nameof(Core.CountyChanges.CountyChange), nameof(Core.CountyChanges.CountyChange.TookEffectAt)),
        (nameof(Core.CountyChanges.CountyChange), nameof(Core.CountyChanges.CountyChange.WaitingForIds)),
        (nameof(Core.Finance.Inspection.Rectification), nameof(Core.Finance.Inspection.Rectification.OpenedOn)),
    ];

    public static byte[] Of(EntityEntry entry) => Of(entry.Entity, entry.Metadata);

    /// <summary>The snapshot of an entity of the given type, read without asking a context to track or describe it.</summary>
    public static byte[] Of(object entity, ITypeBase type)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            WriteMembers(writer, entity, PlanOf(type));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // Every mapped, non-shadow property and complex property of the type, in ordinal name order,
    // read through EF's own getters: worked out once per type, not per snapshot.
    private static Member[] PlanOf(ITypeBase type) => Plans.GetOrAdd(type, static t =>
    [
        .. t.GetProperties().Where(p => !p.IsShadowProperty())
            .Select(p => new Member(p.Name, p.GetGetter(), p.GetTypeMapping().Converter, null, IsAddedLater(t, p)))
            .Concat(t.GetComplexProperties().Select(c => new Member(c.Name, c.GetGetter(), null, c.ComplexType, false)))
            .OrderBy(m => m.Name, StringComparer.Ordinal),
    ]);

    private static void WriteMembers(Utf8JsonWriter writer, object entity, Member[] members)
    {
        foreach (var member in members)
        {
            var value = member.Getter.GetClrValueUsingContainingEntity(entity);
            if (member.OmitWhenDefault && value is null or false or "")
            {
                continue;
            }

            writer.WritePropertyName(member.Name);
            if (member.Complex is not { } complex)
            {
                WriteValue(writer, value, member.Converter);
            }
            else if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                // Nested complex values are read from the containing entity, as EF's getters expect.
                writer.WriteStartObject();
                WriteMembers(writer, entity, PlanOf(complex));
                writer.WriteEndObject();
            }
        }
    }

    /// <summary>Whether the property was added to its ledgered table later, and is left out of a snapshot while it holds its default.</summary>
    public static bool IsAddedLater(ITypeBase type, IProperty property) => AddedLater.Contains((type.ClrType.Name, property.Name));

    /// <summary>Whether a value of this CLR type is written as it is, not through its property's converter.</summary>
    public static bool WritesAsIs(Type type) =>
        type == typeof(string) || type == typeof(Guid) || type == typeof(decimal) || type == typeof(DateTimeOffset) || type == typeof(DateTime)
        || type == typeof(DateOnly) || type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(byte[]);

    private sealed record Member(string Name, IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, IComplexType? Complex, bool OmitWhenDefault);

    /// <summary>Writes one value as the snapshot records it: through <paramref name="converter"/> unless <see cref="WritesAsIs"/>.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
    {
        if (value is not null && !IsPrimitive(value) && converter is not null)
        {
            value = converter.ConvertToProvider(value);
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case Guid guid:
                Write(writer, guid);
                break;
            case decimal money:
                Write(writer, money);
                break;
            case DateTimeOffset moment:
                Write(writer, moment);
                break;
            case DateTime moment:
                Write(writer, moment);
                break;
            case DateOnly day:
                Write(writer, day);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case Enum named:
                writer.WriteStringValue(named.ToString());
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static bool IsPrimitive(object value) => WritesAsIs(value.GetType());

    // The values a snapshot writes as text, formatted on the stack (a row has several; `fenquan verify` writes millions).
    public static void Write(Utf8JsonWriter writer, Guid guid)
    {
        Span<char> text = stackalloc char[36];
        guid.TryFormat(text, out var written, "D");
        writer.WriteStringValue(text[..written]);
    }

    public static void Write(Utf8JsonWriter writer, decimal money)
    {
        Span<char> text = stackalloc char[48];
        decimal.Round(money, 2, MidpointRounding.ToEven).TryFormat(text, out var written, "F2", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    public static void Write(Utf8JsonWriter writer, DateTimeOffset moment)
    {
        Span<char> text = stackalloc char[40];
        Microseconds(moment.UtcDateTime).TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    public static void Write(Utf8JsonWriter writer, DateTime moment)
    {
        Span<char> text = stackalloc char[40];
        Microseconds(moment).TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    public static void Write(Utf8JsonWriter writer, DateOnly day)
    {
        Span<char> text = stackalloc char[16];
        day.TryFormat(text, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    private static DateTime Microseconds(DateTime moment) => new(moment.Ticks - (moment.Ticks % 10), moment.Kind);

    /// <summary>
    /// Whether a row's snapshot <paramref name="now"/> says what the ledger recorded in
    /// <paramref name="recorded"/> but for members the recorded one lacks and the row holds empty:
    /// columns a later migration added (a person's staff number, say), empty on rows written before
    /// it: null, or the default a migration gives a required column (0.00, 0, false, ""; a budget
    /// line's later <c>Raised</c> reads 0.00 on lines recorded before it, and a raise writes a new
    /// entry). Every recorded member must still read the same, to the byte; a member with a value that
    /// the ledger never recorded is a difference.
    /// </summary>
    public static bool SameButForAddedColumns(string recorded, string now)
    {
        try
        {
            using var was = JsonDocument.Parse(recorded);
            using var is_ = JsonDocument.Parse(now);
            if (was.RootElement.ValueKind != JsonValueKind.Object || is_.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var old = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in was.RootElement.EnumerateObject())
            {
                old[member.Name] = member.Value.GetRawText();
            }

            var matched = 0;
            foreach (var member in is_.RootElement.EnumerateObject())
            {
                if (old.TryGetValue(member.Name, out var value))
                {
                    if (value != member.Value.GetRawText())
                    {
                        return false;
                    }

                    matched++;
                }
                else if (!IsEmpty(member.Value))
                {
                    return false;
                }
            }

            return matched == old.Count;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False => true,
        JsonValueKind.Number => value.TryGetDecimal(out var number) && number == 0m,
        JsonValueKind.String => value.GetString() is "" or "0.00",
        _ => false,
    };
}
