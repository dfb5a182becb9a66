using Fenquan.Core.Finance;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

/// <summary>
/// R9: a unit's quarterly statements are disclosed to its team and staff — everyone who belongs to
/// the unit today sees its published versions; a version still waiting for the meeting is seen by
/// the team and the finance staff who prepare it. Nobody outside the unit sees any (not found).
/// </summary>
public static class StatementAccess
{
    public static bool MaySee(Asker asker, Statement statement)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(statement);
        return asker.County == statement.CountyId && BelongsTo(asker, statement.UnitId)
            && (statement.State == StatementState.Published || SeesDrafts(asker));
    }

    /// <summary>Whether the asker may list the unit's statements at all.</summary>
    public static bool BelongsTo(Asker asker, UnitId unit)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.Person is not null && asker.Unit == unit;
    }

    /// <summary>The team and finance staff see versions not yet published.</summary>
    public static bool SeesDrafts(Asker asker)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.Roles.Any(r => r is Role.Principal or Role.Deputy or Role.FinanceStaff);
    }

    /// <summary>Who is offered tabling and publishing: a deputy (<see cref="Statement"/> checks it is the finance deputy).</summary>
    public static bool MayPublish(Asker asker)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.Person is not null && asker.Unit is not null && asker.Holds(Role.Deputy);
    }
}
