using Fenquan.Core.Matters;
using Fenquan.Core.Notifications;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// Writes the core's notices about a matter (<see cref="MatterNotices"/>) in the unit of work of the
/// action they come from, and settles the unread ones the action answered, so that the unread count
/// is right as soon as the action commits.
/// </summary>
internal static class MatterNoticeWriter
{
    /// <summary>After an action on a step (by a person, or bound from signed minutes).</summary>
    public static void Acted(WriteContext ctx, Matter matter, MatterAction action)
    {
        Settle(ctx, matter);
        ctx.Db.AddRange(MatterNotices.Acted(matter, action, ctx.UnitView(matter.UnitId), ctx.Now));
    }

    /// <summary>After an edit, a resubmission, a correction or a withdrawal that may have moved the matter's step.</summary>
    public static void Changed(WriteContext ctx, Matter matter, string? stepBefore, Core.Primitives.PersonId by)
    {
        if (MatterNotices.CurrentStep(matter) == stepBefore)
        {
            return;
        }

        Settle(ctx, matter);
        ctx.Db.AddRange(MatterNotices.Changed(matter, stepBefore, by, ctx.UnitView(matter.UnitId), ctx.Now));
    }

    private static void Settle(WriteContext ctx, Matter matter)
    {
        // Found by the (SubjectId, ReadAt) index: only this matter's unread notices are read, by a
        // query compiled once (it runs inside the serialized writer on every action).
        var unread = UnreadOf.GetOrAdd(ctx.Db.Model, static _ => EF.CompileQuery((FenquanDbContext db, Guid subject, Core.Primitives.CountyId county) =>
            db.Set<Notification>().Where(n => n.SubjectId == subject && n.ReadAt == null && n.CountyId == county)))(ctx.Db, matter.Id.Value, ctx.County).ToList();
        if (unread.Count > 0)
        {
            MatterNotices.SettleAnswered(matter, unread, ctx.Now);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<FenquanDbContext, Guid, Core.Primitives.CountyId, IEnumerable<Notification>>> UnreadOf = new();
}
