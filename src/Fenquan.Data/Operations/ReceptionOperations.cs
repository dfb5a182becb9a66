using Fenquan.Core.CountyChanges;
using Fenquan.Core.Finance.Reception;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// Official reception (R31): requests are checked by the core against the county's standards in
/// force and ledgered; a claim's lines are checked against the stored request
/// (<see cref="ReceptionClaim.Check"/>).
/// </summary>
public sealed class ReceptionOperations(LedgerWriter writer)
{
    public Task<Result<ReceptionRequest>> RequestAsync(RequestReception command) =>
        writer.ExecuteAsync(command.County, "reception.requested", ctx =>
        {
            if (!ctx.HasUnit(command.Unit))
            {
                return Refusal.NotFound($"Unit {command.Unit}");
            }

            var request = ReceptionRequest.Create(command, StandardsInForce(ctx.Db, command.County), ctx.UnitView(command.Unit), ctx.Now);
            if (request.IsOk)
            {
                ctx.Db.Add(request.Value);
            }

            return request;
        });

    /// <summary>R31: the finance deputy in charge approves a request of the unit (the core decides who); another unit's request is not found.</summary>
    public Task<Result<ReceptionRequest>> ApproveAsync(CountyId county, UnitId unit, Guid id, PersonId by) =>
        writer.ExecuteAsync(county, "reception.approved", ctx =>
        {
            var request = ctx.Db.Set<ReceptionRequest>().SingleOrDefault(r => r.CountyId == county && r.UnitId == unit && r.Id == id);
            if (request is null)
            {
                return Refusal.NotFound($"Reception request {id:D}");
            }

            var approved = request.Approve(by, ctx.UnitView(unit), ctx.Now);
            return approved.IsOk ? Result<ReceptionRequest>.Ok(request) : approved.Refusal!;
        });

    /// <summary>
    /// R31 at a claim's submission, in its unit of work: a reception matter's request is loaded and
    /// the core checks the claim against it and the standards in force and ties it to the claim.
    /// </summary>
    public static Outcome Tie(WriteContext ctx, Core.Matters.Matter matter, Core.Finance.ClaimDetails? claim)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(matter);
        if (matter.Kind != Core.Policy.MatterKind.Reception && claim?.Reception is null)
        {
            return Outcome.Ok;
        }

        var id = claim?.Reception?.Request;
        var request = id is { } wanted ? ctx.Db.Set<ReceptionRequest>().SingleOrDefault(r => r.CountyId == matter.CountyId && r.Id == wanted) : null;
        return ReceptionClaim.Tie(matter, claim, request, StandardsInForce(ctx.Db, matter.CountyId), ctx.UnitView(matter.UnitId));
    }

    /// <summary>The request a claim is tied to (R31), for the matter's page; null for other matters.</summary>
    public static ReceptionRequest? OfClaim(FenquanDbContext db, CountyId county, Core.Primitives.MatterId matter)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ReceptionRequest>().AsNoTracking().SingleOrDefault(r => r.CountyId == county && r.ClaimId == matter);
    }

    /// <summary>The county's reception standards: its last confirmed version (four eyes), else the defaults.</summary>
    public static ReceptionStandards StandardsInForce(FenquanDbContext db, CountyId county)
    {
        ArgumentNullException.ThrowIfNull(db);
        var json = db.Set<CountyChange>().AsNoTracking()
            .Where(c => c.CountyId == county && c.Subject == CountyChangeSubject.ReceptionStandards && c.SubjectId == null && c.State == CountyChangeState.Confirmed)
            .OrderByDescending(c => c.Number).Select(c => c.PayloadJson).FirstOrDefault();
        return json is null ? ReceptionStandards.Default : ReceptionStandards.FromJson(json).Value;
    }

    public static ReceptionRequest? Request(FenquanDbContext db, CountyId county, Guid id)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ReceptionRequest>().AsNoTracking().SingleOrDefault(r => r.CountyId == county && r.Id == id);
    }

    /// <summary>Checks a reception claim's lines against its request and the standards in force (R31); NotFound for another unit's or an unknown request.</summary>
    public static Outcome CheckClaim(FenquanDbContext db, CountyId county, UnitId unit, Guid requestId, IReadOnlyCollection<ReceptionLine> lines, IReadOnlyCollection<PersonId> attending, Core.Organization.IOrganizationView org)
    {
        var request = Request(db, county, requestId);
        return request is null || request.UnitId != unit
            ? Refusal.NotFound($"Reception request {requestId:D}")
            : ReceptionClaim.Check(request, lines, attending, StandardsInForce(db, county), org);
    }
}
