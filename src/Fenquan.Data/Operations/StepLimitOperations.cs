using Fenquan.Core.Calendar;
using Fenquan.Core.Matters;
using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// R46: the periodic check of matters' steps against their time limits, counted on the county's
/// working-day calendar in force. The core decides which steps are yellow or red and who hears of
/// it (<see cref="MatterNotices.NearOrPastLimit"/>); each step and colour is notified once, so the
/// check may run as often as wanted, and again after a restart.
/// </summary>
public sealed class StepLimitOperations(LedgerWriter writer)
{
    /// <summary>Notifies the people each yellow or red step waits for; returns how many were notified.</summary>
    public async Task<int> ReportAsync(CountyId county, DateOnly today)
    {
        var reported = await writer.ExecuteAsync(county, "matter.step-limits", ctx =>
        {
            var pending = ctx.Db.Matters.AsNoTracking().Include(m => m.Actions).Include(m => m.Changes)
                .Where(m => m.CountyId == county && m.State == MatterState.Pending).ToList();
            var calendar = CountyChangeOperations.CalendarInForce(ctx.Db, county);
            var noneTold = new HashSet<(PersonId, Guid, string, NotificationKind)>();

            // Each matter's step limits are its unit's policy version's (R46), as its workbench shows them.
            StepTimeLimits LimitsOf(Matter m) => PolicyOperations.StepLimitsOf(ctx.Db, m.PolicyVersionId);

            // First which matters are yellow or red at all, then what was told about those only.
            var due = MatterNotices.NearOrPastLimit(pending, ctx.UnitView, LimitsOf, calendar, today, noneTold, ctx.Now);
            var ids = due.Select(n => n.SubjectId).Distinct().ToList();
            var told = ctx.Db.Set<Notification>().AsNoTracking()
                .Where(n => ids.Contains(n.SubjectId) && n.CountyId == county && (n.Kind == NotificationKind.StepNearLimit || n.Kind == NotificationKind.StepOverdue))
                .AsEnumerable()
                .Select(n => (n.RecipientId, n.SubjectId, MatterNotices.KeyOf(n) ?? string.Empty, n.Kind))
                .ToHashSet();
            var notices = told.Count == 0 ? due : MatterNotices.NearOrPastLimit(pending.Where(m => ids.Contains(m.Id.Value)), ctx.UnitView, LimitsOf, calendar, today, told, ctx.Now);
            ctx.Db.AddRange(notices);
            return Result<int>.Ok(notices.Count);
        });
        return reported.IsOk ? reported.Value : 0;
    }
}
