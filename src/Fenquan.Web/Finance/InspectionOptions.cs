using Fenquan.Core.Finance.Inspection;

namespace Fenquan.Web.Finance;

/// <summary>
/// The "Fenquan:Inspection" configuration section (R8): the period's length in months (3: quarterly),
/// how many claims monetary-unit sampling draws, the amount above which every claim is inspected,
/// and the working days for the findings and for a rectification.
/// </summary>
public sealed class InspectionOptions
{
    public const string Section = "Fenquan:Inspection";

    public int Months { get; set; } = InspectionSettings.Default.Months;

    public int SampleSize { get; set; } = InspectionSettings.Default.SampleSize;

    public decimal AlwaysAbove { get; set; } = InspectionSettings.Default.AlwaysAbove;

    public int InspectionDays { get; set; } = InspectionSettings.Default.InspectionDays;

    public int RectificationDays { get; set; } = InspectionSettings.Default.RectificationDays;

    public InspectionSettings Settings() => new(
        InspectionPeriod.ValidMonths(Months) ? Months : 3, Math.Clamp(SampleSize, 1, 1_000), Math.Max(0m, AlwaysAbove), Math.Clamp(InspectionDays, 1, 250), Math.Clamp(RectificationDays, 1, 250));
}
