using Fenquan.Core.Primitives;

namespace Fenquan.Documents.Minutes;

/// <summary>
/// The names a minutes document shows that its content does not carry: the unit's, and people's
/// for signatures (the content's own names, frozen at the meeting, come first).
/// </summary>
public sealed record MinutesNames(string UnitName, IReadOnlyDictionary<PersonId, string>? People = null)
{
    internal string PersonName(Core.Meetings.Minutes minutes, PersonId person) =>
        minutes.Attendance.FirstOrDefault(a => a.PersonId == person)?.Name
        ?? People?.GetValueOrDefault(person)
        ?? person.ToString();
}
