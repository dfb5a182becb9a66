using Fenquan.Core.Access;
using Fenquan.Core.Finance.Reception;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Finance;

/// <summary>
/// Official receptions for pages and the API (R31): the core decides who requests, who sees and who
/// checks a claim (<see cref="ReceptionAccess"/>) and checks the request and the claim against the
/// county's standards; the writer ledgers the request. Another unit's request does not exist.
/// </summary>
public sealed class ReceptionService(DbSession session, ReceptionOperations operations)
{
    /// <summary>The most requests listed (newest first).</summary>
    public const int ListLimit = 200;

    public async Task<PaymentOutcome<ReceptionRequest>> RequestAsync(Viewer viewer, string? letter, string? sendingOffice, GuestLevel level, IReadOnlyList<string>? guests, IReadOnlyList<PersonId>? staff, DateOnly from, DateOnly until)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var may = ReceptionAccess.CheckRequester(viewer.Asker);
        if (!may.IsOk || viewer.Person is not { } me || viewer.Unit is not { } unit)
        {
            return new(may.Refusal ?? Refusal.NotFound("Unit"), true);
        }

        return new(await operations.RequestAsync(new RequestReception(viewer.County, unit, me, letter, sendingOffice, level, guests, staff, from, until)), false);
    }

    /// <summary>R31: the finance deputy in charge approves a request they may see; the core decides on the writer.</summary>
    public async Task<PaymentOutcome<ReceptionRequest>> ApproveAsync(Viewer viewer, Guid id)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var request = Of(viewer, id);
        if (!request.IsOk || viewer.Person is not { } me)
        {
            return new(request.Refusal ?? Refusal.NotFound("Reception request " + id.ToString("D")), false);
        }

        return new(await operations.ApproveAsync(viewer.County, request.Value.UnitId, id, me), false);
    }

    /// <summary>The request a claim is tied to (R31) when the viewer may see it, for the matter's page.</summary>
    public ReceptionRequest? OfClaim(Viewer viewer, Core.Primitives.MatterId claim)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var request = ReceptionOperations.OfClaim(session.Db, viewer.County, claim);
        return request is not null && request.UnitId == viewer.Unit ? request : null;
    }

    /// <summary>The request, or NotFound for someone who may not see it.</summary>
    public Result<ReceptionRequest> Of(Viewer viewer, Guid id)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var request = ReceptionOperations.Request(session.Db, viewer.County, id);
        return request is not null && ReceptionAccess.MaySee(viewer.Asker, request) ? Result<ReceptionRequest>.Ok(request) : Refusal.NotFound("Reception request " + id.ToString("D"));
    }

    /// <summary>The unit's requests the viewer may see, newest first.</summary>
    public IReadOnlyList<ReceptionRequest> List(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Unit is not { } unit || viewer.Person is not { } me)
        {
            return [];
        }

        var all = ReceptionAccess.MaySeeAll(viewer.Asker);
        return [.. session.Db.Set<ReceptionRequest>().AsNoTracking()
            .Where(r => r.CountyId == viewer.County && r.UnitId == unit && (all || r.RequestedBy == me))
            .AsEnumerable().OrderByDescending(r => r.RequestedAt).Take(ListLimit)]; // SQLite does not order by DateTimeOffset
    }

    /// <summary>Checks a claim's lines against the request and the standards in force (R31); nothing is written.</summary>
    public PaymentOutcome<bool> CheckClaim(Viewer viewer, Guid id, IReadOnlyCollection<ReceptionLine> lines, IReadOnlyCollection<PersonId> attending)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var request = Of(viewer, id);
        if (!request.IsOk)
        {
            return new(request.Refusal!, false);
        }

        var may = ReceptionAccess.CheckClaimChecker(viewer.Asker, request.Value);
        if (!may.IsOk)
        {
            return new(may.Refusal!, true);
        }

        var org = OrganizationOperations.LoadUnitView(session.Db, viewer.County, request.Value.UnitId);
        var checkedClaim = ReceptionOperations.CheckClaim(session.Db, viewer.County, request.Value.UnitId, id, lines, attending, org);
        return new(checkedClaim.IsOk ? Result<bool>.Ok(true) : checkedClaim.Refusal!, false);
    }
}
