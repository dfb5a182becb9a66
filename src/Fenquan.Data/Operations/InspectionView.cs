using Fenquan.Core.Finance.Inspection;
using Fenquan.Core.Primitives;

namespace Fenquan.Data.Operations;

/// <summary>An inspection as pages and the API show it: the draw, its items (with their claims' titles), findings and rectification tasks with their steps.</summary>
public sealed record InspectionView(
    VoucherInspection Inspection,
    IReadOnlyList<InspectionItem> Items,
    IReadOnlyDictionary<MatterId, string> Titles,
    IReadOnlyDictionary<Guid, InspectionFinding> FindingsByItem,
    IReadOnlyList<RectificationView> Tasks);

/// <summary>A rectification task with its steps in order and its derived state.</summary>
public sealed record RectificationView(Rectification Task, IReadOnlyList<RectificationStep> Steps)
{
    public RectificationState State => Rectification.StateOf(Steps);
}
