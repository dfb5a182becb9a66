using Microsoft.AspNetCore.Localization;

namespace Fenquan.Web.Hosting;

/// <summary>
/// The API's language follows the request's Accept-Language (zh-CN when it names neither zh nor en);
/// pages keep the language the viewer chose (the culture cookie), whatever the browser sends.
/// </summary>
public sealed class ApiAcceptLanguage : AcceptLanguageHeaderRequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return SiteLimits.IsApi(httpContext) ? base.DetermineProviderCultureResult(httpContext) : NullProviderCultureResult;
    }
}
