using Fenquan.Web.Transparency;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Ledger;

/// <summary>The county's ledger as the outside world holds it (R44): checkpoint, cosignatures, witnesses, alarms.</summary>
public sealed class LedgerIndexModel(TransparencyService transparency, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public LedgerOverview? Overview { get; private set; }

    public async Task OnGetAsync() => Overview = await transparency.OverviewAsync(Viewer);
}
