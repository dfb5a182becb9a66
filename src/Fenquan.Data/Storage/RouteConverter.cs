using System.Text.Json;
using System.Text.Json.Serialization;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fenquan.Data.Storage;

/// <summary>
/// A matter's frozen route (R41) is stored as JSON beside the matter: a value, not an entity,
/// so that a later policy version can never rewire it.
/// </summary>
internal sealed class RouteConverter() : ValueConverter<Route, string>(route => Write(route), json => Read(json))
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    // Every load of a matter reads its route and every ledger snapshot of a matter writes it, while a
    // unit has only a few dozen distinct routes: both directions are memoised. Routes are immutable
    // records, so matters may share one instance.
    private const int MaxRead = 4096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Route> Reads = new(StringComparer.Ordinal);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Route, string> Writes = [];

    public static string Write(Route route) =>
        Writes.GetValue(route, r => JsonSerializer.Serialize(new StoredRoute([.. r.Steps.Select(s => new StoredStep(s.Kind, s.Actor.Kind, s.Actor.Role, s.SameActorAs, s.ReroutedFrom?.Kind, s.ReroutedFrom?.Role))], [.. r.Rules]), Options));

    public static Route Read(string json)
    {
        if (Reads.TryGetValue(json, out var known))
        {
            return known;
        }

        var stored = JsonSerializer.Deserialize<StoredRoute>(json, Options) ?? throw new JsonException("A stored route is empty.");
        var route = new Route([.. stored.Steps.Select(s => new RouteStep(s.Kind, new ActorSpec(s.Actor, s.Role))
        {
            SameActorAs = s.SameActorAs,
            ReroutedFrom = s.ReroutedFrom is { } from ? new ActorSpec(from, s.ReroutedFromRole) : null,
        })], stored.Rules);
        if (Reads.Count >= MaxRead)
        {
            Reads.Clear();
        }

        Reads.TryAdd(json, route);
        return route;
    }

    public static ValueComparer<Route> Comparer { get; } = new(
        (a, b) => a == b,
        route => route.GetHashCode(),
        route => route);

    private sealed record StoredRoute(StoredStep[] Steps, string[] Rules);

    private sealed record StoredStep(StepKind Kind, ActorKind Actor, Role? Role, int? SameActorAs, ActorKind? ReroutedFrom = null, Role? ReroutedFromRole = null);
}

/// <summary>R43: the terms a meeting decided, stored as JSON beside the matter (a value, never edited).</summary>
internal sealed class DecidedTermsConverter() : ValueConverter<Fenquan.Core.Meetings.CollectiveDecisionTerms?, string?>(
    terms => terms == null ? null : Write(terms),
    json => json == null ? null : Read(json))
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static string Write(Fenquan.Core.Meetings.CollectiveDecisionTerms terms) =>
        JsonSerializer.Serialize(new StoredTerms(terms.Amount, terms.Payee.PersonId?.Value, terms.Payee.Name, terms.Conditions, terms.MeetingReference, terms.DecidedAt, terms.Payee.CounterpartyId?.Value), Options);

    private static Fenquan.Core.Meetings.CollectiveDecisionTerms Read(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredTerms>(json, Options) ?? throw new JsonException("Stored decision terms are empty.");
        var payee = new Fenquan.Core.Matters.Payee(stored.PayeeId is { } id ? new Fenquan.Core.Primitives.PersonId(id) : null, stored.PayeeName, stored.CounterpartyId is { } c ? new Fenquan.Core.Primitives.CounterpartyId(c) : null);
        return new Fenquan.Core.Meetings.CollectiveDecisionTerms(stored.Amount, payee, stored.Conditions, stored.MeetingReference, stored.DecidedAt);
    }

    // CounterpartyId is last and optional, so terms stored before the register read back unchanged.
    private sealed record StoredTerms(decimal Amount, Guid? PayeeId, string PayeeName, string Conditions, string MeetingReference, DateTimeOffset DecidedAt, Guid? CounterpartyId = null);
}
