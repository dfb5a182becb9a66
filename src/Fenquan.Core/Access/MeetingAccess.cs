using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

/// <summary>
/// Who may see a unit's meetings and who may record them (R43), decided here for every caller:
/// the team, the office and the discipline member of the unit see its meetings; the office reviewer
/// or a principal schedules and records — attendance, opinions and outcomes as a secretary does;
/// each attendee signs or asks for a correction only as themselves (the meeting checks that); the
/// discipline member records why a signature is missing. Anyone else, and anyone of another unit,
/// sees no meeting at all (answered as not found, never with a title).
/// </summary>
public static class MeetingAccess
{
    /// <summary>Whether a person of <paramref name="viewerUnit"/> holding <paramref name="roles"/> today sees the meetings of <paramref name="meetingUnit"/>.</summary>
    public static bool MayView(PersonId? person, UnitId? viewerUnit, IReadOnlyCollection<Role> roles, UnitId meetingUnit)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return person is not null && viewerUnit == meetingUnit
            && roles.Any(r => r is Role.Principal or Role.Deputy or Role.OfficeReviewer or Role.DisciplineMember);
    }

    /// <summary>Whether they schedule and record the unit's meetings: the office reviewer or a principal, of that unit.</summary>
    public static bool MayRecord(PersonId? person, UnitId? viewerUnit, IReadOnlyCollection<Role> roles, UnitId meetingUnit)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return MayView(person, viewerUnit, roles, meetingUnit) && (roles.Contains(Role.OfficeReviewer) || roles.Contains(Role.Principal));
    }

    /// <summary>The refusal of a viewer who sees the meeting but may not record it.</summary>
    public static Refusal NotRecorder { get; } = Refusal.Because("R43", "NotRecorder", "Only the office reviewer or a principal of the unit schedules and records its meetings.");
}
