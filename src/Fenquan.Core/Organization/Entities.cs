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

    /// <summary>Only through a confirmed county change (four eyes, R40): see <c>CountyChangeOperations</c>.</summary>
    public void Rename(CountyChanges.CountyRename rename)
    {
        ArgumentNullException.ThrowIfNull(rename);
        Name = rename.Name;
    }

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

/// <summary>
/// A person of the county, known by a staff number (工号) or a resident identity number (公民身份号码),
/// never by name: people with the same name (同名同姓) are common. Each number, when given, is unique
/// in the county (see <see cref="PersonNumbers"/>); the ID number is shown only masked.
/// </summary>
public sealed class Person
{
    private Person()
    {
        Name = string.Empty;
    }

    public Person(PersonId id, CountyId countyId, string name, string? staffNumber = null, string? idNumber = null)
    {
        Id = id;
        CountyId = countyId;
        Name = name;
        StaffNumber = staffNumber;
        IdNumber = idNumber;
    }

    public PersonId Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public string Name { get; private set; }

    /// <summary>工号: the county's staff number, normalised by <see cref="PersonNumbers.NormaliseStaffNumber"/>.</summary>
    public string? StaffNumber { get; private set; }

    /// <summary>公民身份号码 (GB 11643), normalised; shown to people only as <see cref="MaskedIdNumber"/>.</summary>
    public string? IdNumber { get; private set; }

    /// <summary>The ID number with its birth date and sequence hidden (110105********002X); null when none.</summary>
    public string? MaskedIdNumber => IdNumber is null ? null : Counterparties.CounterpartyIdentifier.Masked(Counterparties.CounterpartyKind.Individual, IdNumber);

    /// <summary>A changed name (marriage, a correction): the row changes and the ledger records the old and new.</summary>
    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>Records the numbers a person had none of; a number once recorded never changes (it is the key).</summary>
    public void AddNumbers(string? staffNumber, string? idNumber)
    {
        // A bug, not a refusal: the import refuses a changed number before it gets here.
        if ((StaffNumber is not null && staffNumber is not null && StaffNumber != staffNumber) || (IdNumber is not null && idNumber is not null && IdNumber != idNumber))
        {
            throw new InvalidOperationException($"Person {Id}: a recorded number never changes.");
        }

        StaffNumber ??= staffNumber;
        IdNumber ??= idNumber;
    }
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

    public Membership(Guid id, CountyId countyId, UnitId unitId, PersonId personId, Role role, DateOnly from, DateOnly? until = null, Guid? sectionId = null)
    {
        Id = id;
        SectionId = sectionId;
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

    /// <summary>The section (股室) of the unit the person works in; null when none is named.</summary>
    public Guid? SectionId { get; private set; }

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
