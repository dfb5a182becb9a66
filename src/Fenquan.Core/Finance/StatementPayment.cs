using Fenquan.Core.Policy;

namespace Fenquan.Core.Finance;

/// <summary>A payment of the quarter as the statement reads it: the matter it paid, its kind, the budget line it is charged to (null when none), the amount and day.</summary>
public sealed record StatementPayment(Guid MatterId, MatterKind Kind, string? LineCode, string? LineName, decimal Amount, DateOnly PaidOn);
