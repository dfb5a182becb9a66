using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

/// <summary>
/// Who is asking, as the core's access rules reason on it: the county (tenant), the person and the
/// unit they belong to today, the roles they hold there today (R1, R3), and their administrator
/// flags. Made by the edge (the web's signed-in viewer) once per request; the core never looks
/// anything up about the asker itself.
/// </summary>
public sealed record Asker
{
    public required CountyId County { get; init; }

    /// <summary>The person behind the account; null for an account that is nobody (a bare county administrator).</summary>
    public PersonId? Person { get; init; }

    /// <summary>The unit the person belongs to today; null when none.</summary>
    public UnitId? Unit { get; init; }

    /// <summary>The roles the person holds in <see cref="Unit"/> today.</summary>
    public IReadOnlyList<Role> Roles { get; init; } = [];

    public bool IsCountyAdministrator { get; init; }

    public bool IsUnitAdministrator { get; init; }

    public DateOnly Today { get; init; }

    public bool Holds(Role role) => Roles.Contains(role);
}
