using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// Organisation changes (R1–R3), each checked by the core's rules and ledgered by the writer.
/// </summary>
public sealed class OrganizationOperations(LedgerWriter writer)
{
    public Task<Result<County>> CreateCountyAsync(string name, CountyBounds bounds)
    {
        var id = CountyId.New();
        return writer.ExecuteAsync(id, "county.created", ctx =>
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return Refusal.Because(Refusal.InvalidId, "CountyName", "A county needs a name.");
            }

            var county = new County(id, name.Trim(), bounds);
            ctx.Db.Counties.Add(county);
            return Result<County>.Ok(county);
        });
    }

    public Task<Result<Unit>> AddUnitAsync(CountyId county, string name, UnitKind kind) =>
        writer.ExecuteAsync(county, "unit.added", ctx =>
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return Refusal.Because(Refusal.InvalidId, "UnitName", "A unit needs a name.");
            }

            if (ctx.Db.Counties.AsNoTracking().All(c => c.Id != county))
            {
                return Refusal.NotFound($"County {county}");
            }

            var unit = new Unit(UnitId.New(), county, name.Trim(), kind);
            ctx.Db.Units.Add(unit);
            return Result<Unit>.Ok(unit);
        });

    public Task<Result<Person>> AddPersonAsync(CountyId county, string name) =>
        writer.ExecuteAsync(county, "person.added", ctx =>
        {
            if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
            {
                return Refusal.Because(Refusal.InvalidId, "PersonName", "A person needs a name of at most 100 characters.");
            }

            var person = new Person(PersonId.New(), county, name.Trim());
            ctx.Db.People.Add(person);
            return Result<Person>.Ok(person);
        });

    /// <summary>R1: adds a team or staff membership from a date; a unit has one or two principals.</summary>
    public Task<Result<Membership>> AddMembershipAsync(CountyId county, UnitId unit, PersonId person, Role role, DateOnly from, DateOnly? until = null) =>
        writer.ExecuteAsync(county, "membership.added", ctx =>
        {
            if (!ctx.Db.Units.AsNoTracking().Any(u => u.Id == unit && u.CountyId == county))
            {
                return Refusal.NotFound($"Unit {unit}");
            }

            if (!ctx.Db.People.AsNoTracking().Any(p => p.Id == person && p.CountyId == county))
            {
                return Refusal.NotFound($"Person {person}");
            }

            var existing = ctx.Db.Memberships.AsNoTracking().Where(m => m.CountyId == county && (m.UnitId == unit || m.PersonId == person)).ToList();
            var membership = new Membership(Guid.CreateVersion7(), county, unit, person, role, from, until);
            var check = TeamRules.CheckMembership(membership, existing, NameLookup(ctx, county));
            if (!check.IsOk)
            {
                return check.Refusal!;
            }

            ctx.Db.Memberships.Add(membership);
            return Result<Membership>.Ok(membership);
        });

    /// <summary>R3: assigns a restricted area of a unit to a deputy from a date, ending the previous assignment.</summary>
    public Task<Result<PortfolioChange>> AssignPortfolioAsync(AssignPortfolio command) =>
        writer.ExecuteAsync(command.CountyId, "portfolio.assigned", ctx =>
        {
            var county = ctx.Db.Counties.AsNoTracking().SingleOrDefault(c => c.Id == command.CountyId);
            if (county is null)
            {
                return Refusal.NotFound($"County {command.CountyId}");
            }

            var assignments = ctx.Db.PortfolioAssignments.Where(a => a.CountyId == command.CountyId && a.UnitId == command.UnitId).ToList();
            var memberships = ctx.Db.Memberships.AsNoTracking().Where(m => m.CountyId == command.CountyId && m.UnitId == command.UnitId).ToList();
            var change = PortfolioRules.Assign(command, assignments, memberships, county.Bounds, NameLookup(ctx, command.CountyId));
            if (change.IsOk)
            {
                ctx.Db.PortfolioAssignments.Add(change.Value.Assigned);
                BoundsStandings.Recheck(ctx, command.CountyId);
            }

            return change;
        });

    /// <summary>Loads one unit's organisation history as the core's view of it.</summary>
    public static OrganizationSnapshot LoadUnitView(FenquanDbContext db, CountyId county, UnitId unit)
    {
        var memberships = db.Memberships.AsNoTracking().Where(m => m.CountyId == county && m.UnitId == unit).ToList();
        var assignments = db.PortfolioAssignments.AsNoTracking().Where(a => a.CountyId == county && a.UnitId == unit).ToList();
        var personIds = memberships.Select(m => m.PersonId).Distinct().ToList();
        var people = db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToList();
        return new OrganizationSnapshot(county, memberships, assignments, people);
    }

    private static Func<PersonId, string> NameLookup(WriteContext ctx, CountyId county) =>
        id => ctx.Db.People.AsNoTracking().Where(p => p.Id == id && p.CountyId == county).Select(p => p.Name).FirstOrDefault() ?? id.ToString();
}
