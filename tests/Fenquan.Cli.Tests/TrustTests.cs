using System.Diagnostics;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Spectre.Console.Testing;

namespace Fenquan.Cli.Tests;

// R44: what the server's operator could do to a copy of the data folder, and what catches it:
// checkpoints kept outside the server, a key that is not in the data folder, and rotation.
[Trait("Rule", "R44")]
public sealed class TrustTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("fenquan-trust-").FullName;

    private string Keys => _data + "-keys";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        if (Directory.Exists(Keys))
        {
            Directory.Delete(Keys, recursive: true);
        }
    }

    [Fact]
    public async Task KeyFile_IsEncryptedPkcs8_AndNotInTheDataFolder()
    {
        Assert.Equal(0, (await RunAsync("init", "--data", _data)).Exit);

        var pem = await File.ReadAllTextAsync(Path.Combine(Keys, "ledger-ed25519.p8.pem"), TestContext.Current.CancellationToken);
        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", pem, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(_data, "*", SearchOption.AllDirectories), f => f.Contains("ed25519", StringComparison.Ordinal) || f.EndsWith(".pem", StringComparison.Ordinal) || f.Contains("passphrase", StringComparison.Ordinal));
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => SigningKeyStore.Decrypt(pem, "not the passphrase"));
        var passphrase = (await File.ReadAllTextAsync(Path.Combine(Keys, "ledger-key.passphrase"), TestContext.Current.CancellationToken)).Trim();
        using var signer = SigningKeyStore.Decrypt(pem, passphrase);
        Assert.Equal(SigningKeyStore.LoadPublicKeys(KeyDirectory.Resolve(DataDirectory.Resolve(_data)))[0], signer.PublicKey);
        Assert.False(new BinaryContains(Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => !l.StartsWith('-')))), signer.ExportPrivateKey()).Found);

        // The format is standard: OpenSSL opens it with the passphrase.
        if (File.Exists("/usr/bin/openssl"))
        {
            using var openssl = Process.Start(new ProcessStartInfo("/usr/bin/openssl", ["pkey", "-in", Path.Combine(Keys, "ledger-ed25519.p8.pem"), "-passin", "file:" + Path.Combine(Keys, "ledger-key.passphrase"), "-pubout"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await openssl.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await openssl.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, openssl.ExitCode);
            Assert.Contains("BEGIN PUBLIC KEY", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Rollback_PassesPlainVerify_ButVerifyCheckpointReportsItWithSizesAndRoots()
    {
        await SeedAsync();
        var (_, kept) = await LatestCheckpointAsync();
        string keptFile = Path.Combine(Path.GetTempPath(), Path.GetFileName(_data) + "-kept");
        await File.WriteAllTextAsync(keptFile, kept, TestContext.Current.CancellationToken);
        var size = Checkpoint.ParseBody(SignedNote.Parse(kept)!.Text)!.Size;

        // The operator removes the last two entries and the heads that covered them.
        await ExecuteSqlAsync($"DELETE FROM ledger_entries WHERE Sequence >= {size - 2}; DELETE FROM tree_heads WHERE TreeSize > {size - 2}");
        await ExecuteSqlAsync("DELETE FROM checkpoint_cosignatures");
        // (Rows of domain tables the two entries recorded would be reset too; here they were events without rows.)
        try
        {
            var plain = await RunAsync("verify", "--data", _data);
            var withCheckpoint = await RunAsync("verify", "--data", _data, "--checkpoint", keptFile);

            Assert.True(plain.Exit == 0, plain.Output);
            Assert.Equal(1, withCheckpoint.Exit);
            Assert.Contains("Rollback", withCheckpoint.Output, StringComparison.Ordinal);
            Assert.Contains($"size {size}", withCheckpoint.Output, StringComparison.Ordinal);
            Assert.Contains($"only {size - 2} entries", withCheckpoint.Output, StringComparison.Ordinal);
            Assert.Contains(Convert.ToBase64String(Checkpoint.ParseBody(SignedNote.Parse(kept)!.Text)!.Root), withCheckpoint.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(keptFile);
        }
    }

    [Fact]
    public async Task ForgedHistoryResignedWithTheStolenKey_PassesPlainVerify_ButNotTheKeptCheckpoint()
    {
        await SeedAsync();
        var (_, kept) = await LatestCheckpointAsync();
        string keptFile = Path.Combine(Path.GetTempPath(), Path.GetFileName(_data) + "-kept");
        await File.WriteAllTextAsync(keptFile, kept, TestContext.Current.CancellationToken);
        try
        {
            await ForgeWithStolenKeyAsync(sequence: 5);

            var plain = await RunAsync("verify", "--data", _data);
            var withCheckpoint = await RunAsync("verify", "--data", _data, "--checkpoint", keptFile);

            Assert.True(plain.Exit == 0, plain.Output);
            Assert.Equal(1, withCheckpoint.Exit);
            Assert.Contains("Fork", withCheckpoint.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(keptFile);
        }
    }

    [Fact]
    public async Task Rotation_VerifiesEndToEnd_WithTheNewTrustFile_AndNotWithTheOldKeyAlone()
    {
        await SeedAsync();
        string oldTrust = Path.Combine(_data, "trust-old.txt");
        string newTrust = Path.Combine(_data, "trust-new.txt");
        Assert.Equal(0, (await RunAsync("keys", "export-trust", "--data", _data, "-o", oldTrust)).Exit);

        var rotate = await RunAsync("keys", "rotate", "--data", _data);
        Assert.True(rotate.Exit == 0, rotate.Output);
        await AppendEventsAsync(3); // signed under the new key
        Assert.Equal(0, (await RunAsync("keys", "export-trust", "--data", _data, "-o", newTrust)).Exit);

        var withNew = await RunAsync("verify", "--data", _data, "--trust", newTrust);
        var withOld = await RunAsync("verify", "--data", _data, "--trust", oldTrust);

        Assert.True(withNew.Exit == 0, withNew.Output);
        Assert.Contains("signed by the old and the new key", withNew.Output, StringComparison.Ordinal);
        Assert.Equal(2, TrustFile.Parse(await File.ReadAllTextAsync(newTrust, TestContext.Current.CancellationToken)).LogPublicKeys().Count);
        Assert.Equal(1, withOld.Exit);
        Assert.Contains("BadSignature", withOld.Output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(Keys, "retired")));

        // The retired key leaks: the latest head (after the rotation) re-signed with it is refused, though the key is trusted.
        var keys = KeyDirectory.Resolve(DataDirectory.Resolve(_data));
        using var retired = SigningKeyStore.Decrypt(await File.ReadAllTextAsync(Directory.GetFiles(keys.RetiredFolder).Single(), TestContext.Current.CancellationToken), (await File.ReadAllTextAsync(keys.PassphraseFile, TestContext.Current.CancellationToken)).Trim());
        await using (var db = Context())
        {
            var latest = await db.TreeHeads.OrderByDescending(h => h.TreeSize).FirstAsync(TestContext.Current.CancellationToken);
            var resigned = retired.Sign(new CountyId(latest.CountyId), latest.TreeSize, latest.RootHash, latest.At);
            await db.TreeHeads.Where(h => h.CountyId == latest.CountyId && h.TreeSize == latest.TreeSize)
                .ExecuteUpdateAsync(u => u.SetProperty(h => h.Signature, resigned.Signature).SetProperty(h => h.Checkpoint, resigned.Checkpoint), TestContext.Current.CancellationToken);
        }

        var byRetiredKey = await RunAsync("verify", "--data", _data, "--trust", newTrust);
        Assert.Equal(1, byRetiredKey.Exit);
        Assert.Contains("is signed only by a key retired at entry #", byRetiredKey.Output, StringComparison.Ordinal);
    }

    // GB/T 39786 (密评): an SM2/SM3 line beside the Ed25519 one, standard enough for OpenSSL to check,
    // and missed by verify as soon as a checkpoint is signed without it (the Ed25519 key alone stolen).
    [Fact]
    public async Task AnSm2Line_SignsEveryLaterCheckpoint_OpenSslVerifiesIt_AndACheckpointWithoutItFailsVerify()
    {
        await SeedAsync();
        var added = await RunAsync("keys", "add-sm2", "--data", _data);
        Assert.True(added.Exit == 0, added.Output);
        Assert.Contains("SM2 key", added.Output, StringComparison.Ordinal);
        Assert.Contains("already has", (await RunAsync("keys", "add-sm2", "--data", _data)).Output, StringComparison.Ordinal);
        await AppendEventsAsync(2);
        string trust = Path.Combine(_data, "trust.txt");
        Assert.Equal(0, (await RunAsync("keys", "export-trust", "--data", _data, "-o", trust)).Exit);

        var verified = await RunAsync("verify", "--data", _data, "--trust", trust);
        Assert.True(verified.Exit == 0, verified.Output);
        Assert.Contains("2 checkpoints carry a good SM2 line", verified.Output, StringComparison.Ordinal);

        // OpenSSL takes the public key from the encrypted key file and checks the latest checkpoint's SM2 line.
        if (!File.Exists("/usr/bin/openssl"))
        {
            Fenquan.Testing.Requirements.Missing("openssl (/usr/bin/openssl)");
        }

        var (_, checkpoint) = await LatestCheckpointAsync();
        var note = SignedNote.Parse(checkpoint)!;
        Assert.Equal(2, note.Signatures.Count);
        var sm2 = TrustFile.Parse(await File.ReadAllTextAsync(trust, TestContext.Current.CancellationToken)).Logs.Single(l => l.Type == NoteKeyType.Sm2);
        var line = note.Signatures.Single(sm2.Names);
        string body = Path.Combine(_data, "body"), signature = Path.Combine(_data, "sig.der"), publicKey = Path.Combine(_data, "sm2.pub.pem");
        await File.WriteAllTextAsync(body, note.Text, TestContext.Current.CancellationToken);
        var der = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (der.PushSequence())
        {
            der.WriteIntegerUnsigned(line.Signature.AsSpan(0, 32));
            der.WriteIntegerUnsigned(line.Signature.AsSpan(32, 32));
        }

        await File.WriteAllBytesAsync(signature, der.Encode(), TestContext.Current.CancellationToken);
        var pub = await OpenSslAsync("pkey", "-in", Path.Combine(Keys, "ledger-sm2.p8.pem"), "-passin", "file:" + Path.Combine(Keys, "ledger-key.passphrase"), "-pubout", "-out", publicKey);
        Assert.True(pub.Exit == 0, pub.Output);
        string[] check = ["pkeyutl", "-verify", "-pubin", "-inkey", publicKey, "-rawin", "-in", body, "-sigfile", signature, "-digest", "sm3", "-pkeyopt", "distid:1234567812345678"];
        var good = await OpenSslAsync(check);
        Assert.True(good.Exit == 0 && good.Output.Contains("Verified Successfully", StringComparison.Ordinal), good.Output);
        await File.AppendAllTextAsync(body, "x", TestContext.Current.CancellationToken);
        Assert.NotEqual(0, (await OpenSslAsync(check)).Exit);

        // Whoever holds only the Ed25519 key (the SM2 key kept elsewhere, e.g. in a device) signs a checkpoint without the line.
        File.Move(Path.Combine(Keys, "ledger-sm2.p8.pem"), Path.Combine(_data, "sm2-kept-elsewhere.pem"));
        await AppendEventsAsync(1);
        var missing = await RunAsync("verify", "--data", _data, "--trust", trust);
        Assert.Equal(1, missing.Exit);
        Assert.Contains("has no SM2 line, though the log has signed with SM2 since size", missing.Output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> OpenSslAsync(params string[] args)
    {
        using var openssl = Process.Start(new ProcessStartInfo("/usr/bin/openssl", args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await openssl.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await openssl.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await openssl.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (openssl.ExitCode, output + error);
    }

    [Fact]
    public async Task WitnessCommand_CosignsOverHttp_AndVerifyAcceptsItsCheckpoint()
    {
        await SeedAsync();
        string trust = Path.Combine(_data, "trust.txt");
        Assert.Equal(0, (await RunAsync("keys", "export-trust", "--data", _data, "-o", trust)).Exit);
        string dir = Path.Combine(Keys, "separate-witness");
        var printed = await RunAsync("witness", "--dir", dir, "--name", "jiwei.test/w1", "--print-key");
        var witnessKey = NoteVerifierKey.Parse(printed.Output.Trim())!;
        int port = FreePort();
        using var stop = new CancellationTokenSource();
        var running = FenquanApp.RunAsync(["witness", "--dir", dir, "--name", "jiwei.test/w1", "--trust", trust, "--urls", $"http://127.0.0.1:{port}/"], new TestConsole(), stop.Token);

        using var http = new HttpClient();
        await using (var store = await FenquanStore.OpenAsync(DataDirectory.Resolve(_data), DatabaseSettings.Resolve(DataDirectory.Resolve(_data), null), TimeProvider.System, TestContext.Current.CancellationToken))
        {
            await using var db = store.Context();
            var county = await db.Counties.Select(c => c.Id).FirstAsync(TestContext.Current.CancellationToken);
            var pushing = new Fenquan.Data.Witness.WitnessPushing(store.Writer);
            var client = new Fenquan.Data.Witness.HttpWitnessClient(http, $"http://127.0.0.1:{port}");
            Fenquan.Data.Witness.PushOutcome outcome = default;
            for (int attempt = 0; attempt < 50 && outcome != Fenquan.Data.Witness.PushOutcome.Cosigned; attempt++)
            {
                outcome = await pushing.PushAsync(db, county, witnessKey, client, TestContext.Current.CancellationToken);
                await Task.Delay(outcome == Fenquan.Data.Witness.PushOutcome.Cosigned ? 0 : 100, TestContext.Current.CancellationToken);
            }

            Assert.Equal(Fenquan.Data.Witness.PushOutcome.Cosigned, outcome);
            var kept = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/checkpoint?origin={LogOrigin.Of(county)}"), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(_data, "witnessed"), kept, TestContext.Current.CancellationToken);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await running);
        await File.AppendAllTextAsync(trust, "witness " + witnessKey.Vkey() + "\n", TestContext.Current.CancellationToken);

        var verify = await RunAsync("verify", "--data", _data, "--trust", trust, "--checkpoint", Path.Combine(_data, "witnessed"));

        Assert.True(verify.Exit == 0, verify.Output);
        Assert.Contains("cosigned by jiwei.test/w1", verify.Output, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task SeedAsync()
    {
        var (exit, output) = await RunAsync("demo", "--data", _data, "--matters", "5");
        Assert.True(exit == 0, output);
        await AppendEventsAsync(2);
    }

    // Ledgered events that change no row (as a sign-in is), through the real writer.
    private async Task AppendEventsAsync(int count)
    {
        await using var store = await FenquanStore.OpenAsync(DataDirectory.Resolve(_data), DatabaseSettings.Resolve(DataDirectory.Resolve(_data), null), TimeProvider.System, TestContext.Current.CancellationToken);
        await using var db = store.Context();
        var county = await db.Counties.Select(c => c.Id).FirstAsync(TestContext.Current.CancellationToken);
        for (int i = 0; i < count; i++)
        {
            await store.Writer.ExecuteAsync(county, "test.event", ctx =>
            {
                ctx.Append("test", Guid.CreateVersion7(), "{}");
                return Result<bool>.Ok(true);
            }, TestContext.Current.CancellationToken);
        }
    }

    private async Task<(CountyId County, string Checkpoint)> LatestCheckpointAsync()
    {
        await using var db = Context();
        var county = await db.Counties.Select(c => c.Id).FirstAsync(TestContext.Current.CancellationToken);
        return (county, (await TransparencyQueries.LatestCheckpointAsync(db, county, TestContext.Current.CancellationToken))!);
    }

    // The attack of issue 13, with the key taken from the key folder (its passphrase file beside it, as in the demo layout).
    private async Task ForgeWithStolenKeyAsync(long sequence)
    {
        var keys = KeyDirectory.Resolve(DataDirectory.Resolve(_data));
        using var stolen = SigningKeyStore.Decrypt(await File.ReadAllTextAsync(keys.SigningKeyFile, TestContext.Current.CancellationToken), (await File.ReadAllTextAsync(keys.PassphraseFile, TestContext.Current.CancellationToken)).Trim());
        await using var db = Context();
        var county = await db.Counties.Select(c => c.Id).FirstAsync(TestContext.Current.CancellationToken);
        await Fenquan.Testing.LedgerForgery.ForgeAsync(db, county, sequence, stolen, TestContext.Current.CancellationToken);
    }

    private FenquanDbContext Context() => FenquanDatabase.CreateContext(DatabaseSettings.Resolve(DataDirectory.Resolve(_data), null));

    private async Task ExecuteSqlAsync(string sql)
    {
        await using var db = Context();
        await db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(400);
        var exit = await FenquanApp.RunAsync(args, console);
        return (exit, console.Output);
    }

    private readonly record struct BinaryContains(byte[] Haystack, byte[] Needle)
    {
        public bool Found => Haystack.AsSpan().IndexOf(Needle) >= 0;
    }
}
