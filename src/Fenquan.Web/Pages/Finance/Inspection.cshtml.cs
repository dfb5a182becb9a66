using Fenquan.Core.Finance.Inspection;
using Fenquan.Data.Operations;
using Fenquan.Web.Finance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Finance;

/// <summary>The voucher inspection's start page (R8): a principal draws the period's sample; the unit's inspections; the rectifications the viewer answers for.</summary>
public sealed class InspectionIndexModel(InspectionService inspections, IStringLocalizer<SharedResource> text, IStringLocalizer<InspectionResource> inspectionText) : FenquanPage(text)
{
    public IReadOnlyList<VoucherInspection> Inspections { get; private set; } = [];

    public IReadOnlyList<RectificationView> MyTasks { get; private set; } = [];

    /// <summary>R46: an open task's clock (null once closed).</summary>
    public RectificationClock? ClockOf(RectificationView task) => inspections.ClockOf(Viewer, task);

    public bool MayDraw => InspectionService.MayDraw(Viewer);

    public bool MaySeeMissed { get; private set; }

    public InspectionPeriod LastPeriod => inspections.LastPeriod;

    public InspectionSeed? Seed { get; private set; }

    [BindProperty]
    public string? Period { get; set; }

    public IActionResult OnGet()
    {
        Load();
        return Page();
    }

    public async Task<IActionResult> OnPostDrawAsync()
    {
        var drawn = await inspections.DrawAsync(Viewer, Period);
        if (!drawn.Result.IsOk)
        {
            Show(drawn.Result.Refusal!);
            Load();
            return Page();
        }

        Notice = inspectionText["Draw.Done"];
        return Redirect($"/finance/inspection/{drawn.Result.Value.Id:D}");
    }

    private void Load()
    {
        Inspections = inspections.List(Viewer);
        MyTasks = inspections.MyTasks(Viewer);
        MaySeeMissed = inspections.MaySeeMissed(Viewer);
        if (MayDraw)
        {
            Seed = inspections.SeedPreview(Viewer, LastPeriod);
        }
    }
}
