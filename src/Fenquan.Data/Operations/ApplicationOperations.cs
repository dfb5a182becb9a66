using System.Collections.Concurrent;
using System.Security.Cryptography;
using Fenquan.Core.Attachments;
using Fenquan.Core.Calendar;
using Fenquan.Core.Licensing;
using Fenquan.Core.Matters;
using Fenquan.Core.Notifications;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fenquan.Data.Operations;

/// <summary>A new application and its follow-up code, shown to the applicant once and never stored.</summary>
public sealed record SubmittedApplication(ApprovalApplication Application, string FollowUpCode);

/// <summary>A file the applicant hands in for one required document: which document, the file's name and its content.</summary>
public sealed record DocumentFile(string Document, string FileName, Stream Content);

/// <summary>
/// Applications to approval items (R24, R46): submitted without an account against the register
/// in force, followed with receipt number and code, handled by the unit. The core decides every
/// step; this loads the application, the unit's organisation and the calendar, and the writer
/// ledgers every row. Files for the required documents (<see cref="ApplicationDocument"/>) are
/// checked and staged in <paramref name="uploads"/> first, and named in the same unit of work as
/// the submission or correction that hands them in.
/// </summary>
public sealed class ApplicationOperations(LedgerWriter writer, AttachmentStore? uploads = null, AttachmentLimits? limits = null)
{
    private readonly AttachmentLimits _limits = limits ?? AttachmentLimits.Default;

    // The public's most frequent read (the follow-up page), compiled once per model (SQLite, PostgreSQL).
    private static readonly ConcurrentDictionary<IModel, Func<FenquanDbContext, string, Task<ApprovalApplication?>>> ByReceiptQueries = new();

    private const string CodeCharacters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<Result<SubmittedApplication>> SubmitAsync(CountyId county, string itemCode, Applicant applicant, IReadOnlyList<string> documents, IdentityCheck identity, DateOnly today, IReadOnlyList<DocumentFile>? files = null)
    {
        var staged = await StageAsync(files ?? []);
        if (!staged.IsOk)
        {
            return staged.Refusal!;
        }

        using var holder = new StagedFiles(staged.Value);
        return await writer.ExecuteAsync(county, "application.submitted", ctx =>
        {
            var (register, _) = CountyChangeOperations.RegisterInForce(ctx.Db, county);
            if (register.Find(itemCode ?? string.Empty) is not { } item)
            {
                return Refusal.NotFound("Approval item " + itemCode);
            }

            var code = RandomText(CodeCharacters, 16);
            var receipt = today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + RandomText("0123456789", 8);
            var submitted = ApprovalApplication.Submit(county, item, applicant, documents, receipt, code, identity, ctx.Now, today);
            if (!submitted.IsOk)
            {
                return submitted.Refusal!;
            }

            ctx.Db.Add(submitted.Value);
            var attached = Attach(ctx, submitted.Value, staged.Value);
            return attached.IsOk ? Result<SubmittedApplication>.Ok(new SubmittedApplication(submitted.Value, code)) : attached.Refusal!;
        });
    }

