using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Procurement;

/// <summary>
/// The procurement centre's or tender's result as the office or the procurement deputy enters it
/// (R18): the centre's reference, how it was bought, the supplier (a registered counterparty), the
/// amount and the day of the result.
/// </summary>
public sealed record RecordPurchaseResult(PersonId RecordedBy, string? Reference, ProcurementMethod Method, Payee Supplier, decimal Amount, DateOnly ResultOn);
