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
