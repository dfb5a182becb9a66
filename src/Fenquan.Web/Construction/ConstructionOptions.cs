namespace Fenquan.Web.Construction;

/// <summary>The county's construction settings (R19–R21), defaults as <see cref="Core.Construction.ConstructionSettings.Default"/>.</summary>
public sealed class ConstructionOptions
{
    public decimal VariationShare { get; set; } = Core.Construction.ConstructionSettings.Default.VariationShare;

    public int NoticeDays { get; set; } = Core.Construction.ConstructionSettings.Default.NoticeDays;

    public decimal ProgressShare { get; set; } = Core.Construction.ConstructionSettings.Default.ProgressShare;
}
