using Fenquan.Core.Calendar;

namespace Fenquan.Core.Licensing;

/// <summary>
/// Which of a unit's applications a list shows: in a state, for an item, overdue (red against any
/// of its limits on the day, R46). An empty filter keeps them all.
/// </summary>
public sealed record ApplicationFilter(ApplicationState? State = null, string? ItemCode = null, bool? Overdue = null)
{
    public bool Keeps(ApprovalApplication application, ApplicationStatus status)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(status);
        return (State is not { } state || application.State == state)
            && (string.IsNullOrWhiteSpace(ItemCode) || string.Equals(application.ItemCode, ItemCode.Trim(), StringComparison.OrdinalIgnoreCase))
            && (Overdue is not { } overdue || (status.Colour == LimitColour.Red) == overdue);
    }
}
