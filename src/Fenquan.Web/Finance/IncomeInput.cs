using Fenquan.Core.Finance;

namespace Fenquan.Web.Finance;

/// <summary>Income as the finance staff enter it (R9).</summary>
public sealed class IncomeInput
{
    public IncomeKind? Kind { get; set; }

    public decimal? Amount { get; set; }

    public string? Source { get; set; }

    public string? Voucher { get; set; }

    public DateOnly? ReceivedOn { get; set; }
}
