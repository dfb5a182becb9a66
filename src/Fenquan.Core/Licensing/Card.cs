using Fenquan.Core.Calendar;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Licensing;

/// <summary>
/// A yellow or red card (黄牌、红牌, R46): an application that reached the warning share of its limit,
/// or exceeded it. Never typed in: derived from the application's rows and the calendar (<see cref="Of"/>).
/// The person is the handler who accepted it (null while it waits for acceptance: the unit's).
/// </summary>
public sealed record Card(Guid ApplicationId, string ReceiptNumber, UnitId Unit, PersonId? Person, string ItemCode, string Stage, LimitColour Colour)
{
    /// <summary>The cards of <paramref name="applications"/> on <paramref name="today"/> (a decided one keeps the colour it had when decided).</summary>
    public static IReadOnlyList<Card> Of(IEnumerable<ApprovalApplication> applications, DateOnly today, WorkingCalendar calendar, LimitWatch watch)
    {
        ArgumentNullException.ThrowIfNull(applications);
        return [.. from a in applications
                   let status = a.StatusOn(today, calendar, watch)
                   where status.Colour != LimitColour.Green && a.State != ApplicationState.AwaitingCorrection
                   select new Card(a.Id, a.ReceiptNumber, a.UnitId, a.HandlerId, a.ItemCode, status.Stage, status.Colour)];
    }

    /// <summary>Yellow and red counts by a key (unit, person or item).</summary>
    public static IReadOnlyList<(TKey Key, int Yellow, int Red)> Count<TKey>(IEnumerable<Card> cards, Func<Card, TKey> key)
    {
        ArgumentNullException.ThrowIfNull(cards);
        return [.. cards.GroupBy(key).Select(g => (g.Key, g.Count(c => c.Colour == LimitColour.Yellow), g.Count(c => c.Colour == LimitColour.Red)))];
    }
}
