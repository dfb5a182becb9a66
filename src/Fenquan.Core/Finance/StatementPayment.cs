using Fenquan.Core.Policy;

namespace Fenquan.Core.Finance;

/// <summary>A payment of the quarter as the statement reads it: the matter it paid, its kind, title and payee, and the budget line it is charged to (null when none).</summary>
public sealed record StatementPayment(Guid MatterId, MatterKind Kind, string Title, string Payee, string? LineCode, string? LineName, decimal Amount, DateOnly PaidOn);
