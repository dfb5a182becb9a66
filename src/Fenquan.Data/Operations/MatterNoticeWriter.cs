using Fenquan.Core.Matters;
using Fenquan.Data.Ledger;

namespace Fenquan.Data.Operations;

/// <summary>
/// Writes the core's notices about a matter (<see cref="MatterNotices"/>) in the unit of work of the
/// action they come from, saved with it but not ledgered (<see cref="LedgerWriter.IsMessage"/>): the
/// action's own entry is the record. The notices an action answers are not touched here: the unread count
/// leaves them out by <see cref="MatterNotices.IsAnswered"/> as soon as the action commits, and
/// <see cref="NotificationOperations.SettleAnsweredAsync"/> marks them later, off the writer's
/// busy path (a look-up and an update per action cut the approval rate by half).
/// </summary>
internal static class MatterNoticeWriter
{
    /// <summary>After an action on a step (by a person, or bound from signed minutes).</summary>
    public static void Acted(WriteContext ctx, Matter matter, MatterAction action) =>
        ctx.Db.AddRange(MatterNotices.Acted(matter, action, ctx.UnitView(matter.UnitId), ctx.Now));

    /// <summary>After an edit, a resubmission, a correction or a withdrawal that may have moved the matter's step.</summary>
    public static void Changed(WriteContext ctx, Matter matter, string? stepBefore, Core.Primitives.PersonId by)
    {
        if (MatterNotices.CurrentStep(matter) != stepBefore)
        {
            ctx.Db.AddRange(MatterNotices.Changed(matter, stepBefore, by, ctx.UnitView(matter.UnitId), ctx.Now));
        }
    }
}
