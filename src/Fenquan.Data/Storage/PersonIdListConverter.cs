using Fenquan.Core.Primitives;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fenquan.Data.Storage;

/// <summary>
/// A short list of people stored beside its row as their ids joined by commas ("" for none): the
/// payee's declared relatives on a matter (R6), read with the matter and never queried by.
/// </summary>
internal sealed class PersonIdListConverter() : ValueConverter<IReadOnlyList<PersonId>, string>(
    people => string.Join(',', people.Select(p => p.Value.ToString("D"))),
    text => Read(text))
{
    public static ValueComparer<IReadOnlyList<PersonId>> Comparer { get; } = new(
        (a, b) => a!.SequenceEqual(b!),
        people => people.Aggregate(0, (hash, p) => HashCode.Combine(hash, p)),
        people => people.ToList());

    private static IReadOnlyList<PersonId> Read(string text) =>
        text.Length == 0 ? [] : [.. text.Split(',').Select(id => new PersonId(Guid.Parse(id)))];
}
