using Fenquan.Core.Primitives;
using Fenquan.Documents.Language;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

/// <summary>
/// The one place where a refusal becomes an HTTP problem (STYLE habit 9): not found → 404, invalid
/// input → 400, too large → 413, a rule's refusal → 403 when the asker has no part in the step or
/// 409 when the matter's state forbids it. Title and detail are in the request's language
/// (Accept-Language on the API, zh-CN by default); <c>rule</c>, <c>key</c>, <c>arguments</c> and the
/// core's English <c>reason</c> are the same in every language.
/// </summary>
public static class Problems
{
    /// <summary>Not a rule: the request body is larger than allowed.</summary>
    public const string TooLargeId = "TooLarge";

    /// <summary>Not a rule: an API token lacks the scope the request needs (403).</summary>
    public const string ScopeId = "Scope";

    /// <summary>Not a rule: a rate limit refused the request (429).</summary>
    public const string TooManyRequestsId = "TooManyRequests";

    public static Refusal TooLarge(long limit) => new(TooLargeId, $"The request is larger than {limit} bytes.");

    /// <summary>
    /// The name of a refusal of input that declares what the county's data decides (R40: a
    /// submitter's own "catalogue item" or "major item"): a 400 that still names its rule.
    /// </summary>

    public static int StatusOf(Refusal refusal, bool forbidden = false) => refusal.RuleId switch
    {
        Refusal.NotFoundId => StatusCodes.Status404NotFound,
        Refusal.InvalidId => StatusCodes.Status400BadRequest,
        _ when refusal.Key.EndsWith("." + Core.Policy.CountyFacts.SelfDeclaredName, StringComparison.Ordinal) => StatusCodes.Status400BadRequest,
        TooLargeId => StatusCodes.Status413PayloadTooLarge,
        _ => forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict,
    };

    public static ProblemDetails Details(Refusal refusal, bool forbidden = false)
    {
        var status = StatusOf(refusal, forbidden);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = RefusalText.Shared.Title(refusal, status),
            Detail = RefusalText.Shared.Message(refusal),
            Type = "https://fenquan.example/problems/" + refusal.RuleId.ToLowerInvariant(),
        };
        problem.Extensions["rule"] = refusal.RuleId;
        problem.Extensions["reason"] = refusal.Reason;
        problem.Extensions["key"] = refusal.Key;
        problem.Extensions["arguments"] = refusal.Arguments.ToDictionary(a => a.Name, a => a.Value);
        return problem;
    }

    public static IResult Result(Refusal refusal, bool forbidden = false)
    {
        var problem = Details(refusal, forbidden);
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// A refusal worded for a page in the viewer's language (the request's UI culture): its rule's
    /// label linked to the rule's explanation, then the message from the refusal's key and arguments.
    /// </summary>
    public static Pages.PageMessage Message(Refusal refusal) => Pages.PageMessage.Of(refusal, RefusalText.Shared);
}

/// <summary>
/// An exception in the API becomes a problem: the client's fault (unreadable body, wrong types, too
/// large) with its status, anything else a 500 that says nothing of the server's insides. A page's
/// exception is left to the site's error page.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The request's own path (by now the exception handler may have pointed it at the error page).
        var path = httpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? string.Empty;
        if (!new PathString(path).StartsWithSegments("/api", StringComparison.Ordinal))
        {
            return false;
        }

        var refusal = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problems.TooLarge(httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0),
            BadHttpRequestException bad => Refusal.Invalid(bad.InnerException is System.Text.Json.JsonException json ? "The request body is not valid: " + json.Message : bad.Message),
            _ => null,
        };
        if (refusal is null)
        {
            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Server error", Detail = "The request failed on the server; nothing of it was kept half-done." },
                Exception = exception,
            });
        }

        httpContext.Response.StatusCode = Problems.StatusOf(refusal);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = Problems.Details(refusal), Exception = exception });
    }
}
