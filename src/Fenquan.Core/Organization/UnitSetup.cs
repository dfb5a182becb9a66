using Fenquan.Core.Primitives;

namespace Fenquan.Core.Organization;

/// <summary>
/// How far a unit is set up on a day: which of the five restricted areas (R2) have a portfolio in
/// force held by a deputy of the unit that day (R3), and the policy version in force (R40: only a
/// verified, approved version is ever published). Ready when all five areas are covered and a
/// policy is in force.
/// </summary>
public sealed record UnitSetup(UnitId Unit, string Name, IReadOnlyList<Area> Covered, IReadOnlyList<Area> Missing, int? PolicyNumber, DateOnly? PolicyFrom)
{
    /// <summary>The five areas every unit assigns to deputies (R2; law enforcement is a county's option).</summary>
    public static IReadOnlyList<Area> FiveAreas { get; } = [Area.Finance, Area.Personnel, Area.Procurement, Area.Construction, Area.AdministrativeApproval];

    public bool IsReady => Missing.Count == 0 && PolicyNumber is not null;

    /// <summary>
    /// The unit's setup on <paramref name="today"/> from its portfolio assignments, its memberships
    /// and its published policy versions (number, effective from).
    /// </summary>
    public static UnitSetup Of(UnitId unit, string name, DateOnly today, IEnumerable<PortfolioAssignment> portfolios, IEnumerable<Membership> memberships, IEnumerable<(int Number, DateOnly From)> policies)
    {
        ArgumentNullException.ThrowIfNull(portfolios);
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentNullException.ThrowIfNull(policies);
        var deputies = memberships
            .Where(m => m.UnitId == unit && m.Role == Role.Deputy && m.From <= today && (m.Until is null || today < m.Until))
            .Select(m => m.PersonId)
            .ToHashSet();
        var covered = portfolios
            .Where(p => p.UnitId == unit && p.IsInForceOn(today) && deputies.Contains(p.DeputyId))
            .Select(p => p.Area)
            .ToHashSet();
        var inForce = policies.Where(p => p.From <= today).OrderByDescending(p => p.Number).Select(p => ((int, DateOnly)?)p).FirstOrDefault();
        return new UnitSetup(
            unit,
            name,
            FiveAreas.Where(covered.Contains).ToList(),
            FiveAreas.Where(a => !covered.Contains(a)).ToList(),
            inForce?.Item1,
            inForce?.Item2);
    }
}
