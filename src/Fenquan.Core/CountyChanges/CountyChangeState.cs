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

    /// <summary>
    /// Confirmed by a second county official, but not yet in force: the bounds it sets would
    /// invalidate the policy or portfolios of the units it names (<see cref="CountyChange.WaitingFor"/>),
    /// and it takes effect once each of them complies (<see cref="BoundsChange"/>).
    /// </summary>
    AwaitingUnits,
}
