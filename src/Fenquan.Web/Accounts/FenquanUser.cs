using Microsoft.AspNetCore.Identity;

namespace Fenquan.Web.Accounts;

/// <summary>
/// A sign-in account, linked to a person of a county. It stores who the account is, never what the
/// person may do: roles are read from the team memberships on the day, at every request.
/// </summary>
public sealed class FenquanUser : IdentityUser
{
    public Guid CountyId { get; set; }

    /// <summary>The person signing in; null for a county administrator who is not a person of the county.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>May administer the county: units, bounds, people.</summary>
    public bool IsCountyAdministrator { get; set; }

    /// <summary>May administer the unit the person belongs to on the day: team, portfolios, policy.</summary>
    public bool IsUnitAdministrator { get; set; }

    /// <summary>
    /// The first-sign-in code's SHA-256, salted with the account's id; null when none is open. The
    /// code itself is shown once, in the workbook the county administrator downloads, and never stored.
    /// </summary>
    [System.ComponentModel.DataAnnotations.MaxLength(64)]
    public string? FirstSignInCodeHash { get; set; }

    /// <summary>When the open first-sign-in code stops working.</summary>
    public DateTimeOffset? FirstSignInCodeExpiresAt { get; set; }
}
