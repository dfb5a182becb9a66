using Fenquan.Core.Licensing;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Public;

/// <summary>A county's register as the public reads it (R24): its items and the names of the units that handle them.</summary>
public sealed record PublicRegister(CountyId County, string CountyName, ApprovalItemRegister Register, IReadOnlyDictionary<Guid, string> Units)
{
    public string UnitName(ApprovalItemEntry item) => item.UnitId is { } unit && Units.TryGetValue(unit, out var name) ? name : CountyName;
}

/// <summary>
/// R24 in public: anyone, without signing in, reads every county's register in force — content,
/// procedure, legal basis, promised limit, fee standard and documents. Nothing personal is read here.
/// </summary>
public sealed class PublicRegisterService(DbSession session)
{
    public IReadOnlyList<(CountyId Id, string Name)> Counties() =>
        [.. session.Db.Counties.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).AsEnumerable().Select(c => (c.Id, c.Name))];

    /// <summary>The people of the county's units (public servants, named so a complaint can name them; R32).</summary>
    public IReadOnlyList<(Guid Unit, Guid Person, string Name)> PeopleOf(CountyId county) =>
        [.. (from m in session.Db.Memberships.AsNoTracking()
             join p in session.Db.People.AsNoTracking() on m.PersonId equals p.Id
             where m.CountyId == county
             select new { m.UnitId, p.Id, p.Name }).Distinct().AsEnumerable().OrderBy(x => x.UnitId.Value).ThenBy(x => x.Name, StringComparer.Ordinal).Select(x => (x.UnitId.Value, x.Id.Value, x.Name))];

    /// <summary>The county's register in force, or null for a county that does not exist.</summary>
    public PublicRegister? Read(Guid county)
    {
        var id = new CountyId(county);
        var name = session.Db.Counties.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefault();
        if (name is null)
        {
            return null;
        }

        var units = session.Db.Units.AsNoTracking().Where(u => u.CountyId == id).Select(u => new { u.Id, u.Name }).ToList().ToDictionary(u => u.Id.Value, u => u.Name);
        return new PublicRegister(id, name, CountyChangeOperations.RegisterInForce(session.Db, id).Register, units);
    }
}
