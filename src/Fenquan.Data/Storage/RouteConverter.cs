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

    public static string Write(Route route) =>
        JsonSerializer.Serialize(new StoredRoute([.. route.Steps.Select(s => new StoredStep(s.Kind, s.Actor.Kind, s.Actor.Role, s.SameActorAs))], [.. route.Rules]), Options);

    public static Route Read(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredRoute>(json, Options) ?? throw new JsonException("A stored route is empty.");
        return new Route([.. stored.Steps.Select(s => new RouteStep(s.Kind, new ActorSpec(s.Actor, s.Role)) { SameActorAs = s.SameActorAs })], stored.Rules);
    }

    public static ValueComparer<Route> Comparer { get; } = new(
        (a, b) => a == b,
        route => route.GetHashCode(),
        route => route);

    private sealed record StoredRoute(StoredStep[] Steps, string[] Rules);

    private sealed record StoredStep(StepKind Kind, ActorKind Actor, Role? Role, int? SameActorAs);
}
