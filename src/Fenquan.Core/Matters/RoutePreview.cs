using Fenquan.Core.Access;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Matters;

/// <summary>One step of a previewed route and the people who could take it.</summary>
/// <param name="Index">The 0-based place on the route.</param>
/// <param name="Step">The step as the route has it (kind, actor, R6 reroute).</param>
/// <param name="People">
/// Who could take the step: for the first step exactly those the core would let act now; for a later
/// step everyone its actor's roles name, less the initiator, the payee and the payee's relatives (R6);
/// for a collective decision the leadership team that meets on it (R43).
/// </param>
public sealed record PreviewStep(int Index, RouteStep Step, IReadOnlyList<PersonId> People)
{
    /// <summary>The step goes to a recorded meeting of the leadership team (R43).</summary>
    public bool IsMeeting => Step.Actor.Kind == ActorKind.Team;
}

/// <summary>
/// The route a submission would take, before it is submitted (issue 14): made from the very matter
/// <see cref="Matter.Submit"/> returns for the same facts, so a preview and the real route cannot
/// disagree. It writes nothing and names the people who would act.
/// </summary>
public sealed record RoutePreview(IReadOnlyList<PreviewStep> Steps, IReadOnlyList<string> Rules)
{
    /// <summary>Some step of the route is a collective decision in a leadership team meeting (R43).</summary>
    public bool NeedsMeeting => Steps.Any(s => s.IsMeeting);

    /// <summary>The route of a matter made by <see cref="Matter.Submit"/> (not saved), with the people of each step.</summary>
    public static RoutePreview Of(Matter matter, IOrganizationView org)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(org);
        var steps = matter.Route.Steps.Select((step, i) => new PreviewStep(i, step, i == 0 && step.Actor.Kind != ActorKind.Team
            ? matter.WhoMayActNow(org)
            : PeopleFor(matter, step, org))).ToList();
        return new RoutePreview(steps, matter.Route.Rules);
    }

    private static List<PersonId> PeopleFor(Matter matter, RouteStep step, IOrganizationView org)
    {
        if (step.Actor.Kind == ActorKind.Team)
        {
            return [.. org.TeamMembers(matter.UnitId, matter.SubmittedOn)];
        }

        // R6: neither the initiator nor anyone the matter pays (or their relatives) takes a step.
        bool Interested(PersonId p) => p == matter.InitiatorId || p == matter.Payee.PersonId || matter.PayeeRelatives.Contains(p);
        return StepAuthority.RolesFor(step.Actor)
            .SelectMany(role => org.PeopleWithRole(matter.UnitId, role, matter.SubmittedOn))
            .Distinct()
            .Where(p => !Interested(p) && StepAuthority.MayFill(step.Actor, p, matter.UnitId, matter.Area, matter.SubmittedOn, org))
            .ToList();
    }
}
