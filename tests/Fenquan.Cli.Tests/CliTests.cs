using System.Text.Json;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Microsoft.Data.Sqlite;
using Spectre.Console.Testing;

namespace Fenquan.Cli.Tests;

/// <summary>The `fenquan` command, run in-process against a real SQLite file in a temporary data folder.</summary>
public sealed partial class CliTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("fenquan-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        if (Directory.Exists(_data + "-keys"))
        {
            Directory.Delete(_data + "-keys", recursive: true);
        }
    }

    /// <summary>Runs `fenquan` in-process with the arguments; its exit code and output.</summary>
    internal static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(400);
        var exit = await FenquanApp.RunAsync(args, console);
        return (exit, console.Output);
    }

    private async Task SeedAsync(int matters = 25)
    {
        var (exit, output) = await RunAsync("demo", "--data", _data, "--matters", matters.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(exit == 0, output);
    }

    private async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "fenquan.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Init_CreatesTheDataFolder_KeyAndDatabase()
    {
        var (exit, output) = await RunAsync("init", "--data", _data);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(_data, "fenquan.db")));
        // R44: the signing key is kept beside the data folder, never in it.
        Assert.True(File.Exists(Path.Combine(_data + "-keys", "ledger-ed25519.p8.pem")));
        Assert.Empty(Directory.GetFiles(_data, "*ed25519*", SearchOption.AllDirectories));
        Assert.Contains("Ledger public key", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R44")]
    public async Task Demo_ThenVerify_Passes()
    {
        await SeedAsync();

        var (exit, output) = await RunAsync("verify", "--data", _data);

        Assert.True(exit == 0, output);
        Assert.Contains("every row agrees with the ledger", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R44")]
    public async Task DemoBulk_SeedsTwoThousandMatters_ThenVerify_Passes()
    {
        var (exit, output) = await RunAsync("demo", "--data", _data, "--bulk", "--matters", "2000", "--batch", "500");
        Assert.True(exit == 0, output);
        Assert.Contains("Seeded 2,000 matters", output, StringComparison.Ordinal);
        Assert.Contains("matters/s", output, StringComparison.Ordinal);

        // A second bulk run adds to the same demo county.
        (exit, output) = await RunAsync("demo", "--data", _data, "--bulk", "--matters", "500");
        Assert.True(exit == 0, output);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "fenquan.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT count(*) FROM matters), (SELECT count(*) FROM counties)";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(2_500, reader.GetInt64(0));
            Assert.Equal(1, reader.GetInt64(1));
        }

        (exit, output) = await RunAsync("verify", "--data", _data);
        Assert.True(exit == 0, output);
        Assert.Contains("every row agrees with the ledger", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R44")]
    public async Task EditingOneLedgerRowInTheDatabaseFile_MakesVerifyFail_NamingTheEntry()
    {
        await SeedAsync();
        await ExecuteSqlAsync("UPDATE ledger_entries SET Bytes = CAST(REPLACE(CAST(Bytes AS TEXT), '\"kind\":\"', '\"kind\":\"x') AS BLOB) WHERE Sequence = 42");

        var (exit, output) = await RunAsync("verify", "--data", _data);

        Assert.Equal(1, exit);
        Assert.Contains("Edited", output, StringComparison.Ordinal);
        Assert.Contains("entry #42", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R44")]
    public async Task DeletingOneLedgerRowInTheDatabaseFile_MakesVerifyFail_NamingTheEntry()
    {
        await SeedAsync();
        await ExecuteSqlAsync("DELETE FROM ledger_entries WHERE Sequence = 17");

        var (exit, output) = await RunAsync("verify", "--data", _data);

        Assert.Equal(1, exit);
        Assert.Contains("Missing", output, StringComparison.Ordinal);
        Assert.Contains("entry #17", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R44")]
    public async Task EditingADomainRowBehindTheLedger_MakesVerifyFail_NamingTheRow()
    {
        await SeedAsync();
        await ExecuteSqlAsync("UPDATE matters SET Amount = '99999.00' WHERE rowid = (SELECT min(rowid) FROM matters)");

        var (exit, output) = await RunAsync("verify", "--data", _data);

        Assert.Equal(1, exit);
        Assert.Contains("Matter", output, StringComparison.Ordinal);
        Assert.Contains("differs from its last ledger entry", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R44")]
    public async Task DeletingADomainRowBehindTheLedger_MakesVerifyFail_NamingTheRow()
    {
        await SeedAsync();
        await ExecuteSqlAsync("DELETE FROM matter_actions WHERE rowid = (SELECT max(rowid) FROM matter_actions)");

        var (exit, output) = await RunAsync("verify", "--data", _data);

        Assert.Equal(1, exit);
        Assert.Contains("MatterAction", output, StringComparison.Ordinal);
        Assert.Contains("is missing from the database", output, StringComparison.Ordinal);
        Assert.Contains("FAILED: 1 problems found", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R44")]
    public async Task ARowAddedPastTheLedger_MakesVerifyFail_NamingTheRow()
    {
        await SeedAsync();
        var stranger = Guid.CreateVersion7().ToString("D").ToUpperInvariant();
        await ExecuteSqlAsync($"INSERT INTO people (Id, CountyId, Name) SELECT '{stranger}', CountyId, '黑户' FROM people LIMIT 1");

        var (exit, output) = await RunAsync("verify", "--data", _data);

        Assert.Equal(1, exit);
        Assert.Contains($"Person {stranger.ToLowerInvariant()} is in the database but was never recorded in the ledger", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R44")]
    public async Task RefilingALedgerEntryUnderAnotherSubject_MakesVerifyFail_NamingTheEntry()
    {
        await SeedAsync();
        await ExecuteSqlAsync("UPDATE ledger_entries SET SubjectId = '00000000-0000-0000-0000-000000000001' WHERE Sequence = 30");

        var (exit, output) = await RunAsync("verify", "--data", _data);

        Assert.Equal(1, exit);
        Assert.Contains("Ledger entry #30 is filed under", output, StringComparison.Ordinal);
        Assert.Contains("its lookup columns were changed", output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R44")]
    public async Task Export_WritesEveryEntryAsOneJsonLine()
    {
        await SeedAsync(10);
        var file = Path.Combine(_data, "ledger.jsonl");

        var (exit, _) = await RunAsync("export", "--data", _data, "--output", file);

        Assert.Equal(0, exit);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.True(lines.Length > 50);
        for (var i = 0; i < lines.Length; i++)
        {
            using var entry = JsonDocument.Parse(lines[i]);
            Assert.Equal(i, entry.RootElement.GetProperty("seq").GetInt64());
        }
    }

    [Fact]
    [Trait("Rule", "R40")]
    public async Task PolicyCheck_DefaultPolicyPasses_AndAGapFailsNamingTheAmount()
    {
        var policy = DefaultPolicy.Create(new UnitLimits(3_000m, 2_000m, 5_000m), CountyBounds.Default);
        var good = Path.Combine(_data, "good.json");
        await File.WriteAllTextAsync(good, PolicyJson.Write(policy));
        var gapped = policy with { Rules = [.. policy.Rules.Where(r => r.Id != "finance-expense-countersigned")] };
        var bad = Path.Combine(_data, "bad.json");
        await File.WriteAllTextAsync(bad, PolicyJson.Write(gapped));

        var (goodExit, goodOutput) = await RunAsync("policy", "check", good);
        var (badExit, badOutput) = await RunAsync("policy", "check", bad);

        Assert.True(goodExit == 0, goodOutput);
        Assert.Equal(1, badExit);
        Assert.Contains("3,000.01", badOutput, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R44")]
    public async Task Verify_OfADatabaseNotYetUpgraded_SaysSo_AndChangesNothing()
    {
        var (keysExit, keysOutput) = await RunAsync("init", "--data", _data);
        Assert.True(keysExit == 0, keysOutput);
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_data, "fenquan.db*"))
        {
            File.Delete(file);
        }

        await using (var db = Fenquan.Data.Storage.FenquanDatabase.CreateContext(Fenquan.Data.Storage.DatabaseSettings.ForSqliteFile(Path.Combine(_data, "fenquan.db"))))
        {
            // A folder last opened by the first release: its schema stops at the first migration.
            var first = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(db.Database).First();
            await Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(db).MigrateAsync(first);
        }

        var (exit, output) = await RunAsync("verify", "--data", _data);
        var (initExit, initOutput) = await RunAsync("init", "--data", _data);
        var (afterExit, afterOutput) = await RunAsync("verify", "--data", _data);

        Assert.Equal(1, exit);
        Assert.Contains("earlier version of Fenquan", output, StringComparison.Ordinal);
        Assert.Contains("fenquan init", output, StringComparison.Ordinal);
        Assert.DoesNotContain("no such table", output, StringComparison.OrdinalIgnoreCase);
        Assert.True(initExit == 0, initOutput);
        Assert.True(afterExit == 0, afterOutput);
    }

    [Fact]
    public async Task BadInput_GivesAClearMessage_NotAStackTrace()
    {
        var (unknownExit, unknownOutput) = await RunAsync("frobnicate");
        var (missingExit, missingOutput) = await RunAsync("policy", "check", Path.Combine(_data, "nope.json"));
        var (notJsonExit, notJsonOutput) = await RunAsync("policy", "check", WriteFile("broken.json", "{ not json"));
        var (noDataExit, noDataOutput) = await RunAsync("verify", "--data", Path.Combine(_data, "empty"));

        Assert.Equal(2, unknownExit);
        Assert.Equal(1, missingExit);
        Assert.Contains("No such file", missingOutput, StringComparison.Ordinal);
        Assert.Equal(1, notJsonExit);
        Assert.Contains("R40", notJsonOutput, StringComparison.Ordinal);
        Assert.Equal(1, noDataExit);
        Assert.Contains("fenquan init", noDataOutput, StringComparison.Ordinal);
        foreach (var output in new[] { unknownOutput, missingOutput, notJsonOutput, noDataOutput })
        {
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_data, name);
        File.WriteAllText(path, text);
        return path;
    }
}
