using Fenquan.Core.Primitives;
using Fenquan.Web.Access;
using Fenquan.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages;

/// <summary>A signed-in page: the viewer, with today's roles, is loaded before every handler.</summary>
public abstract class FenquanPage(IStringLocalizer<SharedResource> text) : PageModel
{
    public Viewer Viewer { get; private set; } = null!;

    public IStringLocalizer<SharedResource> Text { get; } = text;

    /// <summary>A refusal or a message to show, already worded ("规则 R4（小额开支）：…", the rule a link).</summary>
    public PageMessage? Error { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var viewer = await HttpContext.RequestServices.GetRequiredService<ViewerAccessor>().GetAsync(HttpContext.RequestAborted);
        if (viewer is null)
        {
            context.Result = Challenge();
            return;
        }

        Viewer = viewer;
        await next();
    }

    /// <summary>What the user typed into the posted form's field <paramref name="name"/>, or <paramref name="fallback"/> (a refused form comes back as typed).</summary>
    public string Typed(string name, string fallback = "") =>
        Request.HasFormContentType && Request.Form.TryGetValue(name, out var typed) ? typed.ToString() : fallback;

    protected void Show(Refusal refusal)
    {
        Error = Problems.Message(refusal);
        Response.StatusCode = Problems.StatusOf(refusal, forbidden: false) switch
        {
            StatusCodes.Status404NotFound => StatusCodes.Status404NotFound,
            StatusCodes.Status400BadRequest => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status409Conflict,
        };
    }
}
