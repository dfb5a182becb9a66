using Fenquan.Core.Primitives;

namespace Fenquan.Core.Procurement;

/// <summary>A receipt (验收) as it is entered: who received the goods or services, on which day, and what was checked.</summary>
public sealed record RecordPurchaseReceipt(PersonId RecordedBy, DateOnly ReceivedOn, string? Note);
