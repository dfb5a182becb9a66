using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fenquan.Web.Pages.Site;

/// <summary>
/// The site's page for a status without a body of its own (400, 403, 404, 405, 413, 429, 500) and for
/// an unhandled exception, in the viewer's language. Reached by re-execution, which keeps the original
/// method (a refused POST shows it too), so it answers every method and takes no antiforgery token:
/// it changes nothing.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(Clock clock) : PageModel
{
    public int Code { get; private set; }

    public int? RetryAfterSeconds { get; private set; }

    public string RetryAt { get; private set; } = string.Empty;

    public string At { get; private set; } = string.Empty;

    // No parameters and no bound properties: the refused request's body (perhaps a broken form) is never read again.
    public void OnGet() => Show();

    public void OnPost() => Show();

    public void OnPut() => Show();

    public void OnDelete() => Show();

    public void OnPatch() => Show();

    private void Show()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var given) ? given : (int?)null;
        // Re-executed: the original response's status stands (the exception handler has set it already).
        var original = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        var failed = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;
        Code = original ?? (failed ? Response.StatusCode : code is >= 400 and < 600 ? code.Value : StatusCodes.Status404NotFound);
        Response.StatusCode = Code;
        var now = clock.Now;
        At = now.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        if (Code == StatusCodes.Status429TooManyRequests && SiteLimits.RetryAfter(HttpContext) is { } wait)
        {
            RetryAfterSeconds = (int)Math.Ceiling(wait.TotalSeconds);
            RetryAt = clock.Local(now + wait).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
