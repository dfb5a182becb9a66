using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Inspection;

/// <summary>
/// One missed duty of a voucher inspection, as the county's discipline inspection sees it (R8):
/// a period with paid claims never drawn, a finding not recorded by the deadline (or a claim nobody
/// could be assigned), or a rectification not closed by its deadline. Derived, never stored:
/// <see cref="Find"/>, <see cref="NotDrawn"/>. <see cref="Matter"/> is null for a period not drawn.
/// </summary>
public sealed record Overdue(OverdueKind Kind, UnitId Unit, string Period, MatterId? Matter, decimal Amount, PersonId? Who, DateOnly Deadline)
{
    /// <summary>
    /// The periods of <paramref name="paid"/> (a unit and a period it paid claims in) that were never
    /// drawn, once the findings of a draw made the day after the period's end would be due: the
    /// principals cannot escape the inspection by never drawing.
    /// </summary>
    public static IReadOnlyList<Overdue> NotDrawn(IEnumerable<(UnitId Unit, InspectionPeriod Period)> paid, IReadOnlySet<(UnitId Unit, string Period)> drawn, InspectionSettings settings, Calendar.WorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(paid);
        ArgumentNullException.ThrowIfNull(drawn);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(calendar);
        return [.. paid.Where(p => !drawn.Contains((p.Unit, p.Period.Key)))
            .Select(p => new Overdue(OverdueKind.NotDrawn, p.Unit, p.Period.Key, null, 0m, null, calendar.AddWorkingDays(p.Period.End.AddDays(1), settings.InspectionDays)))
            .Where(o => o.Deadline < today)];
    }

    /// <summary>
    /// The missed duties among <paramref name="items"/> on <paramref name="today"/>: an item without a finding
    /// whose inspection's deadline has passed, or with no inspector at all; a rectification not closed after its deadline.
    /// </summary>
    public static IReadOnlyList<Overdue> Find(
        IReadOnlyCollection<VoucherInspection> inspections, IReadOnlyCollection<InspectionItem> items, IReadOnlySet<Guid> itemsFound,
        IReadOnlyCollection<(Rectification Task, RectificationState State)> tasks, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(inspections);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(itemsFound);
        ArgumentNullException.ThrowIfNull(tasks);
        var byId = inspections.ToDictionary(i => i.Id);
        var missed = new List<Overdue>();
        foreach (var item in items.Where(i => !itemsFound.Contains(i.Id)))
        {
            var inspection = byId[item.InspectionId];
            if (item.InspectorId is null)
            {
                missed.Add(new Overdue(OverdueKind.Unassigned, item.UnitId, inspection.Period, item.MatterId, item.Amount, null, inspection.Deadline));
            }
            else if (inspection.Deadline < today)
            {
                missed.Add(new Overdue(OverdueKind.Inspection, item.UnitId, inspection.Period, item.MatterId, item.Amount, item.InspectorId, inspection.Deadline));
            }
        }

        foreach (var (task, state) in tasks.Where(t => t.State != RectificationState.Closed && t.Task.Deadline < today))
        {
            var inspection = byId.GetValueOrDefault(task.InspectionId);
            missed.Add(new Overdue(OverdueKind.Rectification, task.UnitId, inspection?.Period ?? string.Empty, task.MatterId, items.FirstOrDefault(i => i.Id == task.ItemId)?.Amount ?? 0m, task.ResponsibleId, task.Deadline));
        }

        return [.. missed.OrderBy(m => m.Deadline).ThenBy(m => m.Period, StringComparer.Ordinal)];
    }
}
