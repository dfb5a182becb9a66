using Fenquan.Core.Finance;
using Fenquan.Web.Finance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Finance;

/// <summary>One version of a quarterly statement (R9), as stored; another unit's is not found.</summary>
public sealed class StatementModel(StatementService statements, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public Statement Statement { get; private set; } = null!;

    public IActionResult OnGet(Guid id)
    {
        var found = statements.Get(Viewer, id);
        if (!found.IsOk)
        {
            return NotFound();
        }

        Statement = found.Value;
        return Page();
    }
}
