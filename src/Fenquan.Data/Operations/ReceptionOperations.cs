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
