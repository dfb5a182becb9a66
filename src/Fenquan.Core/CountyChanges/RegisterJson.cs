using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fenquan.Core.CountyChanges;

/// <summary>
/// The JSON of the county's registers, as proposed, ledgered and imported: camelCase, strict (an
/// unknown or missing member is an error, not silently dropped), Chinese kept readable.
/// </summary>
public static class RegisterJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The document <paramref name="json"/> holds, or why not ("The {what} is not valid JSON…").</summary>
    public static Primitives.Result<T> Read<T>(string json, string what)
        where T : class
    {
        T? document;
        try
        {
            document = JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException e)
        {
            return Primitives.Refusal.Invalid($"The {what} is not valid JSON of the documented format: " + e.Message);
        }

        return document is null ? Primitives.Refusal.Invalid($"The {what} is empty JSON.") : Primitives.Result<T>.Ok(document);
    }
}
