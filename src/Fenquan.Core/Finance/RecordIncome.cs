using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance;

/// <summary>Income as finance staff enter it.</summary>
public sealed record RecordIncome(PersonId RecordedBy, IncomeKind Kind, decimal Amount, string? Source, string? Voucher, DateOnly ReceivedOn);
