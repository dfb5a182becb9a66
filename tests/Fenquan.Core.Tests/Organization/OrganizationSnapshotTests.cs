using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;

namespace Fenquan.Core.Tests.Organization;

[Trait("Rule", "R1")]
public class OrganizationSnapshotTests
{
    [Fact]
    public void Team_IsPrincipalsAndDeputies_OnTheDate()
    {
        var org = TestOrg.Township().With("何平", Role.Deputy, from: new DateOnly(2025, 5, 1));
        var view = org.View();

        Assert.Equal(2, view.Principals(org.Unit, TestOrg.MatterDay).Count);
        Assert.Equal(8, view.TeamMembers(org.Unit, TestOrg.MatterDay).Count);
        Assert.Equal(9, view.TeamMembers(org.Unit, new DateOnly(2025, 5, 1)).Count);
        Assert.DoesNotContain(org["周敏"], view.TeamMembers(org.Unit, TestOrg.MatterDay));
    }

    [Fact]
    public void RolesAndUnit_AreAnsweredOnTheDate()
    {
        var org = new TestOrg().With("马俊", Role.Deputy).With("马俊", Role.DisciplineMember, until: new DateOnly(2025, 1, 1));
        var view = org.View();

        Assert.Equal([Role.Deputy, Role.DisciplineMember], view.RolesOf(org.Unit, org["马俊"], new DateOnly(2024, 6, 1)));
        Assert.Equal([Role.Deputy], view.RolesOf(org.Unit, org["马俊"], new DateOnly(2025, 1, 1)));
        Assert.True(view.HoldsRole(org.Unit, org["马俊"], Role.DisciplineMember, new DateOnly(2024, 12, 31)));
        Assert.Equal(org.Unit, view.UnitOf(org["马俊"], new DateOnly(2025, 1, 1)));
        Assert.Null(view.UnitOf(org["马俊"], new DateOnly(2023, 1, 1)));
        Assert.Empty(view.RolesOf(UnitId.New(), org["马俊"], new DateOnly(2024, 6, 1)));
    }

    [Fact]
    public void AreasInChargeOf_AndNames()
    {
        var org = TestOrg.Township();
        var view = org.View();
        Assert.Equal([Area.Finance], view.AreasInChargeOf(org.Unit, org["王志强"], TestOrg.MatterDay));
        Assert.Empty(view.AreasInChargeOf(org.Unit, org["黄涛"], TestOrg.MatterDay));
        Assert.Equal("王志强", view.NameOf(org["王志强"]));
    }

    [Fact]
    public void Snapshot_WithARowOfAnotherCounty_IsABug()
    {
        var org = TestOrg.Township();
        Assert.Throws<ArgumentException>(() => new OrganizationSnapshot(CountyId.New(), org.Memberships, org.Assignments));
    }
}
