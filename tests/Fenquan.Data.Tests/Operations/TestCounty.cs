using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;

namespace Fenquan.Data.Tests.Operations;

/// <summary>A small county built through the real operations: one township with a full team.</summary>
public sealed class TestCounty
{
    public static readonly DateOnly Start = new(2026, 1, 5);

    /// <summary>The companies registered as counterparties of the test county (R6).</summary>
    public static readonly string[] Companies = ["县城文具店", "清河县电脑城", "清河县鑫达办公设备有限公司", "另一家公司", "某某"];

    private TestCounty(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public OrganizationOperations Organization => new(Database.Writer);

    public PolicyOperations Policies => new(Database.Writer);

    public MatterOperations Matters => new(Database.Writer);

    public CountyId County { get; private set; }

    public UnitId Unit { get; private set; }

    public Dictionary<string, PersonId> People { get; } = [];

    public PersonId this[string name] => People[name];

    /// <summary>城关镇: principals 王建国 and 李秀英; deputies 张伟 (finance), 刘洋 (personnel, approval), 陈明 (procurement), 杨帆 (construction); office 赵敏; section head 吴斌; staff 周杰.</summary>
    public static async Task<TestCounty> CreateAsync(TestDatabase database, decimal smallLimit = 3_000m)
    {
        var county = new TestCounty(database);
        var created = await county.Organization.CreateCountyAsync("清河县", CountyBounds.Default);
        county.County = created.Value.Id;
        county.Unit = (await county.Organization.AddUnitAsync(county.County, "城关镇", UnitKind.Township)).Value.Id;
        foreach (var (name, role) in new[]
        {
            ("王建国", Role.Principal), ("李秀英", Role.Principal), ("张伟", Role.Deputy), ("刘洋", Role.Deputy), ("陈明", Role.Deputy),
            ("杨帆", Role.Deputy), ("赵敏", Role.OfficeReviewer), ("吴斌", Role.SectionHead), ("周杰", Role.Staff), ("郑洁", Role.DisciplineMember),
        })
        {
            await county.AddPersonAsync(name, role);
        }

        foreach (var (area, name) in new[] { (Area.Finance, "张伟"), (Area.Personnel, "刘洋"), (Area.Procurement, "陈明"), (Area.Construction, "杨帆"), (Area.AdministrativeApproval, "刘洋") })
        {
            var assigned = await county.Organization.AssignPortfolioAsync(new AssignPortfolio(county.County, county.Unit, area, county[name], Start));
            Assert.True(assigned.IsOk, assigned.ToString());
        }

        // R6: the companies the tests pay, in the county's counterparty register (a payee written by name stands for its entry).
        var administrator = new Core.Access.Asker { County = county.County, IsCountyAdministrator = true };
        for (var i = 0; i < Companies.Length; i++)
        {
            var code = Core.Counterparties.CounterpartyIdentifier.CompleteCreditCode(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"91130534MA0T{i:D2}QH0"));
            var registered = await new CounterpartyOperations(database.Writer).RegisterAsync(administrator, Core.Counterparties.CounterpartyKind.Company, Companies[i], code, "admin");
            Assert.True(registered.IsOk, registered.ToString());
        }

        var policy = DefaultPolicy.Create(new UnitLimits(smallLimit, 2_000m, 5_000m), CountyBounds.Default, effectiveFrom: Start);
        var published = await county.Policies.SeedFirstVersionAsync(county.County, county.Unit, policy);
        Assert.True(published.IsOk, published.ToString());
        return county;
    }

    /// <summary>Adds a person with a role in the unit from <see cref="Start"/> (finance staff, say).</summary>
    public async Task<PersonId> AddPersonAsync(string name, Role role)
    {
        var person = (await Organization.AddPersonAsync(County, name)).Value;
        People[name] = person.Id;
        var membership = await Organization.AddMembershipAsync(County, Unit, person.Id, role, Start);
        Assert.True(membership.IsOk, membership.ToString());
        return person.Id;
    }
}
