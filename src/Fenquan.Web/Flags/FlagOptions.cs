namespace Fenquan.Web.Flags;

/// <summary>The county's red-flag settings (R47), defaults as <see cref="Core.Flags.FlagSettings.Default"/>.</summary>
public sealed class FlagOptions
{
    public int WindowDays { get; set; } = Core.Flags.FlagSettings.Default.WindowDays;

    public decimal HuggingShare { get; set; } = Core.Flags.FlagSettings.Default.HuggingShare;

    public int FastApprovalSeconds { get; set; } = Core.Flags.FlagSettings.Default.FastApprovalSeconds;

    public decimal RepeatedSupplierShare { get; set; } = Core.Flags.FlagSettings.Default.RepeatedSupplierShare;

    public int RepeatedSupplierMinimum { get; set; } = Core.Flags.FlagSettings.Default.RepeatedSupplierMinimum;
}
