using Fenquan.Core.Policy;

namespace Fenquan.Core.Matters;

/// <summary>
/// General rule: nobody acts on two steps of one route unless the route says so. This is the one
/// place that decides when a route "says so".
/// </summary>
public static class SameActorAllowance
{
    /// <summary>
    /// Whether one person may act on both steps of the route. Until the policy's <see cref="Route"/>
    /// can say so itself, the only allowance is the R17 pattern: both steps are the deputy in charge
    /// and a principal's consent lies between them (procurement above C: deputy review → principal
    /// consent → deputy approve). Switch this to the route's own flag when the policy has one.
    /// </summary>
    public static bool Allows(Route route, int firstStep, int secondStep)
    {
        ArgumentNullException.ThrowIfNull(route);
        var (from, to) = firstStep <= secondStep ? (firstStep, secondStep) : (secondStep, firstStep);
        var a = route.Steps[from];
        var b = route.Steps[to];
        return a.Actor == b.Actor
            && a.Actor.Kind == ActorKind.DeputyInCharge
            && route.Steps.Skip(from + 1).Take(to - from - 1).Any(s => s.Kind == StepKind.Consent);
    }
}
