using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fenquan.Data.Storage;

/// <summary>A short list of names stored beside its row as a JSON array (a reception's guests, R31), read with the row and never queried by.</summary>
internal sealed class StringListConverter() : ValueConverter<IReadOnlyList<string>, string>(
    names => JsonSerializer.Serialize(names, Options),
    text => JsonSerializer.Deserialize<List<string>>(text, Options) ?? new List<string>())
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ValueComparer<IReadOnlyList<string>> Comparer { get; } = new(
        (a, b) => a!.SequenceEqual(b!),
        names => names.Aggregate(0, (hash, n) => HashCode.Combine(hash, n)),
        names => names.ToList());
}
