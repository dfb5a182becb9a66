using Fenquan.Core.Matters;
using Fenquan.Data.Queries;
using Fenquan.Documents.Lists;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Matters;

/// <summary>
/// The unit's matters the viewer may see (or, with scope=mine, their own submissions): search over
/// title and payee, filters, sorting, a total count, previous and next pages, and export of the
/// whole filtered list. A bad parameter answers 400 with the refusal shown.
/// </summary>
public sealed class MattersIndexModel(MatterService matters, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public MatterListInput Input { get; private set; } = new();

    public CountedPage<Matter>? Found { get; private set; }

    public bool Mine { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] MatterListInput input, string? scope)
    {
        if (Load(input, scope) is not { } request)
        {
            return Page();
        }

        Found = await matters.FindAsync(Viewer, request, Mine);
        return Page();
    }

    /// <summary>The same list, every row, as .xlsx or .csv.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromQuery] MatterListInput input, string? scope, string? format)
    {
        if (Load(input, scope) is not { } request)
        {
            return Page();
        }

        if (MatterExport.FormatOf(format) is not { } chosen)
        {
            return BadRequest();
        }

        var all = await matters.AllAsync(Viewer, request, Mine);
        var bytes = await MatterExport.WriteAsync(chosen, Text, Viewer, all);
        return File(bytes, ListExport.ContentType(chosen), MatterExport.FileName(chosen, Viewer.Today));
    }

    /// <summary>The link to another page of the same list (the filters kept).</summary>
    public string PageLink(int page) => Link(Input with { Page = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }, handler: null, format: null);

    /// <summary>The link to the export of the same list.</summary>
    public string ExportLink(string format) => Link(Input with { Page = null, Size = null }, handler: "Export", format);

    private string Link(MatterListInput input, string? handler, string? format)
    {
        var query = new Dictionary<string, string?>
        {
            ["handler"] = handler, ["format"] = format, ["scope"] = Mine ? "mine" : null,
            ["q"] = input.Q, ["area"] = input.Area, ["state"] = input.State, ["min"] = input.Min, ["max"] = input.Max,
            ["from"] = input.From, ["to"] = input.To, ["overdue"] = input.Overdue, ["waiting"] = input.Waiting,
            ["sort"] = input.Sort, ["page"] = input.Page, ["size"] = input.Size,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/matters", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private MatterListRequest? Load(MatterListInput input, string? scope)
    {
        Input = input;
        Mine = scope == "mine";
        var parsed = input.Parse();
        if (!parsed.IsOk)
        {
            Show(parsed.Refusal!);
            return null;
        }

        return parsed.Value;
    }
}
