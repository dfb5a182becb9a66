using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

/// <summary>What only a person who belongs to a unit today does.</summary>
public enum UnitAct
{
    SubmitMatters,
    Delegate,
}

/// <summary>
/// R1: matters are submitted, and steps delegated, by people of a unit — the person and their unit
/// today, or the refusal that names R1.
/// </summary>
public static class UnitMembership
{
    public static Result<(PersonId Person, UnitId Unit)> Require(PersonId? person, UnitId? unit, UnitAct act) =>
        person is { } me && unit is { } mine
            ? Result<(PersonId, UnitId)>.Ok((me, mine))
            : Refusal.Because("R1", "NotInUnitToday", "Only a person who belongs to a unit today {act}.", ("act", act switch
            {
                UnitAct.SubmitMatters => "submits matters",
                UnitAct.Delegate => "delegates",
            }));
}
