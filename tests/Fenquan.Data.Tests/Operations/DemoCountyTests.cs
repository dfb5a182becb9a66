using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Data.Demo;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Operations;

public class DemoCountyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_SeedsFiveUnitsWithFullTeams_MattersInEveryAreaAndState_AndVerifies(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var info = await DemoCounty.SeedAsync(database.Data, database.Settings, database.Time, new DemoOptions { Matters = 150 });

        Assert.Equal(5, info.Units.Count);
        await using var db = database.Context();
        var matters = await db.Matters.AsNoTracking().ToListAsync();
        Assert.Equal(150, matters.Count);
        foreach (var area in new[] { Area.Finance, Area.Personnel, Area.Procurement, Area.Construction, Area.AdministrativeApproval })
        {
            Assert.Contains(matters, m => m.Area == area);
        }

        foreach (var state in Enum.GetValues<MatterState>())
        {
            Assert.Contains(matters, m => m.State == state);
        }

        Assert.Equal(2, info.People.Count(p => p.Unit == info.Units[0].Id && p.Role == Role.Principal));
        Assert.All(info.Units, u => Assert.Equal(5, info.People.Where(p => p.Unit == u.Id).SelectMany(p => p.Portfolio).Distinct().Count()));
        var audit = await database.AuditAsync();
        Assert.True(audit.IsIntact);
        Assert.True(audit.Entries > 500);
    }
}
