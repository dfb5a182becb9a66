using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Matters;

/// <summary>A small fluent builder of one unit's organisation, with its history.</summary>
public sealed class TestOrg
{
    public static readonly DateOnly Start = new(2024, 1, 1);
    public static readonly DateOnly MatterDay = new(2025, 3, 10);
    public static readonly DateTimeOffset Now = new(2025, 3, 12, 9, 30, 0, TimeSpan.FromHours(8));

    private readonly List<Person> _people = [];
    private readonly List<Membership> _memberships = [];
    private readonly List<PortfolioAssignment> _assignments = [];
    private readonly Dictionary<string, PersonId> _byName = [];

    public CountyId County { get; } = CountyId.New();

    public UnitId Unit { get; } = UnitId.New();

    public CountyBounds Bounds { get; private set; } = CountyBounds.Default;

    public IReadOnlyList<Membership> Memberships => _memberships;

    public IReadOnlyList<PortfolioAssignment> Assignments => _assignments;

    public PersonId this[string name] => _byName[name];

    public TestOrg WithBounds(CountyBounds bounds)
    {
        Bounds = bounds;
        return this;
    }

    /// <summary>Adds a person (once) with a role in the unit.</summary>
    public TestOrg With(string name, Role role, DateOnly? from = null, DateOnly? until = null)
    {
        if (!_byName.TryGetValue(name, out var id))
        {
            id = PersonId.New();
            _byName[name] = id;
            _people.Add(new Person(id, County, name));
        }

        _memberships.Add(new Membership(Guid.CreateVersion7(), County, Unit, id, role, from ?? Start, until));
        return this;
    }

    /// <summary>Puts the deputy in charge of the area from the date, through the R3 rules (must be accepted).</summary>
    public TestOrg InCharge(Area area, string deputy, DateOnly? from = null)
    {
        var result = PortfolioRules.Assign(new AssignPortfolio(County, Unit, area, this[deputy], from ?? Start), _assignments, _memberships, Bounds);
        Assert.True(result.IsOk, result.ToString());
        _assignments.Add(result.Value.Assigned);
        return this;
    }

    /// <summary>Puts the person in charge of the area when the R3 rules accept it; false when they refuse.</summary>
    public bool TryInCharge(Area area, string person, DateOnly? from = null)
    {
        var result = PortfolioRules.Assign(new AssignPortfolio(County, Unit, area, this[person], from ?? Start), _assignments, _memberships, Bounds);
        if (result.IsOk)
        {
            _assignments.Add(result.Value.Assigned);
        }

        return result.IsOk;
    }

    public OrganizationSnapshot View() => new(County, _memberships, _assignments, _people);

    /// <summary>
    /// A township (乡镇) with two principals, five deputies each in charge of one area, one
    /// deputy without a portfolio, an office reviewer, a section head and staff.
    /// </summary>
    public static TestOrg Township() => new TestOrg()
        .With("张建国", Role.Principal)      // 党委书记
        .With("李秀英", Role.Principal)      // 乡镇长
        .With("王志强", Role.Deputy)
        .With("刘海燕", Role.Deputy)
        .With("陈明", Role.Deputy)
        .With("杨伟", Role.Deputy)
        .With("赵丽", Role.Deputy)
        .With("黄涛", Role.Deputy)
        .With("周敏", Role.OfficeReviewer)   // 党政办
        .With("吴斌", Role.SectionHead)
        .With("孙磊", Role.Staff)
        .With("郑芳", Role.Staff)
        .InCharge(Area.Finance, "王志强")
        .InCharge(Area.Personnel, "刘海燕")
        .InCharge(Area.Procurement, "陈明")
        .InCharge(Area.Construction, "杨伟")
        .InCharge(Area.AdministrativeApproval, "赵丽");

