using Fenquan.Core.Access;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;

namespace Fenquan.Core.Tests.Access;

/// <summary>Who may see a matter (R1): the unit's team, office and discipline member, and whoever has a part in it; nobody of another unit or county.</summary>
public class MatterAccessTests
{
    private static readonly DateOnly Today = TestOrg.MatterDay;

    // Staff 孙磊's small expense, paying 郑芳, waiting for the office (周敏), then the finance deputy.
    private readonly TestOrg _org = TestOrg.Township()
        .With("纪检员", Role.DisciplineMember)
        .With("会计", Role.FinanceStaff);

    private Matter StaffExpense(Route? route = null) =>
        _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, route ?? TestRoutes.SmallExpense, Payee.Person(_org["郑芳"], "郑芳"));

    private Asker AskerOf(string name) => new()
    {
        County = _org.County,
        Person = _org[name],
        Unit = _org.Unit,
        Roles = _org.View().RolesOf(_org.Unit, _org[name], Today),
        Today = Today,
    };

    private bool MaySee(string name, Matter matter) => MatterAccess.MaySee(AskerOf(name), matter, _org.View());

    [Theory]
    [Trait("Rule", "R1")]
    [InlineData("张建国")]   // principal
    [InlineData("李秀英")]   // principal
    [InlineData("陈明")]     // deputy, in charge of another area
    [InlineData("黄涛")]     // deputy without a portfolio
    [InlineData("纪检员")]   // discipline member
    public void WholeUnitRoles_SeeAMatterTheyHaveNoPartIn(string name) =>
        Assert.True(MaySee(name, StaffExpense()));

    [Fact]
    [Trait("Rule", "R1")]
    public void OfficeReviewer_SeesTheUnitsMatters_EvenAfterTheirStep()
    {
        var matter = StaffExpense();
        Assert.True(MaySee("周敏", matter));
        _org.Done(matter, "周敏", ActionKind.Review);
        Assert.True(MaySee("周敏", matter));
    }

    [Theory]
    [Trait("Rule", "R1")]
    [InlineData("吴斌")]     // section head
    [InlineData("会计")]     // finance staff
    public void OtherRoles_DoNotSeeAMatterTheyHaveNoPartIn(string name) =>
        Assert.False(MaySee(name, StaffExpense()));

    [Fact]
    [Trait("Rule", "R1")]
    public void TheInitiator_SeesTheirMatter() =>
        Assert.True(MaySee("孙磊", StaffExpense()));

    [Fact]
    [Trait("Rule", "R1")]
    public void ThePayee_SeesTheMatterThatPaysThem() =>
        Assert.True(MaySee("郑芳", StaffExpense()));

    [Fact]
    [Trait("Rule", "R1")]
    public void SomeoneTheCurrentStepWaitsFor_SeesTheMatter_ThenKeepsSeeingItAsAnActor()
    {
        // A finance-staff check first: 会计 has no part in the matter until the step waits for them.
        var route = new Route([new RouteStep(StepKind.Review, ActorSpec.Of(Role.FinanceStaff)), new RouteStep(StepKind.Approve, ActorSpec.DeputyInCharge)], ["R4"]);
        var matter = StaffExpense(route);

        Assert.True(MaySee("会计", matter));             // waiting for them
        _org.Done(matter, "会计", ActionKind.Review);
        Assert.False(matter.IsWaitingFor(_org["会计"], _org.View()));
        Assert.True(MaySee("会计", matter));             // acted on it
    }

    [Fact]
    [Trait("Rule", "R1")]
    public void StaffWithNoPart_DoNotSeeTheMatter() =>
        Assert.False(MaySee("吴斌", StaffExpense()));

    [Theory]
    [Trait("Rule", "R1")]
    [InlineData("张建国")]
    [InlineData("周敏")]
    [InlineData("纪检员")]
    [InlineData("孙磊")]    // even the initiator, when the asker is of another unit today
    public void AnotherUnitsMatter_IsNotSeen(string name)
    {
        var matter = StaffExpense();
        var elsewhere = AskerOf(name) with { Unit = UnitId.New() };

        Assert.False(MatterAccess.MaySee(elsewhere, matter, _org.View()));
    }

    [Fact]
    [Trait("Rule", "R1")]
    public void AnotherCountysMatter_IsNotSeen_EvenByAPrincipal()
    {
        var matter = StaffExpense();
        var otherCounty = AskerOf("张建国") with { County = CountyId.New() };

        Assert.False(MatterAccess.MaySee(otherCounty, matter, _org.View()));
    }

    [Fact]
    [Trait("Rule", "R1")]
    public void AnAskerWhoIsNobody_OrBelongsToNoUnit_SeesNothing()
    {
        var matter = StaffExpense();

        Assert.False(MatterAccess.MaySee(AskerOf("张建国") with { Person = null }, matter, _org.View()));
        Assert.False(MatterAccess.MaySee(AskerOf("张建国") with { Unit = null }, matter, _org.View()));
        Assert.False(MatterAccess.MaySee(new Asker { County = _org.County, IsCountyAdministrator = true, Today = Today }, matter, _org.View()));
    }

    [Fact]
    [Trait("Rule", "R1")]
    public void RolesAreThoseOfToday_ARoleHeldOnlyOnTheMattersDateDoesNotCount()
    {
        var matter = StaffExpense();
        var formerPrincipal = AskerOf("张建国") with { Roles = [Role.Staff] };

        Assert.False(MatterAccess.MaySee(formerPrincipal, matter, _org.View()));
    }

    [Theory]
    [Trait("Rule", "R1")]
    [InlineData(Role.Principal, true)]
    [InlineData(Role.Deputy, true)]
    [InlineData(Role.OfficeReviewer, true)]
    [InlineData(Role.DisciplineMember, true)]
    [InlineData(Role.SectionHead, false)]
    [InlineData(Role.FinanceStaff, false)]
    [InlineData(Role.Staff, false)]
    public void SeesWholeUnit_ByRole(Role role, bool wholeUnit) =>
        Assert.Equal(wholeUnit, MatterAccess.SeesWholeUnit([role]));

    // A list reaches as far as MaySee: the whole unit for the team, office and discipline member,
    // what they have a part in for others, their own submissions when asked; nobody of no unit, nothing.
    [Theory]
    [Trait("Rule", "R1")]
    [InlineData("张建国", false, MatterListReach.WholeUnit)]
    [InlineData("纪检员", false, MatterListReach.WholeUnit)]
    [InlineData("孙磊", false, MatterListReach.PartIn)]
    [InlineData("会计", false, MatterListReach.PartIn)]
    [InlineData("张建国", true, MatterListReach.Submitted)]
    [InlineData("孙磊", true, MatterListReach.Submitted)]
    public void AListsScope_IsTheSameDecisionAsMaySee(string name, bool mine, MatterListReach reach)
    {
        var scope = MatterListScope.Of(AskerOf(name), mine);
        Assert.Equal(reach, scope.Reach);
        Assert.Equal((_org.County, _org.Unit, _org[name]), (scope.County, scope.Unit, scope.Person));
    }

    [Fact]
    [Trait("Rule", "R1")]
    public void AListsScope_OfSomeoneOfNoUnit_ReachesNothing()
    {
        Assert.Equal(MatterListReach.None, MatterListScope.Of(AskerOf("张建国") with { Unit = null }).Reach);
        Assert.Equal(MatterListReach.None, MatterListScope.Of(AskerOf("张建国") with { Person = null }, mine: true).Reach);
    }
}
