using Fenquan.Core.CountyChanges;
using Fenquan.Core.Primitives;
using Fenquan.Web.Registers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Registers;

/// <summary>
/// A page of the county's route-deciding data (R40): everyone signed in to the county reads what is
/// in force; county administrators propose a change here, and confirm another's on the changes page.
/// </summary>
public abstract class CountyDataPage(CountyDataService data, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    protected CountyDataService Data { get; } = data;

    public CountyDataView View => _view ??= Data.Read(Viewer);

    private CountyDataView? _view;

    /// <summary>The viewer may propose and confirm (a county administrator).</summary>
    public bool IsOfficial => CountyDataService.Official(Viewer) is not null;

    /// <summary>The pending proposal of the page's subject, if any.</summary>
    public CountyChange? Pending(CountyChangeSubject subject) => View.Changes.FirstOrDefault(c => c.Subject == subject && c.State == CountyChangeState.Pending);

    /// <summary>Proposes, then shows the page again: the change waits for a second county official.</summary>
    protected async Task<IActionResult> ProposeAsync(CountyChangeSubject subject, Result<string> payload, string? summary)
    {
        if (!payload.IsOk)
        {
            Show(payload.Refusal!);
            return Page();
        }

        var proposed = await Data.ProposeAsync(Viewer, subject, payload.Value, summary);
        if (proposed.Forbidden)
        {
            return Forbid();
        }

        if (!proposed.Result.IsOk)
        {
            Show(proposed.Result.Refusal!);
            return Page();
        }

        Notice = Text["CountyData.Proposed"];
        return RedirectToPage();
    }
}
