using Fenquan.Core.Primitives;

namespace Fenquan.Core.Organization;

/// <summary>县: the tenant. Every row of every other kind carries its county.</summary>
public sealed class County
{
    private County()
    {
        Name = string.Empty;
        Bounds = CountyBounds.Default;
    }

    public County(CountyId id, string name, CountyBounds bounds)
    {
        Id = id;
        Name = name;
        Bounds = bounds;
    }

    public CountyId Id { get; private set; }

    public string Name { get; private set; }

    public CountyBounds Bounds { get; private set; }

    /// <summary>
    /// The person who receives, for the county's discipline inspection commission (县纪委监委), notice
    /// of every proposed and confirmed change to route-deciding county data (R29, R40); null until
    /// the county names one, and until then such data cannot change.
    /// </summary>
    public PersonId? DisciplineInspectionId { get; private set; }

    /// <summary>Only through a confirmed county change (four eyes, R40): see <c>CountyChangeOperations</c>.</summary>
    public void ChangeBounds(CountyBounds bounds) => Bounds = bounds;

    public void NameDisciplineInspection(PersonId person) => DisciplineInspectionId = person;

    /// <summary>
    /// Whether every account of the county must have an authenticator (two-factor sign-in) before it
    /// uses anything: set by a county administrator, ledgered, in force at once (see <c>AccountAccess</c>).
    /// </summary>
    public bool TwoFactorRequired { get; private set; }

    public void RequireTwoFactor(bool required) => TwoFactorRequired = required;
}

/// <summary>单位: a department or a township (R1).</summary>
public sealed class Unit
{
    private Unit()
    {
        Name = string.Empty;
    }

    public Unit(UnitId id, CountyId countyId, string name, UnitKind kind)
    {
        Id = id;
        CountyId = countyId;
        Name = name;
        Kind = kind;
    }

    public UnitId Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public string Name { get; private set; }

    public UnitKind Kind { get; private set; }
}

public sealed class Person
{
    private Person()
    {
        Name = string.Empty;
    }

    public Person(PersonId id, CountyId countyId, string name)
    {
        Id = id;
        CountyId = countyId;
        Name = name;
    }

    public PersonId Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public string Name { get; private set; }
}

/// <summary>
/// A person's role in a unit over a period: <see cref="From"/> inclusive, <see cref="Until"/>
/// exclusive (null: still in force). History is kept: a membership is ended, never deleted.
/// </summary>
public sealed class Membership
{
    private Membership()
    {
    }

    public Membership(Guid id, CountyId countyId, UnitId unitId, PersonId personId, Role role, DateOnly from, DateOnly? until = null)
    {
        Id = id;
        CountyId = countyId;
        UnitId = unitId;
        PersonId = personId;
        Role = role;
        From = from;
        Until = until;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public PersonId PersonId { get; private set; }

    public Role Role { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? Until { get; private set; }

    public bool IsInForceOn(DateOnly date) => From <= date && (Until is null || date < Until);

    /// <summary>Ends the period on <paramref name="until"/> (exclusive); history is kept, never deleted.</summary>
    public void End(DateOnly until)
    {
        // A bug, not a refusal: callers end a period only after the rules accepted the change.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(until, From);
        Until = until;
    }
}

/// <summary>
/// 分管: a restricted area of a unit assigned to a deputy over a period (R3): <see cref="From"/>
/// inclusive, <see cref="Until"/> exclusive. Create through <c>Organization</c> rules that check R3.
/// </summary>
public sealed class PortfolioAssignment
{
    private PortfolioAssignment()
    {
    }

    public PortfolioAssignment(Guid id, CountyId countyId, UnitId unitId, Area area, PersonId deputyId, DateOnly from, DateOnly? until = null)
    {
        Id = id;
        CountyId = countyId;
        UnitId = unitId;
        Area = area;
        DeputyId = deputyId;
        From = from;
        Until = until;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public Area Area { get; private set; }

    public PersonId DeputyId { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? Until { get; private set; }

    public bool IsInForceOn(DateOnly date) => From <= date && (Until is null || date < Until);

    /// <summary>Ends the period on <paramref name="until"/> (exclusive); history is kept, never deleted.</summary>
    public void End(DateOnly until)
    {
        // A bug, not a refusal: callers end a period only after the rules accepted the change.
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(until, From);
        Until = until;
    }
}
