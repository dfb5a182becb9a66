using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Policy;

/// <summary>
/// R40: who may do what with a unit's policy proposals — asked by every page and endpoint, decided
/// here. The unit administrator proposes and withdraws for their own unit; the unit's team, office
/// see its proposals, and the county's discipline inspection sees every unit's; only county administrators see what waits for the
/// county and approve it (the proposal checks four eyes and segregation itself).
/// </summary>
public static class PolicyAccess
{
    public static bool MayPropose(UnitId unit, UnitId? ownUnit, PersonId? person, bool isUnitAdministrator) =>
        isUnitAdministrator && person is not null && ownUnit == unit;

    /// <param name="isCountyDisciplineInspection">The viewer is the person the county named for its discipline inspection (R29), who is told of every county approval.</param>
    public static bool MaySeeProposals(UnitId unit, UnitId? ownUnit, IReadOnlyCollection<Role> roles, bool isUnitAdministrator, bool isCountyAdministrator, bool isCountyDisciplineInspection)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return isCountyAdministrator
            || isCountyDisciplineInspection
            || (ownUnit == unit && (isUnitAdministrator || roles.Any(r => r is Role.Principal or Role.Deputy or Role.OfficeReviewer or Role.DisciplineMember)));
    }

    public static bool MayApproveAtCounty(bool isCountyAdministrator) => isCountyAdministrator;

    public static Refusal NotUnitAdministrator { get; } = Refusal.Because("R40", "OnlyUnitAdministratorActs", "Only the unit administrator proposes and withdraws the unit's policy.");

    public static Refusal NotCountyAdministrator { get; } = Refusal.Because("R40", "OnlyCountyApproves", "Only a county administrator approves a unit's policy.");
}
