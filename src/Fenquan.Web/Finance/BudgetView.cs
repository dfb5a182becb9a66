using Fenquan.Core.Finance;

namespace Fenquan.Web.Finance;

/// <summary>A unit's budget for a year (null when none is imported) and the position of each of its lines (R4).</summary>
public sealed record BudgetView(int Year, Budget? Budget, IReadOnlyList<BudgetPosition> Positions);
