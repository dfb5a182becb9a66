using Fenquan.Core.Organization;
using Fenquan.Core.Policy;

namespace Fenquan.Core.Tests.Policy;

/// <summary>
/// An independent, brute-force model of running a route in a small unit, written without the
/// verifier's code: 2 principals, 3 deputies (D1 in charge of the matter's area), an office
/// reviewer, a section head, finance staff, a discipline member and two staff. It tries every
/// assignment of people to the route's individual steps under the runtime rules (the actor holds
/// the step's role; is neither the initiator nor the payee; nobody acts on two steps j &lt; i unless
/// step i says sameActorAs j) and reports an execution that brings the matter to approved without
/// a collective decision while the people who signed are nobody, only principals, or together
/// with the initiator fewer than two people.
/// </summary>
internal static class BruteForceSafety
{
    private sealed record Person(string Name, Role Role, bool InCharge = false);

    private static readonly Person[] Unit =
    [
        new("P1", Role.Principal), new("P2", Role.Principal),
        new("D1", Role.Deputy, InCharge: true), new("D2", Role.Deputy), new("D3", Role.Deputy),
        new("O1", Role.OfficeReviewer), new("H1", Role.SectionHead), new("F1", Role.FinanceStaff),
        new("X1", Role.DisciplineMember), new("S1", Role.Staff), new("S2", Role.Staff),
    ];

    /// <summary>Every person who could be the initiator of this kind; the payee is the initiator (their own matter).</summary>
    private static IEnumerable<Person> PeopleWho(InitiatorKind kind) => kind switch
    {
        InitiatorKind.Staff => Unit.Where(p => p.Role == Role.Staff),
        InitiatorKind.Section => Unit.Where(p => p.Role == Role.SectionHead),
        InitiatorKind.Deputy => Unit.Where(p => p.Role == Role.Deputy),
        InitiatorKind.Principal => Unit.Where(p => p.Role == Role.Principal),
        _ => [],
    };

    private static bool Holds(Person p, ActorSpec actor) => actor.Kind switch
    {
        ActorKind.Office => p.Role == Role.OfficeReviewer,
        ActorKind.DeputyInCharge => p.InCharge,
        ActorKind.Principal => p.Role == Role.Principal,
        ActorKind.TeamMember => p.Role is Role.Principal or Role.Deputy,
        ActorKind.NamedRole => p.Role == actor.Role,
        ActorKind.Team or ActorKind.External => false,
        _ => false,
    };

    private static bool ByOnePerson(RouteStep step) => step.Actor.Kind is not (ActorKind.Team or ActorKind.External);

    private static bool IsJudgement(StepKind kind) =>
        kind is StepKind.Propose or StepKind.Review or StepKind.Assess or StepKind.Approve
            or StepKind.Countersign or StepKind.Consent or StepKind.CollectiveDecision;

    /// <summary>Null when every execution is safe; otherwise a description of an unsafe one.</summary>
    public static string? FindUnsafeExecution(Route route, InitiatorKind initiatorKind)
    {
        if (route.Steps.Any(s => s.Kind == StepKind.CollectiveDecision && s.Actor.Kind == ActorKind.Team))
        {
            return null; // a recorded meeting decides: not one person
        }

        foreach (var initiator in PeopleWho(initiatorKind))
        {
            var assigned = new Person?[route.Steps.Count];
            var found = Search(route.Steps, 0, initiator, assigned);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Search(IReadOnlyList<RouteStep> steps, int i, Person initiator, Person?[] assigned)
    {
        if (i == steps.Count)
        {
            var signers = steps.Select((s, k) => (s, k)).Where(x => ByOnePerson(x.s) && IsJudgement(x.s.Kind)).Select(x => assigned[x.k]!).Distinct().ToList();
            var people = signers.Append(initiator).Distinct().Count();
            if (signers.Count == 0 || signers.All(p => p.Role == Role.Principal) || people < 2)
            {
                return $"initiated by {initiator.Name}: " + string.Join(", ", steps.Select((s, k) => $"{s} by {assigned[k]?.Name ?? "-"}"));
            }

            return null;
        }

        if (!ByOnePerson(steps[i]))
        {
            return Search(steps, i + 1, initiator, assigned);
        }

        foreach (var person in Unit)
        {
            if (!Holds(person, steps[i].Actor) || person == initiator)
            {
                continue;
            }

            var clash = false;
            for (var j = 0; j < i; j++)
            {
                if (assigned[j] == person && steps[i].SameActorAs != j)
                {
                    clash = true;
                }
            }

            if (clash)
            {
                continue;
            }

            assigned[i] = person;
            var found = Search(steps, i + 1, initiator, assigned);
            assigned[i] = null;
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
