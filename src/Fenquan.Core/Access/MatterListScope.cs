using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

/// <summary>
/// Which of a unit's matters a list shows the asker (R1), as a query can apply it: none, the whole
/// unit (the roles of <see cref="MatterAccess.WholeUnitRoles"/>), or those the person has a part in
/// (initiated, is paid by, acted on). The same decision as <see cref="MatterAccess.MaySee"/>, shaped
/// for a list: a matter waiting for the person is one of their tasks (the "waiting for me" filter).
/// Fails closed: nobody, or nobody of a unit today, gets <see cref="MatterListReach.None"/>.
/// </summary>
public sealed record MatterListScope(MatterListReach Reach, CountyId County, UnitId Unit, PersonId Person)
{
    /// <summary>The scope of the asker's list of their unit's matters; <paramref name="mine"/>: only what they submitted.</summary>
    public static MatterListScope Of(Asker asker, bool mine = false)
    {
        ArgumentNullException.ThrowIfNull(asker);
        if (asker.Person is not { } me || asker.Unit is not { } unit)
        {
            return new MatterListScope(MatterListReach.None, asker.County, default, default);
        }

        var reach = mine ? MatterListReach.Submitted
            : MatterAccess.SeesWholeUnit(asker.Roles) ? MatterListReach.WholeUnit
            : MatterListReach.PartIn;
        return new MatterListScope(reach, asker.County, unit, me);
    }
}

/// <summary>How far a matter list reaches into the unit (<see cref="MatterListScope"/>).</summary>
public enum MatterListReach
{
    /// <summary>No matter at all.</summary>
    None,

    /// <summary>Every matter of the unit.</summary>
    WholeUnit,

    /// <summary>Matters the person initiated, is paid by or acted on.</summary>
    PartIn,

    /// <summary>Matters the person initiated ("my submissions").</summary>
    Submitted,
}
