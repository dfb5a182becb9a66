using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Fenquan.Testing;
using Fenquan.Web.Transparency;
using Microsoft.Extensions.DependencyInjection;

namespace Fenquan.Web.Tests.Transparency;

// R44: the short script docs/transparency.md gives citizens and inspectors (tools/check-checkpoint.py)
// checks a live server's checkpoint, the demo witness's cosignature and consistency with a kept checkpoint.
[Trait("Rule", "R44")]
public class PythonCheckerTests
{
    [Fact]
    public async Task CheckpointScript_VerifiesSignatureCosignatureAndConsistency_AndCatchesAFork()
    {
        if ((await GoCheckerTests.RunAsync("/usr/bin/python3", "-c", "import cryptography")).Code != 0)
        {
            Requirements.Missing("python3 with the cryptography package (Debian: python3-cryptography)");
        }

        await using var server = await LiveServer.StartAsync("python", demoMatters: 3);
        var store = server.App.Services.GetRequiredService<FenquanStore>();
        var hub = server.App.Services.GetRequiredService<WitnessHub>();
        var (county, old) = await GoCheckerTests.LatestHeadAsync(store, 0);
        var sm2 = Sm2NoteKey.Create();
        store.Signer.WithSm2(sm2); // the served checkpoint carries an SM2 line too, and the trust file its key: both skipped by the script
        await AppendAsync(store, county, 20);
        await server.App.Services.GetRequiredService<WitnessPusher>().PushAllAsync(TestContext.Current.CancellationToken);
        string trust = Path.Combine(server.Data, "trust.txt");
        await File.WriteAllTextAsync(trust, new TrustFile([new NoteVerifierKey(LogOrigin.Of(county), NoteKeyType.Sm2, sm2.PublicKey), new NoteVerifierKey(LogOrigin.Of(county), NoteKeyType.Ed25519, store.Signer.PublicKey)], [hub.Demo!.Key]).Format(), TestContext.Current.CancellationToken);
        string kept = Path.Combine(server.Data, "kept");
        await File.WriteAllTextAsync(kept, old.Checkpoint, TestContext.Current.CancellationToken);
        string script = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Browser.BrowserHost.ProjectFolder()))!, "tools", "check-checkpoint.py");
        string prefix = server.Address + "/transparency/" + county.Value.ToString("D");

        var (code, output) = await GoCheckerTests.RunAsync("/usr/bin/python3", script, prefix, trust, kept);

        Assert.True(code == 0, output);
        Assert.Contains("log signature OK", output, StringComparison.Ordinal);
        Assert.Contains("cosigned by " + WitnessHub.DemoName, output, StringComparison.Ordinal);
        Assert.Contains($"consistent with the kept checkpoint of size {old.TreeSize}", output, StringComparison.Ordinal);

        await File.WriteAllTextAsync(kept, new Checkpoint(LogOrigin.Of(county), old.TreeSize, MerkleHash.Leaf("other"u8)).Sign(store.Signer), TestContext.Current.CancellationToken);
        var (forkCode, forkOutput) = await GoCheckerTests.RunAsync("/usr/bin/python3", script, prefix, trust, kept);
        Assert.Equal(1, forkCode);
        Assert.Contains("fork", forkOutput, StringComparison.Ordinal);
    }

    private static async Task AppendAsync(FenquanStore store, CountyId county, int count)
    {
        for (int i = 0; i < count; i++)
        {
            await store.Writer.ExecuteAsync(county, "test.event", ctx =>
            {
                ctx.Append("test", Guid.CreateVersion7(), "{}");
                return Result<bool>.Ok(true);
            }, TestContext.Current.CancellationToken);
        }
    }
}
