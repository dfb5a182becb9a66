namespace Fenquan.Core.Primitives;

// Strongly typed ids made by the application (Guid v7), so a ledger entry can name a row
// before it is saved, on SQLite and PostgreSQL alike.
public readonly record struct CountyId(Guid Value)
{
    public static CountyId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString("D");
}

public readonly record struct UnitId(Guid Value)
{
    public static UnitId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString("D");
}

public readonly record struct PersonId(Guid Value)
{
    public static PersonId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString("D");
}

public readonly record struct PolicyVersionId(Guid Value)
{
    public static PolicyVersionId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString("D");
}

public readonly record struct MatterId(Guid Value)
{
    public static MatterId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString("D");
}

public readonly record struct ActionId(Guid Value)
{
    public static ActionId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString("D");
}

public readonly record struct PolicyProposalId(Guid Value)
{
    public static PolicyProposalId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString("D");
}

public readonly record struct CounterpartyId(Guid Value)
{
    public static CounterpartyId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString("D");
}
