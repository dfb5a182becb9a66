using Fenquan.Core.Access;
using Fenquan.Core.Finance.Inspection;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Finance;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Finance;

/// <summary>One voucher inspection (R8): its seed, the sample with each inspector's finding form, and the rectification tasks with the deputy's evidence and the inspector's decision.</summary>
public sealed class InspectionDetailsModel(InspectionService inspections, IStringLocalizer<SharedResource> text, IStringLocalizer<InspectionResource> inspectionText) : FenquanPage(text)
{
    public InspectionView View { get; private set; } = null!;

    public bool MayFind(InspectionItem item) => !View.FindingsByItem.ContainsKey(item.Id) && InspectionAccess.MayFind(Viewer.Asker, item);

    public bool MayGiveEvidence(RectificationView task) => InspectionAccess.MayGiveEvidence(Viewer.Asker, task.Task, task.State);

    public bool MayDecide(RectificationView task) => InspectionAccess.MayDecide(Viewer.Asker, task.Task, task.State);

    /// <summary>R46: an open task's clock (null once closed).</summary>
    public RectificationClock? ClockOf(RectificationView task) => inspections.ClockOf(Viewer, task);

    public string NameOf(PersonId person) => MatterService.NameOf(Viewer, person);

    public IActionResult OnGet(Guid id) => Load(id) ?? Page();

    public Task<IActionResult> OnPostFindAsync(Guid id, Guid item, Verdict? verdict, string? note) =>
        ActAsync(id, async () => (await inspections.FindAsync(Viewer, item, verdict, note)).Result.Refusal, "Finding.Done");

    public Task<IActionResult> OnPostEvidenceAsync(Guid id, Guid task, string? evidence, string? attachment) =>
        ActAsync(id, async () => (await inspections.EvidenceAsync(Viewer, task, evidence, attachment)).Result.Refusal, "Evidence.Done");

    public Task<IActionResult> OnPostDecideAsync(Guid id, Guid task, bool accept, string? reason) =>
        ActAsync(id, async () => (await inspections.DecideAsync(Viewer, task, accept, reason)).Result.Refusal, "Decide.Done");

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<Refusal?>> act, string done)
    {
        var refusal = await act();
        if (refusal is not null)
        {
            Show(refusal);
            return Load(id) ?? Page();
        }

        Notice = inspectionText[done];
        return Redirect($"/finance/inspection/{id:D}");
    }

    private IActionResult? Load(Guid id)
    {
        var view = inspections.View(Viewer, id);
        if (!view.IsOk)
        {
            return NotFound();
        }

        View = view.Value;
        return null;
    }
}
