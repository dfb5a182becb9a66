using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Matters;

/// <summary>The ledger rows of a matter with their sequence numbers and inclusion proofs (R44).</summary>
public sealed class MatterLedgerModel(MatterService matters, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public MatterLedger? Ledger { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ledger = await matters.LedgerAsync(Viewer, id);
        if (!ledger.IsOk)
        {
            return NotFound();
        }

        Ledger = ledger.Value;
        return Page();
    }
}
