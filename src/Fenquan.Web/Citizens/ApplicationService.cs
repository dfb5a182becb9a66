using System.Collections.Concurrent;
using Fenquan.Core.Calendar;
using Fenquan.Core.Licensing;
using Fenquan.Core.Primitives;
using Fenquan.Core.Supervision;
using Fenquan.Data.Operations;
using Fenquan.Documents.Decisions;
using Fenquan.Web.Access;
using Fenquan.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fenquan.Web.Citizens;

/// <summary>What the applicant sees on the follow-up page: the state and the clock, the decision, the complaints' replies — nothing about the unit's people.</summary>
public sealed record FollowUpView(ApprovalApplication Application, ApplicationStatus Status, IReadOnlyList<EfficiencyComplaint> Complaints);

/// <summary>What the handling unit sees of an application: the status, and the applicant's data only for the unit's people.</summary>
public sealed record ApplicationView(ApprovalApplication Application, ApplicationStatus Status, bool SeesApplicant, bool MayHandle, ApprovalItemEntry? Item);

/// <summary>
/// Applications for pages and the API (R24, R46): submitted and followed without an account, handled
/// by the unit. Access is decided by the core (<see cref="ApprovalApplication.MaySeeApplicant"/>,
/// <see cref="ApprovalApplication.MayHandle"/>); another unit's application is not found.
/// </summary>
public sealed class ApplicationService(DbSession session, ApplicationOperations operations, IIdentityVerifier identity, Clock clock, IOptions<FenquanOptions> options)
{
    public LimitWatch Watch { get; } = new(options.Value.WarningPercent);

    // The calendar in force per county, read again after CalendarAge: the follow-up page is the
    // public's most frequent request, and a confirmed calendar year changes a few times a year.
    private static readonly ConcurrentDictionary<CountyId, (long Until, WorkingCalendar Calendar)> Calendars = new();
    private const long CalendarAgeMs = 10_000;

    /// <summary>R46: the county's calendar in force (at most ten seconds old).</summary>
    public WorkingCalendar Calendar(CountyId county)
    {
        var now = Environment.TickCount64;
        if (Calendars.TryGetValue(county, out var kept) && kept.Until > now)
        {
            return kept.Calendar;
        }

        var calendar = CountyChangeOperations.CalendarInForce(session.Db, county);
        Calendars[county] = (now + CalendarAgeMs, calendar);
        return calendar;
    }

    public async Task<Result<SubmittedApplication>> SubmitAsync(Guid county, string itemCode, Applicant applicant, IReadOnlyList<string> documents, CancellationToken cancellationToken, IReadOnlyList<DocumentFile>? files = null)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        var id = new CountyId(county);
        if (!await session.Db.Counties.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return Refusal.NotFound("County");
        }

