using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Fenquan.Web.Tests.Browser.Sweep;

/// <summary>
/// The sweep forgets no page: every Razor page route the application maps is in
/// <see cref="SweptPages.All"/> or in <see cref="SweptPages.Skipped"/> with its reason, and neither
/// list names a page that is gone. Needs no browser.
/// </summary>
public sealed class SweptPagesTests
{
    [Fact]
    public async Task EveryPageRoute_IsSweptOrSkipped()
    {
        var data = Directory.CreateTempSubdirectory("fenquan-routes-").FullName;
        await using var app = FenquanWeb.Build(["--data", data, "--no-demo", "--contentRoot", BrowserHost.ProjectFolder(), "--Logging:LogLevel:Default=Warning"]);
        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).Trim('/'))
            .Where(r => r != "/Index") // Pages/Index.cshtml answers at "/" and at "/Index": one page
            .ToHashSet();
        Directory.Delete(data, recursive: true);
        if (Directory.Exists(data + "-keys"))
        {
            Directory.Delete(data + "-keys", recursive: true);
        }


        var known = SweptPages.All.Select(p => p.Route).Concat(SweptPages.Skipped.Keys).ToHashSet();
        Assert.Empty(routes.Except(known));

        Assert.Empty(known.Except(routes)); // no entry for a page that is gone
        Assert.True(routes.Count > 50, $"only {routes.Count} page routes found: the enumeration is broken");
    }
}
