namespace Fenquan.Core.CountyChanges;

/// <summary>Where a proposed county change stands.</summary>
public enum CountyChangeState
{
    /// <summary>Proposed by one county official; not in force until a second confirms it.</summary>
    Pending,

    /// <summary>Confirmed by a second county official: in force from its confirmation.</summary>
    Confirmed,

    /// <summary>A later proposal of the same subject replaced it before anyone confirmed it.</summary>
    Superseded,

    /// <summary>Its proposer took it back before anyone confirmed it.</summary>
    Withdrawn,
}