    /// <summary>R6: a company of the county's counterparty register, the same entry for the same name.</summary>
    public static Payee Company(string name) =>
        Payee.Counterparty(new CounterpartyId(new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name)))), name);

    public Matter Submit(MatterKind kind, decimal amount, string initiator, InitiatorKind initiatorKind, Route route, Payee? payee = null, DateOnly? matterDate = null, PolicyVersionId? policy = null)
    {
        var result = TrySubmit(kind, amount, initiator, initiatorKind, route, payee, matterDate, policy);
        Assert.True(result.IsOk, result.ToString());
        return result.Value;
    }

    public Result<Matter> TrySubmit(MatterKind kind, decimal amount, string initiator, InitiatorKind initiatorKind, Route route, Payee? payee = null, DateOnly? matterDate = null, PolicyVersionId? policy = null, string title = "差旅费报销")
    {
        var command = new SubmitMatter(County, Unit, kind, title, amount, payee ?? Payee.Person(this[initiator], initiator), this[initiator], initiatorKind, MatterFlags.None, matterDate ?? MatterDay);
        return Matter.Submit(command, route, policy ?? PolicyVersionId.New(), View(), Now);
    }

    public Result<MatterAction> Act(Matter matter, string actor, ActionKind kind, string? reference = null) =>
        matter.Act(new ActRequest(this[actor], kind, "同意", reference), View(), Now.AddHours(1));

    public void Done(Matter matter, string actor, ActionKind kind, string? reference = null)
    {
        var result = Act(matter, actor, kind, reference);
        Assert.True(result.IsOk, result.ToString());
    }
}

/// <summary>Routes as the default policy gives them (the router comes later; routes are inputs here).</summary>
public static class TestRoutes
{
    private static Route R(string[] rules, params RouteStep[] steps) => new(steps, rules);

    /// <summary>R4: staff expense up to S: office review → deputy approve.</summary>
    public static Route SmallExpense { get; } = R(["R4"], new(StepKind.Review, ActorSpec.Office), new(StepKind.Approve, ActorSpec.DeputyInCharge));

    /// <summary>R4 + [design]: above S up to C: office review → deputy approve → countersign by a second team member.</summary>
    public static Route CountersignedExpense { get; } = R(["R4", "R7"], new(StepKind.Review, ActorSpec.Office), new(StepKind.Approve, ActorSpec.DeputyInCharge), new(StepKind.Countersign, ActorSpec.TeamMember));

    /// <summary>R5: above C: office review → deputy review → collective decision.</summary>
    public static Route CollectiveExpense { get; } = R(["R5"], new(StepKind.Review, ActorSpec.Office), new(StepKind.Review, ActorSpec.DeputyInCharge), new(StepKind.CollectiveDecision, ActorSpec.Team));

    /// <summary>R6: a deputy's own expense: office review → principal approve.</summary>
    public static Route DeputyOwnExpense { get; } = R(["R6"], new(StepKind.Review, ActorSpec.Office), new(StepKind.Approve, ActorSpec.Principal));

    /// <summary>R6 [design]: a principal's own expense: office review → deputy approve → team informed.</summary>
    public static Route PrincipalOwnExpense { get; } = R(["R6"], new(StepKind.Review, ActorSpec.Office), new(StepKind.Approve, ActorSpec.DeputyInCharge), new(StepKind.InformTeam, ActorSpec.Team));

    /// <summary>R17: procurement above C: section proposes → deputy review → principal consent → deputy approve.</summary>
    public static Route PurchaseAboveCollective { get; } = R(["R17"], new(StepKind.Propose, ActorSpec.Of(Role.SectionHead)), new(StepKind.Review, ActorSpec.DeputyInCharge), new(StepKind.Consent, ActorSpec.Principal), new(StepKind.Approve, ActorSpec.DeputyInCharge) { SameActorAs = 1 });

    /// <summary>R18: catalogue item: section proposes → deputy review → collective decision → hand-off.</summary>
    public static Route CatalogueItem { get; } = R(["R18"], new(StepKind.Propose, ActorSpec.Of(Role.SectionHead)), new(StepKind.Review, ActorSpec.DeputyInCharge), new(StepKind.CollectiveDecision, ActorSpec.Team), new(StepKind.HandOff, ActorSpec.External));

    /// <summary>R11, R14: transfer in: deputy proposes → assessment → collective decision.</summary>
    public static Route TransferIn { get; } = R(["R11", "R14"], new(StepKind.Propose, ActorSpec.DeputyInCharge), new(StepKind.Assess, ActorSpec.Office), new(StepKind.CollectiveDecision, ActorSpec.Team));

    /// <summary>A bad route (never in a verified policy): the deputy in charge reviews and approves.</summary>
    public static Route SameDeputyTwice { get; } = R(["R4"], new(StepKind.Review, ActorSpec.DeputyInCharge), new(StepKind.Approve, ActorSpec.DeputyInCharge));
}
