using System.Text.RegularExpressions;
using Fenquan.Testing;
using Npgsql;

namespace Fenquan.Cli.Tests;

/// <summary>
/// The PostgreSQL backup docs/operations.md describes, done once as written: a county on the
/// PostgreSQL server, <c>pg_dump -Fc</c>, <c>pg_restore</c> into a new empty database, then
/// <c>fenquan verify</c> on the restored database passes with the same ledger head (entries, signed
/// heads and root) as the original. Skipped without PostgreSQL or its client tools, unless FENQUAN_REQUIRE_ALL=1.
/// </summary>
[Trait("Rule", "R44")]
public sealed partial class PostgresBackupTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("fenquan-pgbackup-").FullName;

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        if (Directory.Exists(_data + "-keys"))
        {
            Directory.Delete(_data + "-keys", recursive: true);
        }
    }

    [Fact]
    public async Task PgDumpThenPgRestoreIntoAnEmptyDatabase_VerifiesWithTheSameLedgerHead()
    {
        var server = await PostgresServer.StartOrSkipAsync();
        var original = await server.CreateDatabaseAsync();
        var (exit, output) = await CliTests.RunAsync("demo", "--data", _data, "--db", original, "--matters", "5");
        Assert.True(exit == FenquanApp.Ok, output);
        var head = Head(await VerifiedAsync(original));

        var dump = Path.Combine(_data, "fenquan.dump");
        server.RunClientTool("pg_dump", ["--format=custom", "--file=" + dump, DatabaseName(original)]);
        var restored = await server.CreateDatabaseAsync();
        server.RunClientTool("pg_restore", ["--no-owner", "--exit-on-error", "--dbname=" + DatabaseName(restored), dump]);

        Assert.Equal(head, Head(await VerifiedAsync(restored)));
        Assert.NotEqual(DatabaseName(original), DatabaseName(restored));
    }

    /// <summary>`fenquan verify` on the database, which must pass; its output.</summary>
    private async Task<string> VerifiedAsync(string database)
    {
        var (exit, output) = await CliTests.RunAsync("verify", "--data", _data, "--db", database);
        Assert.True(exit == FenquanApp.Ok, output);
        Assert.Contains("every row agrees with the ledger", output, StringComparison.Ordinal);
        return output;
    }

    /// <summary>The county's line of the verify output: entries, signed heads checked and the root.</summary>
    private static string Head(string output)
    {
        var line = CountyLine().Match(output);
        Assert.True(line.Success, output);
        return line.Value;
    }

    private static string DatabaseName(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    [GeneratedRegex(@"County \S+: \d+ entries, \d+ signed tree heads good, root [0-9a-f]{64}")]
    private static partial Regex CountyLine();
}
