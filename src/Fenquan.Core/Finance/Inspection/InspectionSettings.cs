namespace Fenquan.Core.Finance.Inspection;

/// <summary>
/// How a county inspects vouchers (R8): the period's length in months, how many claims monetary-unit
/// sampling draws, the amount above which every claim is inspected, and the working days the
/// principals have to inspect and the deputy to rectify.
/// </summary>
public sealed record InspectionSettings(int Months = 3, int SampleSize = 10, decimal AlwaysAbove = 50_000m, int InspectionDays = 20, int RectificationDays = 15)
{
    public static InspectionSettings Default { get; } = new();
}
