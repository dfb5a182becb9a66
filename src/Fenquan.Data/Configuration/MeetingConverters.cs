using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fenquan.Data.Configuration;

// The meetings' typed ids are converted per property here (the context's conventions cover the
// older ids), and the values a meeting freezes — its rules of decision, the minutes' content, an
// item's persons and documents — are stored as JSON beside their row: values, never edited.
//
// The ledger snapshots a JSON-converted property through its converter (Ledger/EntitySnapshot.cs),
// and `fenquan verify` re-snapshots the row read back, so each JSON form must round-trip to the
// same text: fixed options, no floating point, enums and ids as strings, times with their offset.

internal sealed class MeetingIdConverter() : ValueConverter<MeetingId, Guid>(id => id.Value, value => new MeetingId(value));

internal sealed class AgendaItemIdConverter() : ValueConverter<AgendaItemId, Guid>(id => id.Value, value => new AgendaItemId(value));

internal sealed class MinutesIdConverter() : ValueConverter<MinutesId, Guid>(id => id.Value, value => new MinutesId(value));

/// <summary>
/// PostgreSQL's timestamptz holds UTC only (Npgsql refuses another offset), and a meeting's
/// scheduled time arrives in local time (+08:00): both databases store its UTC instant.
/// </summary>
internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(moment => moment.ToUniversalTime(), moment => moment);

/// <summary>The JSON options every stored meeting value uses (see the note at the top of this file).</summary>
internal static class MeetingJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
            new GuidIdJsonConverter<CountyId>(id => id.Value, value => new CountyId(value)),
            new GuidIdJsonConverter<UnitId>(id => id.Value, value => new UnitId(value)),
            new GuidIdJsonConverter<PersonId>(id => id.Value, value => new PersonId(value)),
            new GuidIdJsonConverter<MatterId>(id => id.Value, value => new MatterId(value)),
            new GuidIdJsonConverter<ActionId>(id => id.Value, value => new ActionId(value)),
            new GuidIdJsonConverter<MeetingId>(id => id.Value, value => new MeetingId(value)),
            new GuidIdJsonConverter<AgendaItemId>(id => id.Value, value => new AgendaItemId(value)),
            new GuidIdJsonConverter<MinutesId>(id => id.Value, value => new MinutesId(value)),
        },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A stored {typeof(T).Name} is empty.");

    /// <summary>Compares immutable values by their stored JSON, so a value read back equals the one written.</summary>
    public static ValueComparer<T> Comparer<T>()
        where T : class => new(
            (a, b) => ReferenceEquals(a, b) || (a != null && b != null && Write(a) == Write(b)),
            value => Write(value).GetHashCode(StringComparison.Ordinal),
            value => value);
}

/// <summary>A typed id as its plain Guid string in JSON, not an object with a Value.</summary>
internal sealed class GuidIdJsonConverter<T>(Func<T, Guid> toGuid, Func<Guid, T> fromGuid) : JsonConverter<T>
    where T : struct
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => fromGuid(reader.GetGuid());

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(toGuid(value).ToString("D"));
}

/// <summary>The rules of decision frozen on a meeting when it is scheduled (R43, like a policy on a matter, R41).</summary>
internal sealed class DecisionRulesConverter() : ValueConverter<DecisionRules, string>(rules => MeetingJson.Write(rules), json => MeetingJson.Read<DecisionRules>(json));

/// <summary>The minutes' content, generated from the meeting's rows when drawn up: never edited (a correction is a new record).</summary>
internal sealed class MinutesContentConverter() : ValueConverter<Minutes, string>(minutes => MeetingJson.Write(minutes), json => MeetingJson.Read<Minutes>(json));

/// <summary>An item's persons concerned, frozen when it is put on the agenda. The core keeps them in a <see cref="List{T}"/>.</summary>
internal sealed class PersonIdListConverter() : ValueConverter<IReadOnlyList<PersonId>, string>(
    ids => MeetingJson.Write(ids.Select(id => id.Value).ToArray()),
    json => MeetingJson.Read<Guid[]>(json).Select(value => new PersonId(value)).ToList())
{
    public static ValueComparer<IReadOnlyList<PersonId>> Comparer { get; } = new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        ids => ids.Aggregate(0, (hash, id) => HashCode.Combine(hash, id)),
        ids => ids.ToList());
}

/// <summary>An item's supporting document references, frozen when it is put on the agenda.</summary>
internal sealed class TextListConverter() : ValueConverter<IReadOnlyList<string>, string>(
    texts => MeetingJson.Write(texts.ToArray()),
    json => MeetingJson.Read<string[]>(json).ToList())
{
    public static ValueComparer<IReadOnlyList<string>> Comparer { get; } = new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        texts => texts.Aggregate(0, (hash, text) => HashCode.Combine(hash, text.GetHashCode(StringComparison.Ordinal))),
        texts => texts.ToList());
}
