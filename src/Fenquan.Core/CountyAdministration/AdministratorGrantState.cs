namespace Fenquan.Core.CountyAdministration;

/// <summary>Where a grant or revocation of county administration stands.</summary>
public enum AdministratorGrantState
{
    /// <summary>Proposed by one county administrator; not in effect until a different one confirms it.</summary>
    Pending,

    /// <summary>In effect: confirmed by a second administrator, or at once when the county had only its proposer (bootstrap).</summary>
    Confirmed,

    /// <summary>Its proposer took it back before anyone confirmed it.</summary>
    Withdrawn,
}
