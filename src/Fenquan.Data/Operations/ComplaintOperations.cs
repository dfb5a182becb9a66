using System.Security.Cryptography;
using Fenquan.Core.Licensing;
using Fenquan.Core.Notifications;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Core.Supervision;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>A filed complaint and its follow-up code, shown to the complainant once and never stored.</summary>
public sealed record FiledComplaint(EfficiencyComplaint Complaint, string FollowUpCode);

/// <summary>What a complaint is filed with; the channel decides who may file it.</summary>
public sealed record ComplaintFiling(UnitId Unit, PersonId? About, string Text, string Complainant, ComplaintChannel Channel, string? HotlineOrder = null, Guid? ApplicationId = null, PersonId? EnteredBy = null);

/// <summary>
/// Efficiency complaints (R32): filed, routed by the core (never to the person complained of),
/// the handler notified in the same unit of work; answered, extended, rated. Reads in one place.
/// </summary>
public sealed class ComplaintOperations(LedgerWriter writer)
{
    public Task<Result<FiledComplaint>> FileAsync(CountyId county, ComplaintFiling filing, DateOnly today) =>
        writer.ExecuteAsync(county, "complaint.filed", ctx =>
        {
            ArgumentNullException.ThrowIfNull(filing);
            if (!ctx.Db.Units.AsNoTracking().Any(u => u.Id == filing.Unit && u.CountyId == county))
            {
                return Refusal.NotFound("Unit " + filing.Unit);
            }

            var org = OrganizationOperations.LoadUnitView(ctx.Db, county, filing.Unit);
            var inspection = ctx.Db.Counties.AsNoTracking().Where(c => c.Id == county).Select(c => c.DisciplineInspectionId).Single();
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(10));
            var receipt = "TS" + today.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + RandomNumberGenerator.GetInt32(100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            var filed = EfficiencyComplaint.File(county, filing.Unit, filing.About, filing.Text, filing.Complainant, filing.Channel, filing.HotlineOrder, filing.ApplicationId, filing.EnteredBy, receipt, code, org, inspection, ctx.Now, today);
            if (!filed.IsOk)
            {
                return filed.Refusal!;
            }

            ctx.Db.Add(filed.Value);
            ctx.Db.Add(Notification.To(county, filed.Value.HandlerId, NotificationKind.ComplaintFiled, filed.Value.Id, [receipt], ctx.Now));
            return Result<FiledComplaint>.Ok(new FiledComplaint(filed.Value, code));
        });

    /// <summary>A complaint filed from an application's follow-up page, about its handler (or the unit when nobody accepted it yet).</summary>
    public async Task<Result<FiledComplaint>> FileFromApplicationAsync(FenquanDbContext reader, string receipt, string code, string text, DateOnly today)
    {
        if (await ApplicationOperations.FollowAsync(reader, receipt, code) is not { } application)
        {
            return Refusal.NotFound("Application");
        }

        return await FileAsync(application.CountyId, new ComplaintFiling(application.UnitId, application.HandlerId, text, string.Empty, ComplaintChannel.FollowUpPage, null, application.Id), today);
    }

    public Task<Result<EfficiencyComplaint>> ActAsync(CountyId county, Guid id, string kind, Func<EfficiencyComplaint, IOrganizationView, DateTimeOffset, Outcome> act) =>
        writer.ExecuteAsync(county, kind, ctx =>
        {
            var complaint = ctx.Db.Set<EfficiencyComplaint>().SingleOrDefault(c => c.Id == id && c.CountyId == county);
            if (complaint is null)
            {
                return Refusal.NotFound("Complaint " + id.ToString("D"));
            }

            var done = act(complaint, OrganizationOperations.LoadUnitView(ctx.Db, county, complaint.UnitId), ctx.Now);
            return done.IsOk ? Result<EfficiencyComplaint>.Ok(complaint) : done.Refusal!;
        });

    /// <summary>The complainant rates the reply: with the complaint's own receipt and code, or from the application's follow-up page.</summary>
    public async Task<Result<EfficiencyComplaint>> RateAsync(FenquanDbContext reader, Guid complaintId, string receipt, string code, ServiceRating rating)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var complaint = await reader.Set<EfficiencyComplaint>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == complaintId);
        var application = complaint?.ApplicationId is null ? null : await ApplicationOperations.FollowAsync(reader, receipt, code);
        var entitled = complaint is not null && ((complaint.ReceiptNumber == receipt.Trim() && complaint.Opens(code)) || (application is not null && application.Id == complaint.ApplicationId));
        if (!entitled)
        {
            return Refusal.NotFound("Complaint");
        }

        return await ActAsync(complaint!.CountyId, complaint.Id, "complaint.rated", (c, _, now) => c.Rate(rating, now));
    }

    /// <summary>The complaint with that receipt number and code, or null (the same for an unknown receipt and a wrong code).</summary>
    public static async Task<EfficiencyComplaint?> FollowAsync(FenquanDbContext db, string? receipt, string? code)
    {
        ArgumentNullException.ThrowIfNull(db);
        var number = (receipt ?? string.Empty).Trim();
        var found = number.Length is 0 or > 40 ? null : await db.Set<EfficiencyComplaint>().AsNoTracking().SingleOrDefaultAsync(c => c.ReceiptNumber == number);
        return found is not null && found.Opens(code) ? found : null;
    }

    /// <summary>Complaints filed from an application (shown on its follow-up page: reply and rating, nothing about the handler).</summary>
    public static async Task<List<EfficiencyComplaint>> OfApplicationAsync(FenquanDbContext db, Guid application)
    {
        var found = new List<EfficiencyComplaint>();
        ArgumentNullException.ThrowIfNull(db);
        var query = ByApplicationQueries.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery<FenquanDbContext, Guid, EfficiencyComplaint>((c, a) => c.Set<EfficiencyComplaint>().AsNoTracking().Where(x => x.ApplicationId == a).OrderBy(x => x.Id)));
        await foreach (var complaint in query(db, application))
        {
            found.Add(complaint);
        }

        return found;
    }

    // Compiled once per model (SQLite, PostgreSQL): read on every follow-up page.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<FenquanDbContext, Guid, IAsyncEnumerable<EfficiencyComplaint>>> ByApplicationQueries = new();

    /// <summary>
    /// The complaints a person may read (R32): those they handle and, as a unit's discipline member,
    /// the unit's — each decided by the core, so the person complained of never gets theirs.
    /// </summary>
    public static async Task<IReadOnlyList<EfficiencyComplaint>> VisibleToAsync(FenquanDbContext db, CountyId county, PersonId person, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        var units = await db.Memberships.AsNoTracking().Where(m => m.CountyId == county && m.PersonId == person && m.Role == Role.DisciplineMember).Select(m => m.UnitId).Distinct().ToListAsync();
        var candidates = await db.Set<EfficiencyComplaint>().AsNoTracking()
            .Where(c => c.CountyId == county && (c.HandlerId == person || units.Contains(c.UnitId)))
            .OrderByDescending(c => c.Id).ToListAsync();
        var views = candidates.Select(c => c.UnitId).Distinct().ToDictionary(u => u, u => OrganizationOperations.LoadUnitView(db, county, u));
        return [.. candidates.Where(c => c.MaySee(person, views[c.UnitId], today))];
    }

    public static Task<List<EfficiencyComplaint>> OfCountyAsync(FenquanDbContext db, CountyId county) =>
        db.Set<EfficiencyComplaint>().AsNoTracking().Where(c => c.CountyId == county).ToListAsync();
}
