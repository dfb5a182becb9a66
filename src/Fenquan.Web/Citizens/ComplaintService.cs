using Fenquan.Core.Calendar;
using Fenquan.Core.Licensing;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Core.Supervision;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Citizens;

/// <summary>The county's view (R32, R46): counts only — cards and complaints per unit, cards per person and item, ratings — never a complaint's content.</summary>
public sealed record CountyMonitor(
    IReadOnlyList<(string Unit, int Yellow, int Red)> CardsByUnit,
    IReadOnlyList<(string Person, int Yellow, int Red)> CardsByPerson,
    IReadOnlyList<(string Item, int Yellow, int Red)> CardsByItem,
    IReadOnlyList<(string Unit, int Complaints, int Open, int Rated, double? AverageRating)> ComplaintsByUnit);

/// <summary>
/// Efficiency complaints for pages and the API (R32): filed by the public or entered by staff, read
/// and answered only by their handler (the core's <see cref="EfficiencyComplaint.MaySee"/>: never by
/// the person complained of; to everyone else a complaint is not found); counts to the county.
/// </summary>
public sealed class ComplaintService(DbSession session, ComplaintOperations operations, ApplicationService applications, Clock clock)
{
    public Task<Result<FiledComplaint>> FileFromApplicationAsync(string receipt, string code, string text) =>
        operations.FileFromApplicationAsync(session.Db, receipt, code, text, clock.Today);

    public Task<Result<FiledComplaint>> FilePublicAsync(Guid county, Guid unit, Guid? about, string text, string complainant) =>
        operations.FileAsync(new CountyId(county), new ComplaintFiling(new UnitId(unit), about is { } p ? new PersonId(p) : null, text, complainant, ComplaintChannel.PublicForm), clock.Today);

    /// <summary>Staff enter a telephone call or a 12345 work order for their unit.</summary>
    public Task<Result<FiledComplaint>> EnterAsync(Viewer viewer, ComplaintChannel channel, string? order, Guid? about, string text, string complainant)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Unit is not { } unit || viewer.Person is not { } me || channel is not (ComplaintChannel.Telephone or ComplaintChannel.Hotline12345))
        {
            return Task.FromResult<Result<FiledComplaint>>(Refusal.Because("R32", "EnteredByStaff", "A telephone or hotline complaint is entered by a member of staff."));
        }

        return operations.FileAsync(viewer.County, new ComplaintFiling(unit, about is { } p ? new PersonId(p) : null, text, complainant, channel, order, null, me), clock.Today);
    }

    public Task<EfficiencyComplaint?> FollowAsync(string? receipt, string? code) => ComplaintOperations.FollowAsync(session.Db, receipt, code);

    public Task<Result<EfficiencyComplaint>> RateAsync(Guid complaint, string receipt, string code, ServiceRating rating) =>
        operations.RateAsync(session.Db, complaint, receipt, code, rating);

    public async Task<IReadOnlyList<EfficiencyComplaint>> VisibleAsync(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Person is { } me ? await ComplaintOperations.VisibleToAsync(session.Db, viewer.County, me, viewer.Today) : [];
    }

    /// <summary>The complaint if the viewer may read it (the core decides); otherwise not found — also for the person complained of.</summary>
    public async Task<Result<EfficiencyComplaint>> GetAsync(Viewer viewer, Guid id)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var complaint = await session.Db.Set<EfficiencyComplaint>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.CountyId == viewer.County);
        if (complaint is null || !complaint.MaySee(viewer.Person, OrganizationOperations.LoadUnitView(session.Db, viewer.County, complaint.UnitId), viewer.Today))
        {
            return Refusal.NotFound("Complaint " + id.ToString("D"));
        }

        return Result<EfficiencyComplaint>.Ok(complaint);
    }

    public async Task<Result<EfficiencyComplaint>> ActAsync(Viewer viewer, Guid id, string kind, Func<EfficiencyComplaint, IOrganizationView, DateTimeOffset, Outcome> act)
    {
        var found = await GetAsync(viewer, id);
        return found.IsOk ? await operations.ActAsync(viewer.County, id, kind, act) : found.Refusal!;
    }

    public (int Used, LimitColour Colour) StatusOf(EfficiencyComplaint complaint, Viewer viewer) =>
        complaint.StatusOn(viewer.Today, applications.Calendar(viewer.County), applications.Watch);

    /// <summary>The county's counts (county administrators and the county's discipline inspection).</summary>
    public async Task<CountyMonitor?> MonitorAsync(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var inspection = await session.Db.Counties.AsNoTracking().Where(c => c.Id == viewer.County).Select(c => c.DisciplineInspectionId).SingleAsync();
        if (!viewer.IsCountyAdministrator && (viewer.Person is null || viewer.Person != inspection))
        {
            return null;
        }

        var units = await session.Db.Units.AsNoTracking().Where(u => u.CountyId == viewer.County).ToDictionaryAsync(u => u.Id, u => u.Name);
        var people = await session.Db.People.AsNoTracking().Where(p => p.CountyId == viewer.County).ToDictionaryAsync(p => p.Id, p => p.Name);
        var cards = Card.Of(await ApplicationOperations.OfCountyAsync(session.Db, viewer.County), viewer.Today, applications.Calendar(viewer.County), applications.Watch);
        var all = await ComplaintOperations.OfCountyAsync(session.Db, viewer.County);
        return new CountyMonitor(
            [.. Card.Count(cards, c => c.Unit).Select(c => (units.GetValueOrDefault(c.Key, "?"), c.Yellow, c.Red))],
            [.. Card.Count(cards.Where(c => c.Person is not null), c => c.Person!.Value).Select(c => (people.GetValueOrDefault(c.Key, "?"), c.Yellow, c.Red))],
            [.. Card.Count(cards, c => c.ItemCode).Select(c => (c.Key, c.Yellow, c.Red))],
            [.. all.GroupBy(c => c.UnitId).Select(g => (units.GetValueOrDefault(g.Key, "?"), g.Count(), g.Count(c => c.RepliedAt is null), g.Count(c => c.Rating is not null),
                g.Any(c => c.Rating is not null) ? (double?)g.Where(c => c.Rating is not null).Average(c => (int)c.Rating!.Value) : null))]);
    }
}
