using Fenquan.Core.Matters;
using Fenquan.Data.Queries;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Workbench;

/// <summary>
/// My tasks, my submissions, and the matters of my unit my role may see. Tasks are shown most
/// urgent first, <see cref="TasksPerPage"/> at a time; the lists show no actions, so none are loaded.
/// </summary>
public sealed class WorkbenchModel(MatterService matters, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public const int TasksPerPage = 50;

    /// <summary>This page of the tasks.</summary>
    public IReadOnlyList<TaskItem> Tasks { get; private set; } = [];

    /// <summary>All tasks waiting for the viewer.</summary>
    public int TaskCount { get; private set; }

    /// <summary>This page's number (from 1).</summary>
    public int TaskPage { get; private set; } = 1;

    /// <summary>The next page of tasks (from 2), or null on the last.</summary>
    public int? NextTaskPage { get; private set; }

    public IReadOnlyList<Matter> Mine { get; private set; } = [];

    public IReadOnlyList<Matter> Unit { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? cursor, int taskPage = 1)
    {
        if (taskPage < 1)
        {
            return BadRequest();
        }

        TaskPage = taskPage;
        var tasks = await matters.TasksAsync(Viewer);
        TaskCount = tasks.Count;
        Tasks = tasks.Skip((taskPage - 1) * TasksPerPage).Take(TasksPerPage).ToList();
        NextTaskPage = taskPage * TasksPerPage < tasks.Count ? taskPage + 1 : null;
        var mine = await matters.ListAsync(Viewer, mine: true, null, 20, withActions: false);
        Mine = mine.IsOk ? mine.Value.Items : [];
        var unit = await matters.ListAsync(Viewer, mine: false, cursor, 30, withActions: false);
        if (!unit.IsOk)
        {
            return BadRequest();
        }

        Unit = unit.Value.Items;
        NextCursor = unit.Value.NextCursor;
        return Page();
    }
}
