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
}
