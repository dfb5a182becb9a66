using System.Globalization;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data;
using Fenquan.Data.Demo;
using Fenquan.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Hosting;

/// <summary>
/// The demo county's sign-ins: <c>admin</c> and <c>admin2</c> (county administrators: four eyes on
/// county data), <c>county.discipline</c> (the county discipline inspection's liaison) and one account per person,
/// named by unit and role in the order they were seeded (<c>u1.principal1</c>, <c>u1.finance</c>,
/// <c>u1.office</c>, <c>u1.staff1</c>…), all with the one demo password. The accounts live in the web
/// application (Identity); the people may have been seeded by the server itself or by
/// <c>fenquan demo</c>, which knows nothing of accounts — then the server reads the people back from
/// the database in their ledger order and names them exactly as its own seed would have.
/// </summary>
public static class DemoAccounts
{
    /// <summary>Whether the county has any sign-in account (a county seeded by <c>fenquan demo</c> has none).</summary>
    public static Task<bool> AnyAsync(UserManager<FenquanUser> users, CountyId county, CancellationToken cancellationToken) =>
        users.Users.AnyAsync(u => u.CountyId == county.Value, cancellationToken);

    /// <summary>
    /// The demo county as seeded, read back from the database: its units and each unit's people with
    /// the role they were given, in the order the ledger recorded them (the seeding order), and the
    /// areas each deputy was given, in the order they were assigned.
    /// </summary>
    public static async Task<DemoCountyInfo> LoadAsync(FenquanDbContext db, CountyId county, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var name = await db.Counties.AsNoTracking().Where(c => c.Id == county).Select(c => c.Name).SingleAsync(cancellationToken);
        string[] types = ["Unit", "Membership", "PortfolioAssignment"];
        var order = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.CountyId == county.Value && types.Contains(e.SubjectType))
            .GroupBy(e => e.SubjectId)
            .Select(g => new { Id = g.Key, Sequence = g.Min(e => e.Sequence) })
            .ToDictionaryAsync(e => e.Id, e => e.Sequence, cancellationToken);
        long Seq(Guid id) => order.GetValueOrDefault(id, long.MaxValue);

        var units = (await db.Units.AsNoTracking().Where(u => u.CountyId == county).ToListAsync(cancellationToken))
            .OrderBy(u => Seq(u.Id.Value)).ThenBy(u => u.Id.Value).ToList();
        var people = await db.People.AsNoTracking().Where(p => p.CountyId == county).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var memberships = (await db.Memberships.AsNoTracking().Where(m => m.CountyId == county).ToListAsync(cancellationToken))
            .OrderBy(m => Seq(m.Id)).ThenBy(m => m.Id).ToList();
        var portfolios = (await db.PortfolioAssignments.AsNoTracking().Where(a => a.CountyId == county).ToListAsync(cancellationToken))
            .OrderBy(a => Seq(a.Id)).ThenBy(a => a.Id)
            .GroupBy(a => a.DeputyId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Area>)[.. g.Select(a => a.Area).Distinct()]);

        var seeded = new List<DemoPerson>();
        foreach (var unit in units)
        {
            // A person's first membership is the role the demo gave them.
            var seen = new HashSet<PersonId>();
            foreach (var membership in memberships.Where(m => m.UnitId == unit.Id))
            {
                if (seen.Add(membership.PersonId) && people.TryGetValue(membership.PersonId, out var personName))
                {
                    var portfolio = membership.Role == Role.Deputy ? portfolios.GetValueOrDefault(membership.PersonId, []) : [];
                    seeded.Add(new DemoPerson(membership.PersonId, personName, unit.Id, unit.Name, membership.Role, portfolio));
                }
            }
        }

        var inspection = await db.Counties.AsNoTracking().Where(c => c.Id == county).Select(c => c.DisciplineInspectionId).SingleAsync(cancellationToken);
        return new DemoCountyInfo(county, name, [.. units.Select(u => (u.Id, u.Name))], seeded, 0) { CountyDisciplineInspection = inspection };
    }

    /// <summary>The accounts for the demo county: <c>admin</c>, then <c>u{n}.{role}</c> for every person of unit n.</summary>
    public static IReadOnlyList<FenquanUser> For(DemoCountyInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        // Two county administrators, so that the demo shows four eyes on county data (R40): one
        // proposes, the other confirms; and the county discipline inspection's liaison (R29).
        var accounts = new List<FenquanUser>
        {
            new() { UserName = "admin", CountyId = info.County.Value, IsCountyAdministrator = true },
            new() { UserName = "admin2", CountyId = info.County.Value, IsCountyAdministrator = true },
        };
        if (info.CountyDisciplineInspection is { } inspector)
        {
            accounts.Add(new() { UserName = "county.discipline", CountyId = info.County.Value, PersonId = inspector.Value });
        }

        for (var u = 0; u < info.Units.Count; u++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"u{u + 1}.");
            var counters = new Dictionary<Role, int>();
            foreach (var person in info.People.Where(p => p.Unit == info.Units[u].Id))
            {
                var n = counters[person.Role] = counters.GetValueOrDefault(person.Role) + 1;
                var suffix = person.Role switch
                {
                    Role.Principal => "principal" + n.ToString(CultureInfo.InvariantCulture),
                    Role.Deputy => person.Portfolio.Count > 0 ? person.Portfolio[0].ToString().ToLowerInvariant() : "deputy" + n.ToString(CultureInfo.InvariantCulture),
                    Role.OfficeReviewer => n == 1 ? "office" : "office" + n.ToString(CultureInfo.InvariantCulture),
                    Role.SectionHead => "section" + n.ToString(CultureInfo.InvariantCulture),
                    Role.FinanceStaff => n == 1 ? "financestaff" : "financestaff" + n.ToString(CultureInfo.InvariantCulture),
                    Role.DisciplineMember => n == 1 ? "discipline" : "discipline" + n.ToString(CultureInfo.InvariantCulture),
                    Role.Staff => "staff" + n.ToString(CultureInfo.InvariantCulture),
                };
                accounts.Add(new FenquanUser
                {
                    UserName = prefix + suffix,
                    CountyId = info.County.Value,
                    PersonId = person.Id.Value,
                    IsUnitAdministrator = person.Role == Role.OfficeReviewer,
                });
            }
        }

        return accounts;
    }

    /// <summary>Creates the demo county's accounts with the one demo password; returns how many.</summary>
    public static async Task<int> CreateAsync(UserManager<FenquanUser> users, DemoCountyInfo info, string password)
    {
        ArgumentNullException.ThrowIfNull(users);
        var hasher = users.PasswordHasher;
        string? hash = null;
        var accounts = For(info);
        foreach (var account in accounts)
        {
            // One demo password for all demo accounts: hash it once (PBKDF2 is slow on purpose).
            account.PasswordHash = hash ??= hasher.HashPassword(account, password);
            var created = await users.CreateAsync(account);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Could not create demo account " + account.UserName + ": " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        return accounts.Count;
    }
}
