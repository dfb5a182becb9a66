using System.Collections.Concurrent;
using Fenquan.Core.Calendar;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Licensing;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// Changes to route-deciding county data under four eyes (R40): a county official proposes, a
/// different one confirms, and only then does the change take effect (the bounds or the name are
/// set on the county; a catalogue or register version comes into force). The county's discipline
/// inspection is notified of both in the same unit of work (R29). The core decides; this class
/// loads the subject's line of proposals and the county, and the writer ledgers every row.
/// Also the one place the registers in force are read, by pages, the API, the command line and
/// the submit operation alike.
/// </summary>
public sealed class CountyChangeOperations(LedgerWriter writer)
{
    // Confirmed payloads never change: each is parsed once for the life of the process.
    private static readonly ConcurrentDictionary<Guid, ProcurementCatalogue> Catalogues = new();
    private static readonly ConcurrentDictionary<Guid, ApprovalItemRegister> Registers = new();
    private static readonly ConcurrentDictionary<Guid, CalendarYear> CalendarYears = new();
    private static readonly ConcurrentDictionary<string, WorkingCalendar> Calendars = new(StringComparer.Ordinal);

    // R40: a unit's policy is confirmed only with its version published (PolicyOperations.ApproveAtCountyAsync).
    private static Refusal UnitPolicyThroughProposal => Refusal.Because("R40", "UnitPolicyThroughProposal", "A unit's policy is approved at the county through its policy proposal, which publishes the version.");

    public Task<Result<CountyChange>> ProposeAsync(CountyId county, CountyChangeSubject subject, string payloadJson, string summary, CountyOfficial by) =>
        writer.ExecuteAsync(county, "county-change.proposed", ctx => Propose(ctx, county, subject, payloadJson, summary, by));

    /// <summary>Proposes a new name for the county (R40): refused when it is empty, too long or the name it has (<see cref="CountyRename"/>).</summary>
    public Task<Result<CountyChange>> ProposeRenameAsync(CountyId county, string? name, string summary, CountyOfficial by)
    {
        var rename = CountyRename.Of(name);
        return rename.IsOk
            ? ProposeAsync(county, CountyChangeSubject.CountyName, rename.Value.ToJson(), summary, by)
            : Task.FromResult(Result<CountyChange>.Refused(rename.Refusal!));
    }

    /// <summary>R22: proposes the county's registered OCDS prefix (R40, four eyes): refused when malformed (<see cref="Core.Ocds.OcdsPrefix.Check"/>).</summary>
    public Task<Result<CountyChange>> ProposeOcdsPrefixAsync(CountyId county, string? prefix, string summary, CountyOfficial by)
    {
        var setting = Core.Ocds.OcdsPrefixSetting.Of(prefix);
        return setting.IsOk
            ? ProposeAsync(county, CountyChangeSubject.OcdsPrefix, setting.Value.ToJson(), summary, by)
            : Task.FromResult(Result<CountyChange>.Refused(setting.Refusal!));
    }

    /// <summary>Proposes within a unit of work already running (an import proposes its catalogue and register with the rest of the file).</summary>
    public static Result<CountyChange> Propose(WriteContext ctx, CountyId county, CountyChangeSubject subject, string payloadJson, string summary, CountyOfficial by)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var payload = CountyChangePayload.Normalise(subject, payloadJson ?? string.Empty);
        if (!payload.IsOk)
        {
            return payload.Refusal!;
        }

        var target = ctx.Db.Counties.AsNoTracking().SingleOrDefault(c => c.Id == county);
        if (target is null)
        {
            return Refusal.NotFound($"County {county}");
        }

        // R2, R3, R4, R5, R16: bounds no unit could meet are refused before anyone reads them.
        if (subject == CountyChangeSubject.Bounds
            && BoundsStandings.Check(ctx.Db, county, CountyChangePayload.BoundsFromJson(payload.Value).Value, BoundsStandings.Today(ctx.Now)) is { IsOk: false } unreachable)
        {
            return unreachable.Refusal!;
        }

