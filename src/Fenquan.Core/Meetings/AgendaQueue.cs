using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Meetings;

/// <summary>A unit's agenda queue (待上会事项): matters waiting for a collective decision.</summary>
public static class AgendaQueue
{
    /// <summary>
    /// The unit's matters whose current step is a collective decision and that are not on an
    /// undecided item of a scheduled or open meeting — including matters deferred by an earlier
    /// meeting and those of cancelled meetings. Oldest first.
    /// </summary>
    public static IReadOnlyList<Matter> Waiting(UnitId unit, IEnumerable<Matter> matters, IEnumerable<Meeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(matters);
        ArgumentNullException.ThrowIfNull(meetings);
        var all = meetings.ToList();
        return matters
            .Where(m => m.UnitId == unit && m.WaitsForTeam)
            .Where(m => !all.Any(meeting => meeting.HoldsOpenItemFor(m.Id)))
            .OrderBy(m => m.SubmittedAt)
            .ToList();
    }
}
