namespace Fenquan.Core.Finance;

/// <summary>A statement version: on a team meeting's agenda, then published once the team has seen it (R9).</summary>
public enum StatementState
{
    Tabled,

    Published,
}
