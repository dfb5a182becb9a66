using Fenquan.Core.Finance.Inspection;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

/// <summary>
/// Who sees and does what in a voucher inspection (R8). The unit's team (principals and deputies)
/// and its discipline member see the unit's inspections; the county's discipline inspection sees
/// every unit's, and alone sees the county's list of missed inspections. Only a principal draws;
/// only an item's inspector records its finding, only the responsible deputy gives evidence, and
/// only the finding's inspector accepts it (the operations' core methods check each again).
/// Another unit's inspection is not found.
/// </summary>
public static class InspectionAccess
{
    public static bool MaySee(Asker asker, UnitId unit, bool isCountyDiscipline)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.Person is not null && (isCountyDiscipline
            || (asker.Unit == unit && (asker.Holds(Role.Principal) || asker.Holds(Role.Deputy) || asker.Holds(Role.DisciplineMember))));
    }

    public static bool MayDraw(Asker asker, UnitId unit)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.Person is not null && asker.Unit == unit && asker.Holds(Role.Principal);
    }

    public static bool MayFind(Asker asker, InspectionItem item)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(item);
        return asker.Person is { } me && item.InspectorId == me;
    }

    public static bool MayGiveEvidence(Asker asker, Rectification task, RectificationState state)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(task);
        return asker.Person == task.ResponsibleId && state == RectificationState.Open;
    }

    public static bool MayDecide(Asker asker, Rectification task, RectificationState state)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(task);
        return asker.Person == task.InspectorId && asker.Person != task.ResponsibleId && state == RectificationState.AwaitingAcceptance;
    }

    public static bool MaySeeMissed(Asker asker, bool isCountyDiscipline)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.Person is not null && isCountyDiscipline;
    }
}
