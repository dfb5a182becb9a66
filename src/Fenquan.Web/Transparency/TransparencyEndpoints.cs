using System.Text;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Web.Access;

namespace Fenquan.Web.Transparency;

/// <summary>
/// The public face of each county's ledger (R44), no sign-in: the checkpoint (C2SP tlog-checkpoint,
/// with witnesses' cosignatures), hash tiles (C2SP tlog-tiles; no entry bundles — entries stay
/// private) and consistency proofs, under <c>/transparency/{county}/</c>.
/// </summary>
public static class TransparencyEndpoints
{
    public const string Prefix = "/transparency";

    public static void MapTransparency(this IEndpointRouteBuilder app)
    {
        var log = app.MapGroup(Prefix + "/{county:guid}").AllowAnonymous();

        log.MapGet("/checkpoint", async (HttpContext http, DbSession session, Guid county) =>
        {
            var note = await TransparencyQueries.LatestCheckpointAsync(session.Db, new CountyId(county), http.RequestAborted);
            if (note is null)
            {
                return Results.NotFound();
            }

            // Mutable: no caching beyond a few seconds.
            http.Response.Headers.CacheControl = "public, max-age=2";
            return Results.Text(note, "text/plain; charset=utf-8", Encoding.UTF8);
        });

        log.MapGet("/tile/{**path}", async (HttpContext http, DbSession session, Guid county, string path) =>
        {
            if (TilePath.Parse(path) is not { } tile)
            {
                return Results.NotFound();
            }

            var hashes = await TransparencyQueries.TileAsync(session.Db, new CountyId(county), tile.Level, tile.Index, tile.Width, http.RequestAborted);
            if (hashes is null)
            {
                return Results.NotFound();
            }

            // Immutable: a tile's hashes at a width never change.
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(hashes, "application/octet-stream");
        });

        // One base64 hash per line, as in the witness protocol's request.
        log.MapGet("/consistency", async (HttpContext http, DbSession session, Guid county, long from, long to) =>
        {
            var proof = await TransparencyQueries.ConsistencyAsync(session.Db, new CountyId(county), from, to, http.RequestAborted);
            if (!proof.IsOk)
            {
                return proof.Refusal!.IsNotFound ? Results.NotFound() : Results.BadRequest(proof.Refusal.Reason);
            }

            return Results.Text(string.Concat(proof.Value.Select(h => Convert.ToBase64String(h) + "\n")), "text/plain; charset=utf-8", Encoding.UTF8);
        });

        // The demo's in-process witness, reachable as any witness is (C2SP tlog-witness), and its latest cosigned checkpoints.
        var witness = app.MapGroup("/witness/demo").AllowAnonymous();
        witness.MapPost("/add-checkpoint", async (HttpContext http, WitnessHub hub) =>
        {
            if (hub.Demo is not { } demo)
            {
                return Results.NotFound();
            }

            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var answer = await demo.AddCheckpointAsync(body, http.RequestAborted);
            return Results.Text(answer.Body, answer.ContentType, Encoding.UTF8, answer.Status);
        });
        witness.MapGet("/checkpoint", (WitnessHub hub, string origin) =>
            hub.Demo?.LatestCheckpoint(origin) is { } note ? Results.Text(note, "text/plain; charset=utf-8", Encoding.UTF8) : Results.NotFound());
    }
}
