using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

/// <summary>
/// THE table of who fills a route step of each <see cref="ActorKind"/> (R3, R4–R7, R43): the core's
/// check of an action (<c>Matter.CheckAuthority</c>), the workbench's pre-selection of candidates
/// (which knows only role sets) and delegations (which role a delegate must hold for a step) all
/// read it, so they cannot drift apart. An actor kind this table does not know is filled by nobody:
/// fail closed.
/// </summary>
public static class StepAuthority
{
    private static readonly StepFiller Office = new(Role.OfficeReviewer);
    private static readonly StepFiller Principal = new(Role.Principal);
    private static readonly StepFiller Deputy = new(Role.Deputy);
    private static readonly StepFiller DeputyInChargeOfArea = new(Role.Deputy, InChargeOnly: true);

    private static readonly StepFiller[] OfficeStep = [Office];
    private static readonly StepFiller[] DeputyInChargeStep = [DeputyInChargeOfArea]; // 五不直接分管: never a principal
    private static readonly StepFiller[] PrincipalStep = [Principal];
    private static readonly StepFiller[] TeamMemberStep = [Principal, Deputy];

    private static readonly StepFiller[] ExternalStep = [Office, DeputyInChargeOfArea]; // R18, R20: recorded with the outside reference
    private static readonly StepFiller[] Nobody = [];

    /// <summary>Who fills a step of this actor; empty when nobody does (a named role without a role, an unknown kind).</summary>
    public static IReadOnlyList<StepFiller> FillersOf(ActorSpec actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Kind switch
        {
            ActorKind.Office => OfficeStep,
            ActorKind.DeputyInCharge => DeputyInChargeStep,
            ActorKind.Principal => PrincipalStep,
            ActorKind.TeamMember => TeamMemberStep,
            ActorKind.NamedRole => actor.Role is { } role ? [new StepFiller(role)] : Nobody,
            ActorKind.Team => Nobody, // R43: only a meeting whose minutes are signed completes a team step
            ActorKind.External => ExternalStep,
            _ => Nobody,
        };
    }

    /// <summary>The roles one of which a person must hold to fill a step of this actor (for the deputy in charge, being in charge counts too).</summary>
    public static IReadOnlyList<Role> RolesFor(ActorSpec actor) => FillersOf(actor).Select(f => f.Role).Distinct().ToList();

    /// <summary>
    /// Whether a holder of <paramref name="roles"/> could fill a step of this actor on some matter:
    /// what a caller that knows only role sets asks (the workbench's pre-selection). Generous where
    /// the table asks more than a role (being in charge of the matter's area), never where it asks less.
    /// </summary>
    public static bool CouldFill(ActorSpec actor, IReadOnlyCollection<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var filler in FillersOf(actor))
        {
            if (roles.Contains(filler.Role))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="person"/> fills a step of this actor on a matter of the unit and area dated <paramref name="date"/>.</summary>
    public static bool MayFill(ActorSpec actor, PersonId person, UnitId unit, Area area, DateOnly date, IOrganizationView org)
    {
        ArgumentNullException.ThrowIfNull(org);
        foreach (var filler in FillersOf(actor))
        {
            var fills = filler.InChargeOnly
                ? org.DeputyInCharge(unit, area, date) == person
                : org.HoldsRole(unit, person, filler.Role, date);
            if (fills)
            {
                return true;
            }
        }

        return false;
    }
}
