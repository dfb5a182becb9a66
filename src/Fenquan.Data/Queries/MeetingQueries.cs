using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;

namespace Fenquan.Data.Queries;

/// <summary>The words, state and days (China time) a meeting list is narrowed to.</summary>
public sealed record MeetingFilter(string? Text = null, MeetingState? State = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>
/// The unit's meetings, newest first, searched by title and filtered by state and the day they are
/// set for, with a count and numbered pages. A unit holds a few dozen meetings a year, so the unit's
/// meetings are read (<see cref="MeetingOperations.MeetingsOf"/>) and filtered in memory; who may see
/// them at all is the caller's check (<c>MeetingAccess</c>) before this is asked.
/// </summary>
public static class MeetingQueries
{
    public static CountedPage<Meeting> Find(FenquanDbContext db, CountyId county, UnitId unit, MeetingFilter filter, int number, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var all = All(db, county, unit, filter);
        return new CountedPage<Meeting>(all.Skip((number - 1) * size).Take(size).ToList(), all.Count, number, size);
    }

    public static IReadOnlyList<Meeting> All(FenquanDbContext db, CountyId county, UnitId unit, MeetingFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var words = filter.Text?.Trim();
        return MeetingOperations.MeetingsOf(db, county, unit)
            .Where(m => string.IsNullOrEmpty(words) || m.Title.Contains(words, StringComparison.OrdinalIgnoreCase))
            .Where(m => filter.State is not { } state || m.State == state)
            .Where(m => filter.From is not { } from || ChinaTime.DateOf(m.ScheduledAt) >= from)
            .Where(m => filter.To is not { } to || ChinaTime.DateOf(m.ScheduledAt) <= to)
            .ToList();
    }
}
