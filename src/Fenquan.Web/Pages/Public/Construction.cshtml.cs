using Fenquan.Core.Ocds;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Construction;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Fenquan.Web.Pages.Public;

/// <summary>
/// R22: a construction project's tender method, procedure, winning candidates and result, published
/// without sign-in once its tender is recorded, with its OCDS record (saying so when its ocid's prefix
/// is still the placeholder).
/// </summary>
public sealed class PublicConstructionModel(ConstructionService projects, DbSession session, IOptions<FenquanOptions> options, IStringLocalizer<SharedResource> text) : PublicPage(text)
{
    public PublicProject Shown { get; private set; } = null!;

    /// <summary>The project's ocid, and whether its prefix is the county's registered one.</summary>
    public (string Ocid, bool Registered) Ocds { get; private set; }

    public IActionResult OnGet(Guid county, Guid id)
    {
        if (projects.Published(county, id) is not { } shown)
        {
            return NotFound();
        }

        Shown = shown;
        var (prefix, registered) = OcdsPublication.PrefixOf(session.Db, new CountyId(county), options.Value.OcdsPrefix);
        Ocds = (OcdsPrefix.Ocid(prefix, id), registered);
        return Page();
    }
}
