using System.Security.Claims;
using Fenquan.Core.Access;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data;
using Fenquan.Data.Operations;
using Fenquan.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Access;

/// <summary>
/// Who is asking, with the roles they hold today — loaded from the team memberships and portfolio
/// assignments on the day (R1, R3) at every request, so a role that ended yesterday is gone today.
/// </summary>
public sealed class Viewer
{
    private Asker? _asker;

    public required CountyId County { get; init; }

    /// <summary>The county's name as it is now (a confirmed rename changes the county row, which drops kept viewers).</summary>
    public string CountyName { get; init; } = string.Empty;

    public required string UserName { get; init; }

    public PersonId? Person { get; init; }

    public string Name { get; init; } = string.Empty;

    public UnitId? Unit { get; init; }

    public string UnitName { get; init; } = string.Empty;

    public IReadOnlyList<Role> Roles { get; init; } = [];

    public IReadOnlyList<Area> Portfolio { get; init; } = [];

    public DateOnly Today { get; init; }

    /// <summary>The unit's organisation history, for the core's checks; null when the viewer belongs to no unit today.</summary>
    public OrganizationSnapshot? Org { get; init; }

    public bool IsCountyAdministrator { get; init; }

    /// <summary>The account may administer its unit, and the person belongs to one today.</summary>
    public bool IsUnitAdministrator { get; init; }

    /// <summary>The viewer as the core's access rules reason on it (made once; the viewer does not change).</summary>
    public Asker Asker => _asker ??= new Asker
    {
        County = County,
        Person = Person,
        Unit = Unit,
        Roles = Roles,
        IsCountyAdministrator = IsCountyAdministrator,
        IsUnitAdministrator = IsUnitAdministrator,
        Today = Today,
    };

    /// <summary>Whether the viewer sees the whole unit's matters, or only their own (<see cref="MatterAccess.SeesWholeUnit"/>).</summary>
    public bool SeesWholeUnit => MatterAccess.SeesWholeUnit(Roles);

    public bool Holds(Role role) => Roles.Contains(role);

    /// <summary>Whether the viewer may see the matter (<see cref="MatterAccess.MaySee"/>); nobody without a unit today does.</summary>
    public bool MaySee(Matter matter) => Org is { } org && MatterAccess.MaySee(Asker, matter, org);

    /// <summary>The initiator kind the viewer submits as (R6: it must match the role, so it is not chosen).</summary>
    public Core.Policy.InitiatorKind InitiatorKind =>
        Holds(Role.Principal) ? Core.Policy.InitiatorKind.Principal
        : Holds(Role.Deputy) ? Core.Policy.InitiatorKind.Deputy
        : Holds(Role.SectionHead) ? Core.Policy.InitiatorKind.Section
        : Core.Policy.InitiatorKind.Staff;
}

/// <summary>Loads the <see cref="Viewer"/> of the request once (from <see cref="ViewerCache"/> when nothing changed).</summary>
public sealed class ViewerAccessor(IHttpContextAccessor http, Clock clock, DbSession session, ViewerCache cache)
{
    private Viewer? _viewer;
    private bool _loaded;

    public async Task<Viewer?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!_loaded)
        {
            var today = clock.Today;
            _viewer = http.HttpContext?.User is { Identity.IsAuthenticated: true } user
                ? await cache.GetOrLoadAsync(user, today, () => LoadAsync(session.Db, user, today, cancellationToken))
                : null;
            _loaded = true;
        }

        return _viewer;
    }

    public static async Task<Viewer?> LoadAsync(FenquanDbContext db, ClaimsPrincipal user, DateOnly today, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(user.FindFirstValue(FenquanClaims.County), out var countyGuid))
        {
            return null;
        }

        var county = new CountyId(countyGuid);
        var countyName = await db.Counties.AsNoTracking().Where(c => c.Id == county).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? string.Empty;
        var viewer = new Viewer
        {
            County = county,
            CountyName = countyName,
            UserName = user.Identity?.Name ?? string.Empty,
            Today = today,
            IsCountyAdministrator = user.HasClaim(FenquanClaims.CountyAdministrator, "true"),
        };
        if (!Guid.TryParse(user.FindFirstValue(FenquanClaims.Person), out var personGuid))
        {
            return viewer;
        }

        var person = new PersonId(personGuid);
        var name = await db.People.AsNoTracking().Where(p => p.Id == person && p.CountyId == county).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.CountyId == county && m.PersonId == person).ToListAsync(cancellationToken);
        var inForce = memberships.Where(m => m.IsInForceOn(today)).OrderByDescending(m => m.From).FirstOrDefault();
        if (name is null || inForce is null)
        {
            return new Viewer { County = county, CountyName = countyName, UserName = viewer.UserName, Today = today, Person = person, Name = name ?? string.Empty, IsCountyAdministrator = viewer.IsCountyAdministrator };
        }

        var org = OrganizationOperations.LoadUnitView(db, county, inForce.UnitId);
        var unitName = await db.Units.AsNoTracking().Where(u => u.Id == inForce.UnitId).Select(u => u.Name).FirstAsync(cancellationToken);
        return new Viewer
        {
            County = county,
            CountyName = countyName,
            UserName = viewer.UserName,
            Today = today,
            Person = person,
            Name = name,
            Unit = inForce.UnitId,
            UnitName = unitName,
            Roles = org.RolesOf(inForce.UnitId, person, today),
            Portfolio = org.AreasInChargeOf(inForce.UnitId, person, today),
            Org = org,
            IsCountyAdministrator = viewer.IsCountyAdministrator,
            IsUnitAdministrator = user.HasClaim(FenquanClaims.UnitAdministrator, "true"),
        };
    }
}

/// <summary>One read-only Fenquan DbContext per request (writes go through the ledger writer).</summary>
public sealed class DbSession(Data.Storage.FenquanStore store) : IAsyncDisposable
{
    private FenquanDbContext? _db;

    public FenquanDbContext Db => _db ??= CreateReadOnly(store);

    public ValueTask DisposeAsync() => _db?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static FenquanDbContext CreateReadOnly(Data.Storage.FenquanStore store)
    {
        var db = store.Context();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return db;
    }
}
