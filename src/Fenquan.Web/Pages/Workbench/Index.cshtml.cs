using Fenquan.Core.Matters;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Workbench;

/// <summary>My tasks, my submissions, and the matters of my unit my role may see.</summary>
public sealed class WorkbenchModel(MatterService matters, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public IReadOnlyList<TaskItem> Tasks { get; private set; } = [];

    public IReadOnlyList<Matter> Mine { get; private set; } = [];

    public IReadOnlyList<Matter> Unit { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? cursor)
    {
        Tasks = await matters.TasksAsync(Viewer);
        var mine = await matters.ListAsync(Viewer, mine: true, null, 20);
        Mine = mine.IsOk ? mine.Value.Items : [];
        var unit = await matters.ListAsync(Viewer, mine: false, cursor, 30);
        if (!unit.IsOk)
        {
            return BadRequest();
        }

        Unit = unit.Value.Items;
        NextCursor = unit.Value.NextCursor;
        return Page();
    }
}
