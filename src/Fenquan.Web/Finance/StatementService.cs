using Fenquan.Core.Access;
using Fenquan.Core.Finance;
using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Documents.Statements;
using Fenquan.Web.Access;
using Fenquan.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Finance;

/// <summary>
/// Quarterly statements for pages and the API (R9): the core decides who sees which version
/// (<see cref="StatementAccess"/>) and who tables and publishes (<see cref="Statement"/>); the
/// writer ledgers; exports are the stored version as .xlsx and PDF. Another unit's statement does
/// not exist for the viewer.
/// </summary>
public sealed class StatementService(DbSession session, StatementOperations operations, IConfiguration configuration)
{
    /// <summary>The county's large-item threshold (configuration <c>Fenquan:StatementLargeItem</c>), the collective limit by default.</summary>
    public decimal LargeItemThreshold => configuration.GetValue("Fenquan:StatementLargeItem", QuarterlyStatement.DefaultLargeItemThreshold);

    public static bool MayPublish(Viewer viewer) => StatementAccess.MayPublish(viewer.Asker);

    public static bool SeesDrafts(Viewer viewer) => StatementAccess.SeesDrafts(viewer.Asker);

    /// <summary>The versions of the viewer's unit's statements the viewer may see, newest first; NotFound for someone outside any unit.</summary>
    public Result<IReadOnlyList<Statement>> List(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Unit is not { } unit || !StatementAccess.BelongsTo(viewer.Asker, unit))
        {
            return Refusal.NotFound("Statements");
        }

        return Result<IReadOnlyList<Statement>>.Ok([.. StatementOperations.Of(session.Db, viewer.County, unit).Where(s => StatementAccess.MaySee(viewer.Asker, s))]);
    }

    /// <summary>One version the viewer may see, or NotFound.</summary>
    public Result<Statement> Get(Viewer viewer, Guid id)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var statement = StatementOperations.Find(session.Db, viewer.County, id);
        return statement is not null && StatementAccess.MaySee(viewer.Asker, statement) ? Result<Statement>.Ok(statement) : Refusal.NotFound("Statement " + id.ToString("D"));
    }

    /// <summary>The quarter's figures as the data stands now, for the team and finance staff who prepare it.</summary>
    public Result<StatementContent> Preview(Viewer viewer, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Unit is { } unit && StatementAccess.BelongsTo(viewer.Asker, unit) && StatementAccess.SeesDrafts(viewer.Asker)
            ? Result<StatementContent>.Ok(StatementOperations.Build(session.Db, viewer.County, unit, quarter, LargeItemThreshold))
            : Refusal.NotFound("Statement " + quarter);
    }

    /// <summary>The unit's meetings whose agenda is still open: where a statement may be tabled.</summary>
    public IReadOnlyList<Meeting> ScheduledMeetings(Viewer viewer) =>
        viewer.Unit is { } unit && MayPublish(viewer)
            ? [.. session.Db.Set<Meeting>().AsNoTracking().Where(m => m.CountyId == viewer.County && m.UnitId == unit && m.State == MeetingState.Scheduled).OrderBy(m => m.ScheduledAt).Take(50)]
            : [];

    public async Task<PaymentOutcome<Statement>> TableAsync(Viewer viewer, Quarter quarter, Guid meeting, string? reason)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Person is not { } me || viewer.Unit is not { } unit || !StatementAccess.BelongsTo(viewer.Asker, unit) || !SeesDrafts(viewer))
        {
            return new(Refusal.NotFound("Statement " + quarter), false);
        }

        var tabled = await operations.TableAsync(viewer.County, unit, quarter, new MeetingId(meeting), me, reason, LargeItemThreshold);
        return new(tabled, !tabled.IsOk && !MayPublish(viewer));
    }

    public async Task<PaymentOutcome<Statement>> PublishAsync(Viewer viewer, Guid id)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Person is not { } me || viewer.Unit is not { } unit || Get(viewer, id) is not { IsOk: true })
        {
            return new(Refusal.NotFound("Statement " + id.ToString("D")), false);
        }

        var published = await operations.PublishAsync(viewer.County, unit, id, me);
        return new(published, !published.IsOk && !MayPublish(viewer));
    }

    /// <summary>The version as .xlsx, with its file name.</summary>
    public Result<(byte[] Bytes, string FileName)> Workbook(Viewer viewer, Guid id) =>
        Get(viewer, id) is { IsOk: true, Value: var s } ? Result<(byte[], string)>.Ok((StatementWorkbook.Export(s), FileName(s, "xlsx"))) : Refusal.NotFound("Statement " + id.ToString("D"));

    /// <summary>The version as PDF with Chinese fonts, with its file name.</summary>
    public Result<(byte[] Bytes, string FileName)> Pdf(Viewer viewer, Guid id) =>
        Get(viewer, id) is { IsOk: true, Value: var s } ? Result<(byte[], string)>.Ok((StatementPdf.Render(s), FileName(s, "pdf"))) : Refusal.NotFound("Statement " + id.ToString("D"));

    private static string FileName(Statement s, string extension) => System.FormattableString.Invariant($"statement-{s.Quarter}-v{s.Version}.{extension}");
}
