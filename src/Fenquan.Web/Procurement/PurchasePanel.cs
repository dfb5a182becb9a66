using Fenquan.Core.Matters;
using Fenquan.Core.Procurement;

namespace Fenquan.Web.Procurement;

/// <summary>
/// The purchase panel of an approved purchase's page: its result and receipt, and which forms the
/// viewer is offered; <see cref="Typed"/> and <see cref="TypedAmount"/> are the result form as last
/// typed when it was refused, so nothing is lost.
/// </summary>
public sealed record PurchasePanel(Matter Matter, PurchaseProgress Progress, bool MayRecordResult, bool MayRecordReceipt, DateOnly Today, PurchaseResultInput? Typed = null, string? TypedAmount = null);
