using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Matters;

/// <summary>
/// R6 and the general rule of the default routes: nobody approves a matter that pays them or a
/// declared relative of theirs. A route whose deciding step would fall to such a person goes to the
/// next authority up, automatically, at submission: the deputy in charge's step to a principal who
/// is not interested, and a principal's step — or a deputy's when no principal is free — to the team
/// (a collective decision in a meeting). The route never waits for someone who may not act on it.
/// Each rerouted step keeps the actor the policy gave it (<see cref="RouteStep.ReroutedFrom"/>) and
/// the route cites R6, so the reroute shows on the matter.
/// </summary>
public static class PayeeReroute
{
    /// <summary>
    /// The route for a matter paying <paramref name="payee"/> in the unit, on the day of submission.
    /// <paramref name="payeeRelatives"/> are the people tied to the payee: a person's declared
    /// relatives, or those who declared a tie to a counterparty (<see cref="Counterparties.CounterpartyTie"/>).
    /// </summary>
    public static Route Apply(Route route, UnitId unit, Area area, Payee payee, IReadOnlyCollection<PersonId> payeeRelatives, IOrganizationView org, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(payee);
        ArgumentNullException.ThrowIfNull(payeeRelatives);
        ArgumentNullException.ThrowIfNull(org);
        if (payee.PersonId is null && payeeRelatives.Count == 0)
        {
            return route;
        }

        bool Interested(PersonId person) => person == payee.PersonId || payeeRelatives.Contains(person);

        var freePrincipals = org.Principals(unit, date).Count(p => !Interested(p));
        var deputy = org.DeputyInCharge(unit, area, date);
        var deputyInterested = deputy is { } d && Interested(d);

        // First pass: the deputy in charge's deciding steps go to a principal.
        var steps = route.Steps.Select(step =>
            deputyInterested && step.Actor.Kind == ActorKind.DeputyInCharge && StepActions.IsDeciding(step.Kind)
                ? step with { Actor = ActorSpec.Principal, ReroutedFrom = step.Actor }
                : step).ToList();

        // A principal's deciding steps need as many free principals as distinct people act on them
        // (steps joined by SameActorAs are one person); short of that, the team decides instead.
        var principalSteps = Enumerable.Range(0, steps.Count)
            .Where(i => steps[i].Actor.Kind == ActorKind.Principal && StepActions.IsDeciding(steps[i].Kind))
            .ToList();
        var principalsNeeded = principalSteps.Count(i => steps[i].SameActorAs is not { } j || !principalSteps.Contains(j));
        if (principalSteps.Count > 0 && principalsNeeded > freePrincipals)
        {
            var toTeam = new List<RouteStep>();
            for (var i = 0; i < steps.Count; i++)
            {
                if (!principalSteps.Contains(i))
                {
                    toTeam.Add(steps[i] with { SameActorAs = null });
                }
                else if (toTeam.Count == 0 || toTeam[^1] is not { Kind: StepKind.CollectiveDecision, Actor.Kind: ActorKind.Team })
                {
                    toTeam.Add(new RouteStep(StepKind.CollectiveDecision, ActorSpec.Team) { ReroutedFrom = steps[i].ReroutedFrom ?? steps[i].Actor });
                }
            }

            // A collective decision already on the route decides once.
            steps = toTeam.Where((s, i) => !(s.Kind == StepKind.CollectiveDecision && i > 0 && toTeam[i - 1].Kind == StepKind.CollectiveDecision)).ToList();
        }

        if (steps.SequenceEqual(route.Steps))
        {
            return route;
        }

        return new Route(steps, route.Rules.Contains("R6") ? route.Rules : [.. route.Rules, "R6"]);
    }
}
