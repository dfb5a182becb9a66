using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Public;

/// <summary>A page for the public (政务服务): no sign-in, and nothing on it is personal data.</summary>
[AllowAnonymous]
public abstract class PublicPage(IStringLocalizer<SharedResource> text) : PageModel
{
    public IStringLocalizer<SharedResource> Text { get; } = text;

    public PageMessage? Error { get; set; }
}
