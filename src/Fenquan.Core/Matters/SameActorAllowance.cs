using Fenquan.Core.Policy;

namespace Fenquan.Core.Matters;

/// <summary>
/// General rule: nobody acts on two steps of one route unless the route says so. This is the one
/// place that decides when a route "says so".
/// </summary>
public static class SameActorAllowance
{
    /// <summary>
    /// Whether one person may act on both steps of the route: only when the later step names the
    /// earlier one in <see cref="RouteStep.SameActorAs"/> (e.g. R17: the procurement deputy reviews,
    /// a principal consents, the same deputy approves). The policy verifier checks those markers.
    /// </summary>
    public static bool Allows(Route route, int firstStep, int secondStep)
    {
        ArgumentNullException.ThrowIfNull(route);
        var (from, to) = firstStep <= secondStep ? (firstStep, secondStep) : (secondStep, firstStep);
        return from != to && route.Steps[to].SameActorAs == from;
    }
}
