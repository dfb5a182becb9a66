using Fenquan.Core.Matters;

namespace Fenquan.Web.Finance;

/// <summary>The payment panel of a matter's page: its payments, and whether the viewer is offered the payment step.</summary>
public sealed record PaymentsPanel(Matter Matter, PaymentsOfMatter Payments, bool MayPay);
