using System.Text;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;

namespace Fenquan.Web.Ocds;

/// <summary>
/// R22: the county's contracting data in OCDS 1.1.5 at stable public URLs, no sign-in — a release
/// package per calendar month (<c>/ocds/{county}/releases/2026-12.json</c>) and a record package per
/// contracting process (<c>/ocds/{county}/records/{ocid}.json</c>). Read by
/// <see cref="OcdsPublication"/>; nothing here decides what is published. The ocids start with the
/// county's registered prefix, or the configured placeholder until it has one.
/// </summary>
public static class OcdsEndpoints
{
    public static void MapOcds(this IEndpointRouteBuilder app, string configuredPrefix)
    {
        var ocds = app.MapGroup("/ocds/{county:guid}").AllowAnonymous();

        ocds.MapGet("/releases/{month:regex(^\\d{{4}}-(0[1-9]|1[0-2])$)}.json", (HttpContext http, DbSession session, Guid county, string month) =>
            Json(http, OcdsPublication.ReleasePackage(session.Db, new CountyId(county), OcdsPublication.PrefixOf(session.Db, new CountyId(county), configuredPrefix).Prefix, BaseOf(http), month)));

        ocds.MapGet("/records/{ocid}.json", (HttpContext http, DbSession session, Guid county, string ocid) =>
            Json(http, OcdsPublication.RecordPackage(session.Db, new CountyId(county), OcdsPublication.PrefixOf(session.Db, new CountyId(county), configuredPrefix).Prefix, BaseOf(http), ocid)));
    }

    private static IResult Json(HttpContext http, System.Text.Json.Nodes.JsonObject? package)
    {
        if (package is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=60";
        return Results.Text(package.ToJsonString(), "application/json; charset=utf-8", Encoding.UTF8);
    }

    private static string BaseOf(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