        // R40: a rename must name the county differently; the rest of the name's checks ran in Normalise.
        if (subject == CountyChangeSubject.CountyName && CountyRename.From(target.Name, CountyRename.FromJson(payload.Value).Value.Name) is { IsOk: false } unchanged)
        {
            return unchanged.Refusal!;
        }

        var subjectId = CountyChangePayload.SubjectIdOf(subject, payload.Value);
        var line = ctx.Db.Set<CountyChange>().Where(c => c.CountyId == county && c.Subject == subject && c.SubjectId == subjectId).ToList();
        PersonId[] inspection = target.DisciplineInspectionId is { } inspector ? [inspector] : [];
        var proposed = CountyChange.Propose(county, subject, subjectId, payload.Value, summary, by, line, inspection, ctx.Now);
        if (!proposed.IsOk)
        {
            return proposed.Refusal!;
        }

        ctx.Db.Add(proposed.Value.Change);
        ctx.Db.AddRange(CountyChangeNotices.Proposed(proposed.Value.Change, inspection, ctx.Now));
        return Result<CountyChange>.Ok(proposed.Value.Change);
    }

    /// <summary>Four eyes: a second county official confirms, and the change takes effect in the same transaction.</summary>
    public Task<Result<CountyChange>> ConfirmAsync(CountyId county, Guid id, CountyOfficial by) =>
        writer.ExecuteAsync(county, "county-change.confirmed", ctx =>
        {
            var change = ctx.Db.Set<CountyChange>().SingleOrDefault(c => c.Id == id && c.CountyId == county);
            var target = ctx.Db.Counties.SingleOrDefault(c => c.Id == county);
            if (change is null || target is null)
            {
                return Refusal.NotFound("County change " + id.ToString("D"));
            }

            if (change.Subject == CountyChangeSubject.UnitPolicy)
            {
                return UnitPolicyThroughProposal;
            }

            var confirmed = change.Subject switch
            {
                CountyChangeSubject.Bounds => ConfirmBounds(ctx, change, target, by),
                CountyChangeSubject.CountyName => ConfirmRename(ctx, change, target, by),
                _ => change.Confirm(by, ctx.Now),
            };
            if (!confirmed.IsOk)
            {
                return confirmed.Refusal!;
            }

            PersonId[] inspection = target.DisciplineInspectionId is { } inspector ? [inspector] : [];
            ctx.Db.AddRange(CountyChangeNotices.Confirmed(change, inspection, ctx.Now));
            return Result<CountyChange>.Ok(change);
        });

    /// <summary>
    /// A bounds change is checked again against the units as they stand now: it is refused if it has
    /// become unreachable, takes effect at once if every unit complies, and otherwise waits for the
    /// units it names (<see cref="BoundsStandings.Recheck"/>). A bounds change still waiting is
    /// superseded by this one, which decides on its own.
    /// </summary>
    private static Outcome ConfirmBounds(WriteContext ctx, CountyChange change, Core.Organization.County target, CountyOfficial by)
    {
        var bounds = CountyChangePayload.BoundsFromJson(change.PayloadJson).Value;
        var check = BoundsStandings.Check(ctx.Db, target.Id, bounds, BoundsStandings.Today(ctx.Now));
        if (!check.IsOk)
        {
            return check.Refusal!;
        }

        var confirmed = change.Confirm(by, [.. check.Value.Select(u => u.Unit)], ctx.Now);
        if (!confirmed.IsOk)
        {
            return confirmed;
        }

        foreach (var older in ctx.Db.Set<CountyChange>().Where(c => c.CountyId == target.Id && c.Subject == CountyChangeSubject.Bounds && c.State == CountyChangeState.AwaitingUnits && c.Id != change.Id))
        {
            older.SupersedeWaiting(change, ctx.Now);
        }

        if (change.IsInForce)
        {
            target.ChangeBounds(bounds);
        }

        return Outcome.Ok;
    }

    /// <summary>
    /// A rename takes effect on confirmation: the county's row changes in the same unit of work, so the
    /// ledger records the new name beside the confirmation. The log's origin names the county by its
    /// id, so nothing signed before changes meaning.
    /// </summary>
    private static Outcome ConfirmRename(WriteContext ctx, CountyChange change, Core.Organization.County target, CountyOfficial by)
    {
        var rename = CountyRename.From(target.Name, CountyRename.FromJson(change.PayloadJson).Value.Name);
        if (!rename.IsOk)
        {
            return rename.Refusal!;
        }

        var confirmed = change.Confirm(by, ctx.Now);
        if (confirmed.IsOk)
        {
            target.Rename(rename.Value);
        }

        return confirmed;
    }

    public Task<Result<CountyChange>> WithdrawAsync(CountyId county, Guid id, CountyOfficial by) =>
        writer.ExecuteAsync(county, "county-change.withdrawn", ctx =>
        {
            var change = ctx.Db.Set<CountyChange>().SingleOrDefault(c => c.Id == id && c.CountyId == county);
            if (change is null)
            {
                return Refusal.NotFound("County change " + id.ToString("D"));
            }

            if (change.Subject == CountyChangeSubject.UnitPolicy)
            {
                return UnitPolicyThroughProposal;
            }

            var withdrawn = change.Withdraw(by, ctx.Now);
            return withdrawn.IsOk ? Result<CountyChange>.Ok(change) : withdrawn.Refusal!;
        });

    /// <summary>
    /// R29: names the person who receives, for the county's discipline inspection, notice of changes
    /// to route-deciding data; the former one is told who replaced them.
    /// </summary>
    public Task<Result<Core.Organization.County>> NameDisciplineInspectionAsync(CountyId county, PersonId person, CountyOfficial by) =>
        writer.ExecuteAsync(county, "county.discipline-inspection-named", ctx =>
        {
            var target = ctx.Db.Counties.SingleOrDefault(c => c.Id == county);
            var name = ctx.Db.People.AsNoTracking().Where(p => p.Id == person && p.CountyId == county).Select(p => p.Name).FirstOrDefault();
            if (target is null || name is null)
            {
                return Refusal.NotFound("Person " + person);
            }

            var former = target.DisciplineInspectionId;
            target.NameDisciplineInspection(person);
            ctx.Db.AddRange(CountyChangeNotices.LiaisonReplaced(county, former, person, name, by, ctx.Now));
            return Result<Core.Organization.County>.Ok(target);
        });

    /// <summary>
    /// Requires (or stops requiring) two-factor sign-in for every account of the county, at once and
    /// ledgered with the administrator who set it: it tightens sign-in and decides no route, so it
    /// does not wait for a second official (R40 is for route-deciding data).
    /// </summary>
    public Task<Result<Core.Organization.County>> RequireTwoFactorAsync(CountyId county, bool required, CountyOfficial by) =>
        writer.ExecuteAsync(county, required ? "county.two_factor_required" : "county.two_factor_optional", ctx =>
        {
            ArgumentNullException.ThrowIfNull(by);
            var target = ctx.Db.Counties.SingleOrDefault(c => c.Id == county);
            if (target is null)
            {
                return Refusal.NotFound($"County {county}");
            }

            target.RequireTwoFactor(required);
            ctx.Append("CountySetting", county.Value, System.Text.Json.JsonSerializer.Serialize(new { twoFactorRequired = required, by = by.Account }));
            return Result<Core.Organization.County>.Ok(target);
        });

    /// <summary>The county's changes of a subject (all subjects when null), newest first.</summary>
    public static IReadOnlyList<CountyChange> Changes(FenquanDbContext db, CountyId county, CountyChangeSubject? subject = null, int take = 100)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Set<CountyChange>().AsNoTracking().Where(c => c.CountyId == county);
        if (subject is { } s)
        {
            query = query.Where(c => c.Subject == s);
        }

        // Ids are Guid v7: their order is the order of proposal on both databases.
        return [.. query.OrderByDescending(c => c.Id).Take(take)];
    }

    /// <summary>The catalogue in force and the change that made it (null before any was confirmed: then the catalogue is empty).</summary>
    public static (ProcurementCatalogue Catalogue, CountyChange? Version) CatalogueInForce(FenquanDbContext db, CountyId county)
    {
        var version = VersionInForce(db, county, CountyChangeSubject.ProcurementCatalogue);
        return version is null
            ? (ProcurementCatalogue.Empty, null)
            : (Catalogues.GetOrAdd(version.Id, _ => ProcurementCatalogue.FromJson(version.PayloadJson).Value), version);
    }

    /// <summary>The approval-item register in force and the change that made it (null before any was confirmed: then it is empty).</summary>
    public static (ApprovalItemRegister Register, CountyChange? Version) RegisterInForce(FenquanDbContext db, CountyId county)
    {
        var version = VersionInForce(db, county, CountyChangeSubject.ApprovalItemRegister);
        return version is null
            ? (ApprovalItemRegister.Empty, null)
            : (Registers.GetOrAdd(version.Id, _ => ApprovalItemRegister.FromJson(version.PayloadJson).Value), version);
    }

    /// <summary>R22: the OCDS prefix the county registered and a second official confirmed, or null before any was.</summary>
    public static string? OcdsPrefixInForce(FenquanDbContext db, CountyId county)
    {
        ArgumentNullException.ThrowIfNull(db);
        return VersionInForce(db, county, CountyChangeSubject.OcdsPrefix) is { } version ? Core.Ocds.OcdsPrefixSetting.FromJson(version.PayloadJson).Value.Prefix : null;
    }

    /// <summary>
    /// R46: the working-day calendar in force: the shipped official years, each replaced by the
    /// county's confirmed version of that year, and the years the county added (four eyes).
    /// </summary>
    public static WorkingCalendar CalendarInForce(FenquanDbContext db, CountyId county)
    {
        ArgumentNullException.ThrowIfNull(db);
        var confirmed = db.Set<CountyChange>().AsNoTracking()
            .Where(c => c.CountyId == county && c.Subject == CountyChangeSubject.WorkingCalendarYear && c.State == CountyChangeState.Confirmed)
            .Select(c => new { c.Id, c.SubjectId, c.Number })
            .ToList()
            .GroupBy(c => c.SubjectId)
            .Select(g => g.MaxBy(c => c.Number)!.Id)
            .Order()
            .ToList();
        var key = string.Join(',', confirmed);
        return Calendars.GetOrAdd(key, _ =>
        {
            var years = OfficialCalendars.Shipped.ToDictionary(y => y.Year);
            foreach (var id in confirmed)
            {
                var year = CalendarYears.GetOrAdd(id, change => CalendarYear.FromJson(db.Set<CountyChange>().AsNoTracking().Where(c => c.Id == change).Select(c => c.PayloadJson).Single()).Value);
                years[year.Year] = year;
            }

            return new WorkingCalendar(years.Values);
        });
    }

    // Confirmations of one line come in the order of its numbers (a new proposal supersedes the
    // pending one), so the confirmed change with the highest number is the one in force.
    private static CountyChange? VersionInForce(FenquanDbContext db, CountyId county, CountyChangeSubject subject) =>
        db.Set<CountyChange>().AsNoTracking()
            .Where(c => c.CountyId == county && c.Subject == subject && c.SubjectId == null && c.State == CountyChangeState.Confirmed)
            .OrderByDescending(c => c.Number)
            .FirstOrDefault();
}
