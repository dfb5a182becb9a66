using Fenquan.Core.Matters;
using Fenquan.Core.Organization;

namespace Fenquan.Core.Access;

/// <summary>
/// Who may see a matter (R1): someone of the matter's county and unit today who either sees the
/// whole unit by their role — the team (principals, deputies), the office and the discipline
/// member, who supervise it — or has a part in the matter: initiated it, is paid by it, acted on it,
/// or is the one its current step waits for; the unit's finance staff also see its approved matters
/// that carry money, which they pay (R42: <see cref="Finance.Payment"/>). Anyone else is told the matter does not exist.
/// Fails closed: an asker who is nobody, or belongs to no unit today, sees no matter.
/// </summary>
public static class MatterAccess
{
    /// <summary>The roles whose holder sees every matter of their unit.</summary>
    public static IReadOnlySet<Role> WholeUnitRoles { get; } = new HashSet<Role> { Role.Principal, Role.Deputy, Role.OfficeReviewer, Role.DisciplineMember };

    /// <summary>Whether a holder of <paramref name="roles"/> sees every matter of the unit (otherwise only those they have a part in).</summary>
    public static bool SeesWholeUnit(IEnumerable<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.Any(WholeUnitRoles.Contains);
    }

    /// <summary>Whether the asker may see the matter; <paramref name="org"/> is the unit's organisation history (for "waiting for").</summary>
    public static bool MaySee(Asker asker, Matter matter, IOrganizationView org)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(org);
        if (asker.Person is not { } me || asker.Unit is not { } unit || matter.CountyId != asker.County || matter.UnitId != unit)
        {
            return false;
        }

        return SeesWholeUnit(asker.Roles)
            || matter.InitiatorId == me
            || matter.Payee.PersonId == me
            || matter.Actions.Any(a => a.ActorId == me)
            || matter.IsWaitingFor(me, org)
            || (asker.Holds(Role.FinanceStaff) && matter.State == MatterState.Approved && MatterRules.RequiresAmount(matter.Kind));
    }
}
