using Fenquan.Core.Finance;

namespace Fenquan.Web.Finance;

/// <summary>The claim panel of a matter's page: its line items and invoices (R4, R8), and a reception claim's reception list (R31).</summary>
public sealed record ClaimPanel(IReadOnlyList<ClaimLine> Lines, IReadOnlyList<Voucher> Vouchers, ReceptionList? Reception = null);
