using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.CountyChanges;

/// <summary>
/// One unit as a change of the county's bounds sees it: its latest published policy (null when it
/// has none yet), its memberships and portfolio assignments, and whether it has open matters of
/// law enforcement 执法 (R2). Loaded by the operations; judged by <see cref="BoundsChange"/>.
/// </summary>
public sealed record UnitStanding(
    UnitId Unit,
    string Name,
    PolicyDocument? Policy,
    IReadOnlyList<Membership> Memberships,
    IReadOnlyList<PortfolioAssignment> Portfolios,
    bool HasOpenLawEnforcementMatters);
