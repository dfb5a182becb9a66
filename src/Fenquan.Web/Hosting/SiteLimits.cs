using System.Threading.RateLimiting;
using Fenquan.Core.Primitives;
using Fenquan.Web.Api;
using Fenquan.Web.Attachments;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;

namespace Fenquan.Web.Hosting;

/// <summary>
/// Limits that hold however a request is sent: the API's body limit (declared or chunked), the
/// rate limiter's answer (when to try again, on a page or as a problem), and text without control
/// characters in every form.
/// </summary>
public static class SiteLimits
{
    private const string RetryAfterItem = "fenquan.retry-after";

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    /// <summary>How long the client was told to wait, when a limit refused it.</summary>
    public static TimeSpan? RetryAfter(HttpContext context) => context.Items.TryGetValue(RetryAfterItem, out var value) && value is TimeSpan wait ? wait : null;

    /// <summary>
    /// The rate limiter's refusal: <c>Retry-After</c>, then a problem for the API; a page gets the
    /// status alone, and the site's error page (re-executed) says when to try again.
    /// </summary>
    public static async ValueTask OnRejected(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        context.Items[RetryAfterItem] = wait;
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (IsApi(context))
        {
            var problem = Problems.Details(new Refusal(Problems.TooManyRequestsId, $"Too many requests from this address; try again in {Math.Ceiling(wait.TotalSeconds)} seconds."));
            problem.Status = StatusCodes.Status429TooManyRequests;
            problem.Title = "Too many requests";
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        }
    }

    /// <summary>
    /// A path no endpoint answers is not found, for everyone: it must not send a stranger to sign in
    /// (the fallback authorization policy would). Static files were served before routing; a known path
    /// with the wrong method still gets its 405 from routing. (A catch-all fallback route would also
    /// take requests that a JSON endpoint with an optional body declines for their missing content type.)
    /// </summary>
    public static Task NotFoundWithoutEndpoint(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint() is not null)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>
    /// The API's request bodies are small JSON (an upload endpoint takes the attachment limit): the
    /// limit is set on the server before the body is read, so it holds for a chunked body that declares
    /// no length, and a declared length over it is refused before reading.
    /// </summary>
    public static Task LimitApiBodies(HttpContext context, RequestDelegate next)
    {
        if (!IsApi(context))
        {
            return next(context);
        }

        var limit = context.GetEndpoint()?.Metadata.GetMetadata<UploadEndpoint>() is null ? ApiEndpoints.MaxBody : AttachmentService.MaxRequest;
        if (context.Request.ContentLength > limit)
        {
            return Problems.Result(Problems.TooLarge(limit)).ExecuteAsync(context);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        return next(context);
    }

    /// <summary>True when the text holds a control character other than tab, line feed and carriage return.</summary>
    public static bool HasControlCharacters(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007f')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The refusal of text with control characters (no rule: bad input), in the API's words.</summary>
    public static Refusal ControlCharacters(string where) =>
        Refusal.Because(Refusal.InvalidId, "ControlCharacter", "{field} holds a control character (U+0000–U+001F or U+007F other than tab and line breaks); nothing was changed.", ("field", where));
}

/// <summary>
/// Every string of a JSON body is read through this: text with control characters is refused as a
/// bad request before any endpoint sees it (names, titles, comments, references alike).
/// </summary>
public sealed class PlainTextJsonConverter : System.Text.Json.Serialization.JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return SiteLimits.HasControlCharacters(text)
            ? throw new System.Text.Json.JsonException("A string holds a control character (U+0000–U+001F or U+007F other than tab and line breaks).")
            : text;
    }

    public override void Write(System.Text.Json.Utf8JsonWriter writer, string value, System.Text.Json.JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>
/// Every form a page receives: a post to a handler the page does not have is not found (the page would
/// otherwise render without its data), and a value with control characters is refused (400, the
/// site's page) before the handler runs.
/// </summary>
public sealed class PageFormFilter : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && context.HandlerInstance is not Pages.Site.ErrorModel)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.NotFoundResult();
            return;
        }

        // The error page, re-executed for a refused form, sees that form again: it is not read twice.
        if (context.HandlerInstance is not Pages.Site.ErrorModel
            && context.HttpContext.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is not { IsValid: false }
            && request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (Exception e) when (ClientBodyStream.IsClientFault(e, context.HttpContext.RequestAborted))
            {
                // A form that breaks off (a multipart body without its closing boundary): the client's fault.
                context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status400BadRequest);
                return;
            }

            if (form.Any(field => SiteLimits.HasControlCharacters(field.Key) || field.Value.Any(SiteLimits.HasControlCharacters))
                || form.Files.Any(file => SiteLimits.HasControlCharacters(file.FileName)))
            {
                context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status400BadRequest);
                return;
            }
        }

        await next();
    }
}
