using Fenquan.Core.Access;
using Fenquan.Core.Finance.Inspection;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fenquan.Web.Finance;

/// <summary>
/// The voucher inspection (R8) for pages and the API: the core decides who sees and does what
/// (<see cref="InspectionAccess"/>, <see cref="VoucherInspection.Draw"/>, <see cref="InspectionItem.Find"/>,
/// <see cref="Rectification"/>), the operations ledger it; this only translates. Another unit's
/// inspection, item or task is not found.
/// </summary>
public sealed class InspectionService(DbSession session, InspectionOperations operations, Clock clock, IOptions<InspectionOptions> options, IOptions<FenquanOptions> limits)
{
    private readonly Core.Calendar.LimitWatch _watch = new(limits.Value.WarningPercent);

    // The county's calendar in force, read once per request (the service is scoped).
    private Core.Calendar.WorkingCalendar? _calendar;

    // Refusals of someone who sees the object but has no part in the step: 403 rather than 409.
    private static readonly HashSet<string> NotTheirs = ["R8.DrawByPrincipal", "R8.FindingByInspector", "R8.EvidenceByResponsible", "R8.AcceptByInspector", "R8.AcceptOwnEvidence", "R8.InspectorInterested"];

    public InspectionSettings Settings => options.Value.Settings();

    /// <summary>The period whose sample is drawn next: the last one over today.</summary>
    public InspectionPeriod LastPeriod => InspectionPeriod.LastEndedBefore(clock.Today, Settings.Months);

    public bool IsCountyDiscipline(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Person is { } me && session.Db.Counties.AsNoTracking().Any(c => c.Id == viewer.County && c.DisciplineInspectionId == me);
    }

    public static bool MayDraw(Viewer viewer) => viewer.Unit is { } unit && InspectionAccess.MayDraw(viewer.Asker, unit);

    public bool MaySeeMissed(Viewer viewer) => InspectionAccess.MaySeeMissed(viewer.Asker, IsCountyDiscipline(viewer));

    /// <summary>The viewer's unit's inspections (empty for those who may not see them).</summary>
    public IReadOnlyList<VoucherInspection> List(Viewer viewer) =>
        viewer.Unit is { } unit && InspectionAccess.MaySee(viewer.Asker, unit, false) ? InspectionOperations.Of(session.Db, viewer.County, unit) : [];

    public Result<InspectionView> View(Viewer viewer, Guid id)
    {
        var view = InspectionOperations.View(session.Db, viewer.County, id);
        return view is not null && Visible(viewer)(view.Inspection.UnitId) ? Result<InspectionView>.Ok(view) : Refusal.NotFound($"Inspection {id:D}");
    }

    /// <summary>The rectification tasks the viewer answers for.</summary>
    public IReadOnlyList<RectificationView> MyTasks(Viewer viewer) =>
        viewer.Person is { } me ? InspectionOperations.TasksOf(session.Db, viewer.County, me) : [];

    /// <summary>R46: an open rectification's clock on today's working-day calendar, yellow and red like every limit; null once closed.</summary>
    public RectificationClock? ClockOf(Viewer viewer, RectificationView task)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(task);
        if (task.State == RectificationState.Closed)
        {
            return null;
        }

        _calendar ??= CountyChangeOperations.CalendarInForce(session.Db, viewer.County);
        return task.Task.ClockOn(clock.Today, _calendar, _watch);
    }

    /// <summary>The county's missed inspections and rectifications: the county's discipline inspection only.</summary>
    public IReadOnlyList<Overdue> Missed(Viewer viewer) =>
        MaySeeMissed(viewer) ? InspectionOperations.Missed(session.Db, viewer.County, clock.Today, Settings) : [];

    /// <summary>Names of the county's units, for the missed list.</summary>
    public IReadOnlyDictionary<UnitId, string> UnitNames(Viewer viewer) =>
        session.Db.Units.AsNoTracking().Where(u => u.CountyId == viewer.County).Select(u => new { u.Id, u.Name }).ToDictionary(u => u.Id, u => u.Name);

    /// <summary>The checkpoint the period's draw would be seeded from now (null: none yet).</summary>
    public InspectionSeed? SeedPreview(Viewer viewer, InspectionPeriod period) => InspectionOperations.SeedFor(session.Db, viewer.County, period);

    public async Task<InspectionOutcome<VoucherInspection>> DrawAsync(Viewer viewer, string? periodKey)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var period = string.IsNullOrWhiteSpace(periodKey) ? Result<InspectionPeriod>.Ok(LastPeriod) : InspectionPeriod.Parse(periodKey);
        if (!period.IsOk)
        {
            return Of<VoucherInspection>(period.Refusal!);
        }

        if (viewer.Person is not { } me || viewer.Unit is not { } unit)
        {
            return Of<VoucherInspection>(Refusal.NotFound("Unit"));
        }

        return Of(await operations.DrawAsync(new DrawInspection(viewer.County, unit, period.Value, me, Settings with { Months = period.Value.Months }), clock.Today));
    }

    public async Task<InspectionOutcome<InspectionFinding>> FindAsync(Viewer viewer, Guid itemId, Verdict? verdict, string? note)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (verdict is not { } v || (note?.Length ?? 0) > InspectionFinding.MaxText)
        {
            return Of<InspectionFinding>(Refusal.Because(Refusal.InvalidId, "FindingForm", "A finding is InOrder or Problem, with a note of at most {max} characters.", ("max", InspectionFinding.MaxText.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        return viewer.Person is { } me
            ? Of(await operations.FindAsync(viewer.County, itemId, new RecordFinding(me, v, note), Settings, clock.Today, Visible(viewer)))
            : Of<InspectionFinding>(Refusal.NotFound($"Inspected claim {itemId:D}"));
    }

    public async Task<InspectionOutcome<RectificationStep>> EvidenceAsync(Viewer viewer, Guid taskId, string? text, string? attachment)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Person is { } me && (text?.Length ?? 0) <= InspectionFinding.MaxText && (attachment?.Length ?? 0) <= RectificationStep.MaxAttachment
            ? Of(await operations.GiveEvidenceAsync(viewer.County, taskId, me, text, attachment, Visible(viewer)))
            : Of<RectificationStep>(Refusal.Because(Refusal.InvalidId, "EvidenceForm", "Evidence is at most {max} characters, its attachment reference at most {attachment}.", ("max", InspectionFinding.MaxText.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("attachment", RectificationStep.MaxAttachment.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    public async Task<InspectionOutcome<RectificationStep>> DecideAsync(Viewer viewer, Guid taskId, bool accept, string? reason)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Person is { } me && (reason?.Length ?? 0) <= InspectionFinding.MaxText
            ? Of(await operations.DecideAsync(viewer.County, taskId, me, accept, reason, Visible(viewer)))
            : Of<RectificationStep>(Refusal.Because(Refusal.InvalidId, "ReasonTooLong", "A reason is at most {max} characters.", ("max", InspectionFinding.MaxText.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    private Func<UnitId, bool> Visible(Viewer viewer)
    {
        var county = IsCountyDiscipline(viewer);
        return unit => InspectionAccess.MaySee(viewer.Asker, unit, county);
    }

    private static InspectionOutcome<T> Of<T>(Result<T> result) => new(result, !result.IsOk && NotTheirs.Contains(result.Refusal!.Key));
}

/// <summary>An attempt's outcome; <see cref="Forbidden"/> when the viewer sees the object but has no part in the step (403).</summary>
public sealed record InspectionOutcome<T>(Result<T> Result, bool Forbidden);
