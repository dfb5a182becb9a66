using Fenquan.Core.Primitives;

namespace Fenquan.Core.Organization;

/// <summary>
/// Who held which role, and who was in charge of which area, in a unit on a date — answered from
/// history (R1, R3). Every check of an action asks this on the matter's date, never "today".
/// </summary>
public interface IOrganizationView
{
    bool HoldsRole(UnitId unit, PersonId person, Role role, DateOnly date);

    /// <summary>The roles the person held in the unit on the date (empty when none).</summary>
    IReadOnlyList<Role> RolesOf(UnitId unit, PersonId person, DateOnly date);

    /// <summary>"Who was in charge of area X in unit U on date D" (R3); null when nobody was.</summary>
    PersonId? DeputyInCharge(UnitId unit, Area area, DateOnly date);

    /// <summary>The areas the person was in charge of in the unit on the date.</summary>
    IReadOnlyList<Area> AreasInChargeOf(UnitId unit, PersonId person, DateOnly date);

    /// <summary>The unit's principals on the date (R1: one or two).</summary>
    IReadOnlyList<PersonId> Principals(UnitId unit, DateOnly date);

    /// <summary>The leadership team (班子) on the date: principals and deputies.</summary>
    IReadOnlyList<PersonId> TeamMembers(UnitId unit, DateOnly date);

    /// <summary>Everyone holding the role in the unit on the date.</summary>
    IReadOnlyList<PersonId> PeopleWithRole(UnitId unit, Role role, DateOnly date);

    /// <summary>
    /// The unit the person belonged to on the date; null when none. When a person belonged to
    /// several units (a secondment), the one whose membership started last.
    /// </summary>
    UnitId? UnitOf(PersonId person, DateOnly date);

    /// <summary>Whether the person held any role in the unit on the date.</summary>
    bool BelongsTo(UnitId unit, PersonId person, DateOnly date);

    /// <summary>The person's name for reasons and pages; the id when the name is not known.</summary>
    string NameOf(PersonId person);
}
