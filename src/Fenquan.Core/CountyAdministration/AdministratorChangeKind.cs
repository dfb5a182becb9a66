namespace Fenquan.Core.CountyAdministration;

/// <summary>What a change to the county's administrators does to an account.</summary>
public enum AdministratorChangeKind
{
    /// <summary>The account becomes a county administrator.</summary>
    Grant,

    /// <summary>The account stops being a county administrator.</summary>
    Revoke,
}
