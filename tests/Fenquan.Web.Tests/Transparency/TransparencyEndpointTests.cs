using System.Net;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Transparency;

// R44: checkpoints, tiles and consistency proofs are public (no sign-in), entries are not; the
// ledger page needs a sign-in and shows the witnesses; both databases.
[Trait("Rule", "R44")]
public class TransparencyEndpointTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PublicEndpoints_ServeCheckpointTilesAndProofs_WithoutSignIn_ButNotEntries(string provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        CountyId county;
        TreeHeadRow head;
        await using (var db = app.Db())
        {
            county = await db.Counties.Select(c => c.Id).FirstAsync(TestContext.Current.CancellationToken);
            head = (await TransparencyQueries.LatestHeadAsync(db, county, TestContext.Current.CancellationToken))!;
        }

        var anonymous = app.NewClient();
        string prefix = "/transparency/" + county.Value.ToString("D");

        var checkpoint = await anonymous.GetAsync(prefix + "/checkpoint", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, checkpoint.StatusCode);
        Assert.Equal("text/plain", checkpoint.Content.Headers.ContentType!.MediaType);
        var note = SignedNote.Parse(await checkpoint.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var body = Checkpoint.ParseBody(note.Text)!;
        Assert.Equal(LogOrigin.Of(county), body.Origin);
        Assert.True(body.Size >= head.TreeSize);

        int width = Tile.WidthIn(body.Size, 0, 0);
        var tile = await anonymous.GetAsync(prefix + "/" + TilePath.Of(0, 0, width), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        var hashes = await tile.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(width * 32, hashes.Length);
        await using (var db = app.Db())
        {
            var first = await db.LedgerEntries.Where(e => e.CountyId == county.Value && e.Sequence == 0).Select(e => e.LeafHash).SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(first, hashes[..32]);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(prefix + "/tile/0/" + TilePath.EncodeIndex(1_000_000), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(prefix + "/tile/0/1", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/transparency/" + Guid.NewGuid().ToString("D") + "/checkpoint", TestContext.Current.CancellationToken)).StatusCode);

        long from = Math.Max(1, body.Size / 2);
        var proofText = await anonymous.GetStringAsync($"{prefix}/consistency?from={from}&to={body.Size}", TestContext.Current.CancellationToken);
        var proof = proofText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Convert.FromBase64String).ToList();
        await using (var db = app.Db())
        {
            var leaves = await db.LedgerEntries.Where(e => e.CountyId == county.Value && e.Sequence < body.Size).OrderBy(e => e.Sequence).Select(e => e.LeafHash).ToListAsync(TestContext.Current.CancellationToken);
            Assert.True(MerkleProofs.VerifyConsistency(from, body.Size, MerkleProofs.RootOf(leaves, from), body.Root, proof));
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync($"{prefix}/consistency?from={body.Size + 5}&to={body.Size + 6}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/ledger/matters/" + Guid.NewGuid(), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/ledger", TestContext.Current.CancellationToken)).StatusCode);

        var staff = await app.SignInAsync("u1.staff1");
        var page = await staff.GetStringAsync("/ledger", TestContext.Current.CancellationToken);
        Assert.Contains("demo.witness/jiwei", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"witness-alarm\"", page, StringComparison.Ordinal);
    }
}
