using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

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
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Of(EntityEntry entry)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            WriteProperties(writer, entry.Properties, entry.ComplexProperties);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteProperties(Utf8JsonWriter writer, IEnumerable<PropertyEntry> properties, IEnumerable<ComplexPropertyEntry> complexProperties)
    {
        var named = new List<(string Name, Action Write)>();
        foreach (var property in properties)
        {
            if (property.Metadata.IsShadowProperty())
            {
                continue;
            }

            var value = property.CurrentValue;
            var converter = property.Metadata.GetTypeMapping().Converter;
            named.Add((property.Metadata.Name, () => WriteValue(writer, value, converter)));
        }

        foreach (var complex in complexProperties)
        {
            var inner = complex;
            named.Add((complex.Metadata.Name, () =>
            {
                if (inner.CurrentValue is null)
                {
                    writer.WriteNullValue();
                    return;
                }

                writer.WriteStartObject();
                WriteProperties(writer, inner.Properties, inner.ComplexProperties);
                writer.WriteEndObject();
            }));
        }

        foreach (var (name, write) in named.OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            writer.WritePropertyName(name);
            write();
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
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
                writer.WriteStringValue(guid.ToString("D"));
                break;
            case decimal money:
                writer.WriteStringValue(decimal.Round(money, 2, MidpointRounding.ToEven).ToString("F2", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset moment:
                writer.WriteStringValue(Microseconds(moment.UtcDateTime).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
                break;
            case DateTime moment:
                writer.WriteStringValue(Microseconds(moment).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
                break;
            case DateOnly day:
                writer.WriteStringValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
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

    private static bool IsPrimitive(object value) =>
        value is string or Guid or decimal or DateTimeOffset or DateTime or DateOnly or bool or int or long or byte[];

    private static DateTime Microseconds(DateTime moment) => new(moment.Ticks - (moment.Ticks % 10), moment.Kind);
}