    /// <summary>The files handed in with an application, oldest first.</summary>
    public static IReadOnlyList<ApplicationDocument> DocumentsOf(FenquanDbContext db, CountyId county, Guid application)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<ApplicationDocument>().AsNoTracking().Where(d => d.CountyId == county && d.ApplicationId == application).AsEnumerable().OrderBy(d => d.StoredAt)];
    }

    /// <summary>One file's bytes, or null when the county has no such file of that application or its bytes are missing.</summary>
    public (ApplicationDocument Document, Stream Content)? OpenDocument(FenquanDbContext db, CountyId county, Guid application, Guid id)
    {
        ArgumentNullException.ThrowIfNull(db);
        var document = db.Set<ApplicationDocument>().AsNoTracking().SingleOrDefault(d => d.CountyId == county && d.ApplicationId == application && d.Id == id);
        return document is not null && uploads?.OpenRead(document.ContentHash) is { } stream ? (document, stream) : null;
    }

    // Checks every file before anything is written: a file refused refuses the whole hand-in.
    private async Task<Result<IReadOnlyList<(string Document, StagedUpload Upload, AttachmentCheck Check)>>> StageAsync(IReadOnlyList<DocumentFile> files)
    {
        if (files.Count == 0)
        {
            return Result<IReadOnlyList<(string, StagedUpload, AttachmentCheck)>>.Ok([]);
        }

        if (uploads is null)
        {
            throw new InvalidOperationException("Files are handed in only where the operations have the upload store.");
        }

        var staged = new List<(string, StagedUpload, AttachmentCheck)>();
        foreach (var file in files)
        {
            var upload = await uploads.StageAsync(file.Content, _limits.MaxBytes);
            var check = AttachmentRules.Check(upload.Head.Span, upload.Size, file.FileName, _limits);
            if (!check.IsOk)
            {
                upload.Dispose();
                new StagedFiles(staged).Dispose();
                return check.Refusal!;
            }

            staged.Add((file.Document, upload, check.Value));
        }

        return Result<IReadOnlyList<(string, StagedUpload, AttachmentCheck)>>.Ok(staged);
    }

    private Outcome Attach(WriteContext ctx, ApprovalApplication application, IReadOnlyList<(string Document, StagedUpload Upload, AttachmentCheck Check)> staged)
    {
        foreach (var (document, upload, check) in staged)
        {
            var attached = ApplicationDocument.Attach(application, document, check, upload.Size, upload.ContentHash, ctx.Now);
            if (!attached.IsOk)
            {
                return attached.Refusal!;
            }

            ctx.Db.Add(attached.Value);
        }

        // The bytes are in place before the rows that name them commit (as a matter's attachments).
        foreach (var (_, upload, _) in staged)
        {
            uploads!.Commit(upload);
        }

        return Outcome.Ok;
    }

    private sealed class StagedFiles(IEnumerable<(string Document, StagedUpload Upload, AttachmentCheck Check)> staged) : IDisposable
    {
        public void Dispose()
        {
            foreach (var (_, upload, _) in staged)
            {
                upload.Dispose();
            }
        }
    }

    /// <summary>
    /// The application with that receipt number whose follow-up code is <paramref name="code"/>, or
    /// null — the same null for an unknown receipt and a wrong code, so receipts cannot be enumerated.
    /// </summary>
    public static async Task<ApprovalApplication?> FollowAsync(FenquanDbContext db, string? receipt, string? code)
    {
        ArgumentNullException.ThrowIfNull(db);
        var number = (receipt ?? string.Empty).Trim();
        var byReceipt = ByReceiptQueries.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery((FenquanDbContext c, string r) => c.Set<ApprovalApplication>().AsNoTracking().Include(a => a.Events).SingleOrDefault(a => a.ReceiptNumber == r)));
        var found = number.Length is 0 or > 40 ? null : await byReceipt(db, number);

        // The code is hashed either way, so an unknown receipt costs what a wrong code costs.
        return ApprovalApplication.CodeMatches(found?.FollowUpCodeHash, code) ? found : null;
    }

    public static Task<ApprovalApplication?> FindAsync(FenquanDbContext db, CountyId county, Guid id) =>
        db.Set<ApprovalApplication>().AsNoTracking().Include(a => a.Events).SingleOrDefaultAsync(a => a.Id == id && a.CountyId == county);

    /// <summary>The unit's applications, newest first.</summary>
    public static Task<List<ApprovalApplication>> OfUnitAsync(FenquanDbContext db, CountyId county, UnitId unit) =>
        db.Set<ApprovalApplication>().AsNoTracking().Include(a => a.Events).Where(a => a.CountyId == county && a.UnitId == unit).OrderByDescending(a => a.Id).ToListAsync();

    /// <summary>Every application of the county (for the cards' counts).</summary>
    public static Task<List<ApprovalApplication>> OfCountyAsync(FenquanDbContext db, CountyId county) =>
        db.Set<ApprovalApplication>().AsNoTracking().Include(a => a.Events).Where(a => a.CountyId == county).ToListAsync();

    /// <summary>The applicant hands in what the unit asked for, with receipt number and code.</summary>
    public async Task<Result<ApprovalApplication>> CorrectAsync(FenquanDbContext reader, string receipt, string code, IReadOnlyList<string> documents, DateOnly today, IReadOnlyList<DocumentFile>? files = null)
    {
        if (await FollowAsync(reader, receipt, code) is not { } found)
        {
            return Refusal.NotFound("Application");
        }

        var staged = await StageAsync(files ?? []);
        if (!staged.IsOk)
        {
            return staged.Refusal!;
        }

        using var holder = new StagedFiles(staged.Value);
        return await writer.ExecuteAsync(found.CountyId, "application.corrected", ctx =>
        {
            var application = ctx.Db.Set<ApprovalApplication>().Include(a => a.Events).Single(a => a.Id == found.Id);
            var corrected = application.Correct(documents, ctx.Now, today);
            var attached = corrected.IsOk ? Attach(ctx, application, staged.Value) : corrected;
            return attached.IsOk ? Result<ApprovalApplication>.Ok(application) : attached.Refusal!;
        });
    }

    /// <summary>A step of the handling unit's person: the core decides with the unit's organisation and the calendar in force.</summary>
    public Task<Result<ApprovalApplication>> ActAsync(CountyId county, Guid id, string kind, Func<ApprovalApplication, IOrganizationView, DateTimeOffset, WorkingCalendar, Outcome> act) =>
        ActAsync(county, id, kind, (application, org, now, calendar, _) => act(application, org, now, calendar));

    /// <summary>
    /// A step that may need the team's decision on a major item (R23): <paramref name="act"/> also gets
    /// the state of the application's decision matter (null when none was referred).
    /// </summary>
    public Task<Result<ApprovalApplication>> ActAsync(CountyId county, Guid id, string kind, Func<ApprovalApplication, IOrganizationView, DateTimeOffset, WorkingCalendar, MatterState?, Outcome> act) =>
        writer.ExecuteAsync(county, kind, ctx =>
        {
            var application = Load(ctx, county, id);
            if (application is null)
            {
                return Refusal.NotFound("Application " + id.ToString("D"));
            }

            var org = OrganizationOperations.LoadUnitView(ctx.Db, county, application.UnitId);
            var done = act(application, org, ctx.Now, CountyChangeOperations.CalendarInForce(ctx.Db, county), TeamDecision(ctx, application));
            return done.IsOk ? Result<ApprovalApplication>.Ok(application) : done.Refusal!;
        });

    /// <summary>
    /// R23: the handler refers a major item's decision to the unit's route for major items — a matter
    /// (kind approval item, the item's code, so the county's register marks it major) submitted by the
    /// handler in the same unit of work, which the deputy in charge, a principal and the team then take.
    /// </summary>
    public Task<Result<(ApprovalApplication Application, Matter Matter)>> ReferToTeamAsync(CountyId county, Guid id, PersonId by, InitiatorKind initiatorKind, DateOnly today) =>
        writer.ExecuteAsync(county, "application.referred-to-team", ctx =>
        {
            var application = Load(ctx, county, id);
            if (application is null)
            {
                return Refusal.NotFound("Application " + id.ToString("D"));
            }

            var org = OrganizationOperations.LoadUnitView(ctx.Db, county, application.UnitId);
            var current = TeamDecision(ctx, application);

            // Asked first without a matter, so a refused referral submits nothing.
            var may = application.MayReferToTeam(by, org, today, current);
            if (!may.IsOk)
            {
                return may.Refusal!;
            }

            var command = new SubmitMatter(county, application.UnitId, MatterKind.ApprovalItem, application.TeamMatterTitle, 0m, Payee.None, by, initiatorKind, MatterFlags.None, today)
            {
                ItemCode = application.ItemCode,
                SubmittedOn = today,
            };
            var matter = new MatterOperations(writer).Submit(ctx, command, null, null, MatterFlags.None);
            if (!matter.IsOk)
            {
                return matter.Refusal!;
            }

            var referred = application.ReferToTeam(by, matter.Value.Id.Value, org, ctx.Now, today, current);
            return referred.IsOk ? Result<(ApprovalApplication, Matter)>.Ok((application, matter.Value)) : referred.Refusal!;
        });

    private static ApprovalApplication? Load(WriteContext ctx, CountyId county, Guid id) =>
        ctx.Db.Set<ApprovalApplication>().Include(a => a.Events).SingleOrDefault(a => a.Id == id && a.CountyId == county);

    private static MatterState? TeamDecision(WriteContext ctx, ApprovalApplication application) =>
        application.DecisionMatterId is { } decision
            ? ctx.Db.Matters.AsNoTracking().Where(m => m.Id == new MatterId(decision) && m.CountyId == application.CountyId).Select(m => (MatterState?)m.State).SingleOrDefault()
            : null;

    /// <summary>
    /// R46: each red card escalates to the unit's discipline members — once per application and stage,
    /// in one unit of work (run by the server every few minutes, and by tests directly).
    /// </summary>
    public Task<Result<int>> ReportRedCardsAsync(CountyId county, DateOnly today, LimitWatch watch) =>
        writer.ExecuteAsync(county, "application.red-cards", ctx =>
        {
            var open = ctx.Db.Set<ApprovalApplication>().AsNoTracking().Include(a => a.Events)
                .Where(a => a.CountyId == county && (a.State == ApplicationState.Submitted || a.State == ApplicationState.Accepted)).ToList();
            var red = Card.Of(open, today, CountyChangeOperations.CalendarInForce(ctx.Db, county), watch).Where(c => c.Colour == LimitColour.Red).ToList();
            var ids = red.Select(c => c.ApplicationId).ToList();
            var told = ctx.Db.Set<Notification>().AsNoTracking().Where(n => n.CountyId == county && n.Kind == NotificationKind.RedCard && ids.Contains(n.SubjectId))
                .AsEnumerable().Select(n => (n.SubjectId, n.RecipientId, n.TextArgs.Count > 2 ? n.TextArgs[2] : string.Empty)).ToHashSet();
            var count = 0;
            foreach (var card in red)
            {
                var org = OrganizationOperations.LoadUnitView(ctx.Db, county, card.Unit);
                foreach (var member in org.PeopleWithRole(card.Unit, Role.DisciplineMember, today).Where(m => !told.Contains((card.ApplicationId, m, card.Stage))))
                {
                    ctx.Db.Add(Notification.To(county, member, NotificationKind.RedCard, card.ApplicationId, [card.ReceiptNumber, card.ItemCode, card.Stage], ctx.Now));
                    count++;
                }
            }

            return Result<int>.Ok(count);
        });

    private static string RandomText(string alphabet, int length) =>
        string.Create(length, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
}
