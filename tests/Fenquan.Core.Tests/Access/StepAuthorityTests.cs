using Fenquan.Core.Access;
using Fenquan.Core.Delegation;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Tests.Matters;

namespace Fenquan.Core.Tests.Access;

/// <summary>
/// The one table of who fills each step actor (R3, R4–R7, R43), and that the core's check of an
/// action, the workbench's pre-selection and delegations read the same table.
/// </summary>
public class StepAuthorityTests
{
    private static readonly Role[] AllRoles = Enum.GetValues<Role>();

    /// <summary>Every step actor: each kind, and a named-role step for each role.</summary>
    private static IEnumerable<ActorSpec> AllActors() =>
        Enum.GetValues<ActorKind>().Where(k => k != ActorKind.NamedRole).Select(k => new ActorSpec(k))
            .Concat(AllRoles.Select(ActorSpec.Of));

    // The table, written out: which single role could fill a step of each actor kind.
    private static readonly Dictionary<ActorKind, Role[]> Expected = new()
    {
        [ActorKind.Office] = [Role.OfficeReviewer],
        [ActorKind.DeputyInCharge] = [Role.Deputy],                       // and only the one in charge of the area
        [ActorKind.Principal] = [Role.Principal],
        [ActorKind.TeamMember] = [Role.Principal, Role.Deputy],
        [ActorKind.Team] = [],                                              // R43: only a meeting completes a team step
        [ActorKind.External] = [Role.OfficeReviewer, Role.Deputy],        // the deputy only when in charge of the area
    };

    public static TheoryData<ActorKind, Role> KindsAndRoles()
    {
        var data = new TheoryData<ActorKind, Role>();
        foreach (var kind in Expected.Keys)
        {
            foreach (var role in AllRoles)
            {
                data.Add(kind, role);
            }
        }

        return data;
    }

    public static TheoryData<Role, Role> NamedAndHeldRoles()
    {
        var data = new TheoryData<Role, Role>();
        foreach (var named in AllRoles)
        {
            foreach (var held in AllRoles)
            {
                data.Add(named, held);
            }
        }

        return data;
    }

    [Theory]
    [Trait("Rule", "R7")]
    [MemberData(nameof(KindsAndRoles))]
    public void EachActorKind_IsFilledByTheRolesOfTheTable(ActorKind kind, Role role) =>
        Assert.Equal(Expected[kind].Contains(role), StepAuthority.CouldFill(new ActorSpec(kind), [role]));

    [Theory]
    [Trait("Rule", "R7")]
    [MemberData(nameof(NamedAndHeldRoles))]
    public void ANamedRoleStep_IsFilledByThatRoleOnly(Role named, Role held) =>
        Assert.Equal(named == held, StepAuthority.CouldFill(ActorSpec.Of(named), [held]));

    [Fact]
    [Trait("Rule", "R3")]
    public void ADeputyInChargeStep_IsNeverAPrincipals() =>
        Assert.False(StepAuthority.CouldFill(ActorSpec.DeputyInCharge, [Role.Principal, Role.OfficeReviewer, Role.DisciplineMember, Role.SectionHead, Role.FinanceStaff, Role.Staff]));

    [Fact]
    [Trait("Rule", "R7")]
    public void AnActorKindTheTableDoesNotKnow_IsFilledByNobody_FailClosed()
    {
        var unknown = new ActorSpec((ActorKind)99);

        Assert.Empty(StepAuthority.FillersOf(unknown));
        Assert.False(StepAuthority.CouldFill(unknown, AllRoles));
        Assert.Empty(StepAuthority.FillersOf(new ActorSpec(ActorKind.NamedRole)));   // a named-role step naming no role
    }

    [Fact]
    [Trait("Rule", "R3")]
    public void OnAMatter_OnlyTheDeputyInChargeOfItsArea_FillsTheDeputysStep()
    {
        var org = TestOrg.Township();
        var view = org.View();
        bool Fills(string name, ActorSpec actor) => StepAuthority.MayFill(actor, org[name], org.Unit, Area.Finance, TestOrg.MatterDay, view);

        Assert.True(Fills("王志强", ActorSpec.DeputyInCharge));    // in charge of finance
        Assert.False(Fills("陈明", ActorSpec.DeputyInCharge));     // in charge of procurement
        Assert.False(Fills("张建国", ActorSpec.DeputyInCharge));   // a principal (五不直接分管)
        Assert.True(Fills("王志强", ActorSpec.External));
        Assert.False(Fills("陈明", ActorSpec.External));
        Assert.True(Fills("周敏", ActorSpec.External));
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void Delegations_ReadTheSameTable()
    {
        foreach (var actor in AllActors())
        {
            Assert.Equal(StepAuthority.RolesFor(actor), DelegationRules.RolesFor(actor));
        }
    }

    /// <summary>
    /// For every step actor and every set of roles one person could hold (with and without being in
    /// charge of the matter's area): when the core lets that person take the step, the workbench's
    /// pre-selection keeps the step for holders of those roles — and when the table says no, the
    /// core refuses. The workbench can never hide a step the core would accept.
    /// </summary>
    [Fact]
    [Trait("Rule", "R7")]
    public void TheCoresCheckAndTheWorkbenchFilter_Agree_ForEveryActorAndRoleSet()
    {
        var checkedAccepted = 0;
        for (var mask = 0; mask < 1 << AllRoles.Length; mask++)
        {
            Role[] roles = [.. AllRoles.Where((_, i) => (mask & (1 << i)) != 0)];
            foreach (var inCharge in new[] { false, true })
            {
                var org = new TestOrg()
                    .With("正职", Role.Principal)
                    .With("副职", Role.Deputy)
                    .With("办公室", Role.OfficeReviewer)
                    .With("经办人", Role.Staff);
                foreach (var role in roles)
                {
                    org.With("某人", role);
                }

                if (roles.Length == 0)
                {
                    continue; // nobody with no role belongs to the unit
                }

                if (inCharge ? !org.TryInCharge(Area.Finance, "某人") : !org.TryInCharge(Area.Finance, "副职"))
                {
                    continue; // R3 refuses this person the portfolio (a principal): covered by the other variant
                }

                foreach (var actor in AllActors())
                {
                    var route = new Route([new RouteStep(StepKind.Review, actor), new RouteStep(StepKind.Approve, ActorSpec.Principal)], ["R4"]);
                    var matter = org.Submit(MatterKind.Expense, 1_000m, "经办人", InitiatorKind.Staff, route);
                    var accepted = matter.IsWaitingFor(org["某人"], org.View());
                    var kept = StepAuthority.CouldFill(actor, roles);
                    if (accepted)
                    {
                        checkedAccepted++;
                        Assert.True(kept, $"the core accepts {string.Join('+', roles)} on {actor} (in charge: {inCharge}) but the workbench filter drops it");
                    }

                    Assert.Equal(StepAuthority.MayFill(actor, org["某人"], org.Unit, Area.Finance, TestOrg.MatterDay, org.View()), accepted);
                }
            }
        }

        Assert.True(checkedAccepted > 100, $"only {checkedAccepted} accepted cases were checked");
    }
}
