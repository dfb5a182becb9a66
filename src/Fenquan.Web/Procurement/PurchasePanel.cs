using Fenquan.Core.Matters;
using Fenquan.Core.Procurement;

namespace Fenquan.Web.Procurement;

/// <summary>The purchase panel of an approved purchase's page: its result and receipt, and which forms the viewer is offered.</summary>
public sealed record PurchasePanel(Matter Matter, PurchaseProgress Progress, bool MayRecordResult, bool MayRecordReceipt, DateOnly Today);