        var check = await identity.VerifyAsync(applicant, cancellationToken);
        return await operations.SubmitAsync(id, itemCode, applicant, documents, check, clock.Today, files);
    }

    /// <summary>The follow-up of an application, or null — the same for an unknown receipt and a wrong code.</summary>
    public async Task<FollowUpView?> FollowAsync(string? receipt, string? code)
    {
        if (await ApplicationOperations.FollowAsync(session.Db, receipt, code) is not { } application)
        {
            return null;
        }

        var status = application.StatusOn(clock.Today, Calendar(application.CountyId), Watch);
        return new FollowUpView(application, status, await ComplaintOperations.OfApplicationAsync(session.Db, application.Id));
    }

    public Task<Result<ApprovalApplication>> CorrectAsync(string receipt, string code, IReadOnlyList<string> documents, IReadOnlyList<DocumentFile>? files = null) =>
        operations.CorrectAsync(session.Db, receipt, code, documents, clock.Today, files);

    /// <summary>The decision document, for the applicant (receipt and code) once decided.</summary>
    public async Task<(byte[] Pdf, string FileName)?> DecisionPdfAsync(string? receipt, string? code)
    {
        if (await ApplicationOperations.FollowAsync(session.Db, receipt, code) is not { DecidedAt: not null } application)
        {
            return null;
        }

        var unit = await session.Db.Units.AsNoTracking().Where(u => u.Id == application.UnitId).Select(u => u.Name).SingleAsync();
        var item = CountyChangeOperations.RegisterInForce(session.Db, application.CountyId).Register.Find(application.ItemCode);
        return (DecisionPdf.Render(application, unit, item?.LegalBasis ?? string.Empty), application.DecisionNumber + ".pdf");
    }

    /// <summary>The viewer's unit's applications with their status, those the filter keeps (all without one).</summary>
    public async Task<IReadOnlyList<ApplicationView>> OfUnitAsync(Viewer viewer, ApplicationFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Unit is not { } unit || viewer.Org is null)
        {
            return [];
        }

        var calendar = Calendar(viewer.County);
        var views = (await ApplicationOperations.OfUnitAsync(session.Db, viewer.County, unit)).Select(a => View(viewer, a, calendar, null));
        return [.. filter is null ? views : views.Where(v => filter.Keeps(v.Application, v.Status))];
    }

    /// <summary>One application of the viewer's unit; another unit's is not found.</summary>
    public async Task<Result<ApplicationView>> GetAsync(Viewer viewer, Guid id)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var application = await ApplicationOperations.FindAsync(session.Db, viewer.County, id);
        if (application is null || viewer.Org is not { } org || !application.MaySeeApplicant(viewer.Person, org, viewer.Today))
        {
            return Refusal.NotFound("Application " + id.ToString("D"));
        }

        var item = CountyChangeOperations.RegisterInForce(session.Db, viewer.County).Register.Find(application.ItemCode);
        return Result<ApplicationView>.Ok(View(viewer, application, Calendar(viewer.County), item));
    }

    /// <summary>R24: the files the applicant handed in, for the handling unit only (the core decides); another unit's application is not found.</summary>
    public async Task<Result<IReadOnlyList<ApplicationDocument>>> DocumentsAsync(Viewer viewer, Guid id)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var application = await ApplicationOperations.FindAsync(session.Db, viewer.County, id);
        return application is not null && viewer.Org is { } org && ApplicationDocument.MayDownload(application, viewer.Person, org, viewer.Today)
            ? Result<IReadOnlyList<ApplicationDocument>>.Ok(ApplicationOperations.DocumentsOf(session.Db, viewer.County, id))
            : Refusal.NotFound("Application " + id.ToString("D"));
    }

    /// <summary>One of those files' bytes, or NotFound (also for another unit's application).</summary>
    public async Task<Result<(ApplicationDocument Document, Stream Content)>> OpenDocumentAsync(Viewer viewer, Guid id, Guid documentId)
    {
        var allowed = await DocumentsAsync(viewer, id);
        return allowed.IsOk && operations.OpenDocument(session.Db, viewer.County, id, documentId) is { } opened
            ? Result<(ApplicationDocument, Stream)>.Ok(opened)
            : Refusal.NotFound("Document " + documentId.ToString("D"));
    }

    /// <summary>A step of the handling unit, decided by the core; another unit's application is not found.</summary>
    public Task<Result<ApprovalApplication>> ActAsync(Viewer viewer, Guid id, string kind, Func<ApprovalApplication, Core.Organization.IOrganizationView, DateTimeOffset, WorkingCalendar, Outcome> act) =>
        ActAsync(viewer, id, kind, (a, org, now, calendar, _) => act(a, org, now, calendar));

    /// <summary>A step that may need the team's decision on a major item (R23): the act also gets the state of its decision matter.</summary>
    public async Task<Result<ApprovalApplication>> ActAsync(Viewer viewer, Guid id, string kind, Func<ApprovalApplication, Core.Organization.IOrganizationView, DateTimeOffset, WorkingCalendar, Core.Matters.MatterState?, Outcome> act)
    {
        var found = await GetAsync(viewer, id);
        if (!found.IsOk)
        {
            return found.Refusal!;
        }

        return await operations.ActAsync(viewer.County, id, kind, act);
    }

    /// <summary>R23: the handler refers a major item's decision to the unit's route for major items; the new matter's id is the link to follow.</summary>
    public async Task<Result<ApprovalApplication>> ReferToTeamAsync(Viewer viewer, Guid id)
    {
        var found = await GetAsync(viewer, id);
        if (!found.IsOk)
        {
            return found.Refusal!;
        }

        var referred = await operations.ReferToTeamAsync(viewer.County, id, Me(viewer), viewer.InitiatorKind, viewer.Today);
        return referred.IsOk ? Result<ApprovalApplication>.Ok(referred.Value.Application) : referred.Refusal!;
    }

    /// <summary>The refusal of a step to someone who sees the application but does not handle it (403, not 409).</summary>
    public static bool IsNotHandler(Refusal refusal) => refusal?.Key == "R24.NotHandler";

    public Task<Result<ApprovalApplication>> AcceptAsync(Viewer viewer, Guid id) =>
        ActAsync(viewer, id, "application.accepted", (a, org, now, _) => a.Accept(Me(viewer), org, now, viewer.Today));

    /// <summary>一次性告知补正 (Art. 32): every missing document at once.</summary>
    public Task<Result<ApprovalApplication>> RequestCorrectionAsync(Viewer viewer, Guid id, IReadOnlyCollection<string> missing) =>
        ActAsync(viewer, id, "application.correction-requested", (a, org, now, calendar) => a.RequestCorrection(Me(viewer), missing, org, now, viewer.Today, calendar));

    public Task<Result<ApprovalApplication>> RefuseAsync(Viewer viewer, Guid id, string reasons) =>
        ActAsync(viewer, id, "application.refused", (a, org, now, _, team) => a.Refuse(Me(viewer), reasons, org, now, viewer.Today, team));

    public Task<Result<ApprovalApplication>> PauseAsync(Viewer viewer, Guid id, PauseReason reason, string note) =>
        ActAsync(viewer, id, "application.paused", (a, org, now, _) => a.Pause(Me(viewer), reason, note, org, now, viewer.Today));

    public Task<Result<ApprovalApplication>> ResumeAsync(Viewer viewer, Guid id) =>
        ActAsync(viewer, id, "application.resumed", (a, org, now, _) => a.Resume(Me(viewer), org, now, viewer.Today));

    public Task<Result<ApprovalApplication>> ChargeFeeAsync(Viewer viewer, Guid id, decimal amount) =>
        ActAsync(viewer, id, "application.fee-charged", (a, org, now, _) => a.ChargeFee(Me(viewer), amount, org, now, viewer.Today));

    /// <summary>The current step is done; at the last step the application is granted with the note as the decision.</summary>
    public Task<Result<ApprovalApplication>> CompleteStepAsync(Viewer viewer, Guid id, string note) =>
        ActAsync(viewer, id, "application.step-completed", (a, org, now, _, team) => a.CompleteStep(Me(viewer), note, grant: true, org, now, viewer.Today, team));

    // Without a person the application is not found before any step (MaySeeApplicant), so default never acts.
    private static Core.Primitives.PersonId Me(Viewer viewer) => viewer.Person ?? default;

    private ApplicationView View(Viewer viewer, ApprovalApplication application, WorkingCalendar calendar, ApprovalItemEntry? item) =>
        new(application, application.StatusOn(viewer.Today, calendar, Watch),
            viewer.Org is { } org && application.MaySeeApplicant(viewer.Person, org, viewer.Today),
            viewer.Org is { } o && viewer.Person is { } me && ApprovalApplication.MayHandle(application.UnitId, me, o, viewer.Today),
            item);
}
