using System.Diagnostics;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
using Fenquan.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fenquan.Web.Tests.Transparency;

// R44: Fenquan's checkpoints, tiles and proofs are checked by Go's reference packages
// (golang.org/x/mod/sumdb/note and sumdb/tlog) over real HTTP, not by Fenquan's own code.
[Trait("Rule", "R44")]
public class GoCheckerTests
{
    [Fact]
    public async Task GoReference_VerifiesCheckpointTilesConsistencyAndInclusion_AndCatchesAFork()
    {
        string checker = await BuildCheckerAsync();
        await using var server = await LiveServer.StartAsync("go", demoMatters: 5);
        var store = server.App.Services.GetRequiredService<FenquanStore>();
        var (county, oldHead) = await LatestHeadAsync(store, 0);

        // From here on every checkpoint carries an SM2 line too (GB/T 39786), which Go's note package must skip.
        var sm2 = Sm2NoteKey.Create();
        store.Signer.WithSm2(sm2);
        string vkey = new NoteVerifierKey(LogOrigin.Of(county), NoteKeyType.Ed25519, store.Signer.PublicKey).Vkey();
        string old = Path.Combine(server.Data, "old-checkpoint");
        await File.WriteAllTextAsync(old, oldHead.Checkpoint, TestContext.Current.CancellationToken);

        // More than a tile's worth of new entries after the kept checkpoint.
        for (int i = 0; i < 300; i++)
        {
            await store.Writer.ExecuteAsync(county, "test.event", ctx =>
            {
                ctx.Append("test", Guid.CreateVersion7(), "{}");
                return Result<bool>.Ok(true);
            }, TestContext.Current.CancellationToken);
        }

        var (_, head) = await LatestHeadAsync(store, oldHead.TreeSize + 300);
        var sm2Key = new NoteVerifierKey(LogOrigin.Of(county), NoteKeyType.Sm2, sm2.PublicKey);
        Assert.Contains(SignedNote.Parse(head.Checkpoint!)!.Signatures, sm2Key.Names);
        await using var db = store.Context();
        var inclusion = (await LedgerProofs.InclusionAsync(db, county, 3, TestContext.Current.CancellationToken)).Value;
        string prefix = server.Address + "/transparency/" + county.Value.ToString("D");

        var (code, output) = await RunAsync(checker, "-url", prefix, "-vkey", vkey, "-old", old, "-leaf", "3",
            "-leafhash", Convert.ToBase64String(inclusion.LeafHash), "-proof", string.Join(",", inclusion.Path.Select(Convert.ToBase64String)));

        Assert.True(code == 0, output);
        Assert.Contains($"size {inclusion.Head.TreeSize} ", output, StringComparison.Ordinal);
        Assert.Contains($"consistency {oldHead.TreeSize} -> ", output, StringComparison.Ordinal);
        Assert.Contains("inclusion of leaf 3: OK", output, StringComparison.Ordinal);
        Assert.True(head.TreeSize > oldHead.TreeSize + 256);

        // A checkpoint of the same size with another root, signed with the log's own key: a fork.
        await File.WriteAllTextAsync(old, new Checkpoint(LogOrigin.Of(county), oldHead.TreeSize, MerkleHash.Leaf("forged"u8)).Sign(store.Signer), TestContext.Current.CancellationToken);
        var (forkCode, forkOutput) = await RunAsync(checker, "-url", prefix, "-vkey", vkey, "-old", old);
        Assert.Equal(1, forkCode);
        Assert.Contains("fork", forkOutput, StringComparison.Ordinal);

        // A checkpoint signed by another key is not accepted at all.
        using var other = TreeHeadSigner.Create();
        string otherKey = new NoteVerifierKey(LogOrigin.Of(county), NoteKeyType.Ed25519, other.PublicKey).Vkey();
        var (badCode, _) = await RunAsync(checker, "-url", prefix, "-vkey", otherKey);
        Assert.Equal(1, badCode);
    }

    /// <summary>Builds tools/go-checker in GOPATH mode (no module proxy); skips, or fails under FENQUAN_REQUIRE_ALL=1, without Go.</summary>
    internal static async Task<string> BuildCheckerAsync()
    {
        const string reference = "/usr/share/gocode/src/golang.org/x/mod/sumdb/tlog";
        string? go = new[] { "/usr/bin/go", "/usr/lib/go/bin/go", "/usr/local/go/bin/go" }.FirstOrDefault(File.Exists);
        if (go is null || !Directory.Exists(reference))
        {
            Requirements.Missing("Go with golang.org/x/mod (Debian: golang-go golang-golang-x-mod-dev)");
        }

        string root = Path.GetDirectoryName(Path.GetDirectoryName(Browser.BrowserHost.ProjectFolder()))!;
        string output = Path.Combine(Path.GetTempPath(), "fenquan-checker-" + Environment.ProcessId);
        var start = new ProcessStartInfo(go!, ["build", "-o", output, "fenquan-checker"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["GO111MODULE"] = "off";
        start.Environment["GOPATH"] = Path.Combine(root, "tools", "go-checker") + ":/usr/share/gocode";
        start.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "fenquan-gocache");
        start.Environment["GOFLAGS"] = "";
        var (code, text) = await RunAsync(start);
        Assert.True(code == 0, "go build failed: " + text);
        return output;
    }

    internal static async Task<(CountyId County, TreeHeadRow Head)> LatestHeadAsync(FenquanStore store, long atLeast)
    {
        for (int attempt = 0; ; attempt++)
        {
            await using var db = store.Context();
            var county = new CountyId(await db.Counties.Select(c => c.Id.Value).FirstAsync(TestContext.Current.CancellationToken));
            var head = await TransparencyQueries.LatestHeadAsync(db, county, TestContext.Current.CancellationToken);
            if (head is not null && head.TreeSize >= Math.Max(1, atLeast))
            {
                return (county, head);
            }

            Assert.True(attempt < 200, "no signed head of the size expected");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    internal static Task<(int Code, string Output)> RunAsync(string file, params string[] args) =>
        RunAsync(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true });

    private static async Task<(int Code, string Output)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
