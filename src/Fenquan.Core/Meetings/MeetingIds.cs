namespace Fenquan.Core.Meetings;

// Strongly typed ids made by the application (Guid v7), like those in Primitives/Ids.cs.
public readonly record struct MeetingId(Guid Value)
{
    public static MeetingId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString("D");
}

public readonly record struct AgendaItemId(Guid Value)
{
    public static AgendaItemId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString("D");
}

public readonly record struct MinutesId(Guid Value)
{
    public static MinutesId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString("D");
}
