using Fenquan.Core.Access;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Flags;

/// <summary>
/// R47: who may clear a matter's red flag, and who sees the county's counts. A flag is cleared by
/// someone who may act on the matter's current step (the approver who sees it); once no person's step
/// waits — the matter is decided, or waits for its team's meeting — by the unit's discipline member.
/// Never by the submitter. Everyone who sees the matter sees its flags (<see cref="MatterAccess"/>).
/// </summary>
public static class FlagAccess
{
    public static bool MayClear(Matter matter, PersonId person, IOrganizationView org, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(org);
        if (person == matter.InitiatorId)
        {
            return false;
        }

        return matter.CurrentStep is { } step && step.Actor.Kind != Policy.ActorKind.Team
            ? matter.IsWaitingFor(person, org)
            : org.HoldsRole(matter.UnitId, person, Role.DisciplineMember, today);
    }

    /// <summary>Whether the asker is offered the clearing form on the matter.</summary>
    public static bool MayClear(Asker asker, Matter matter, IOrganizationView org)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(matter);
        return asker.Person is { } me && asker.Unit == matter.UnitId && asker.County == matter.CountyId && MayClear(matter, me, org, asker.Today);
    }

    /// <summary>
    /// Who sees the flag counts: the county's administrators and its discipline inspection see every
    /// unit's (the county view); a unit's team, office and discipline member see their own unit's.
    /// Null: every unit; empty: none.
    /// </summary>
    public static IReadOnlyList<UnitId>? UnitsCounted(Asker asker, bool isCountyDisciplineInspection)
    {
        ArgumentNullException.ThrowIfNull(asker);
        if (asker.IsCountyAdministrator || isCountyDisciplineInspection)
        {
            return null;
        }

        return asker.Unit is { } unit && MatterAccess.SeesWholeUnit(asker.Roles) ? [unit] : [];
    }
}
