using Fenquan.Core.Flags;
using Fenquan.Data;
using Fenquan.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Spectre.Console.Testing;

namespace Fenquan.Cli.Tests;

/// <summary>`fenquan flags scan` (R47), in process against a real SQLite demo county whose matters were submitted through the inline check.</summary>
public sealed class FlagsScanCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("fenquan-cli-flags-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        if (Directory.Exists(_data + "-keys"))
        {
            Directory.Delete(_data + "-keys", recursive: true);
        }
    }

    private async Task<string> OkAsync(params string[] args)
    {
        var console = new TestConsole().Width(400);
        var exit = await FenquanApp.RunAsync([.. args, "--data", _data], console);
        Assert.True(exit == 0, console.Output);
        return console.Output;
    }

    [Fact]
    [Trait("Rule", "R47")]
    public async Task TheScan_ReportsExactlyTheSplitAndHuggingFlagsRaisedAtSubmission()
    {
        await OkAsync("demo", "--matters", "150");
        var csvFile = Path.Combine(_data, "flags.csv");

        var table = await OkAsync("flags", "scan");
        await OkAsync("flags", "scan", "--csv", csvFile);

        var scanned = File.ReadAllLines(csvFile).Skip(1).Select(line => line.Split(','))
            .Select(f => (Matter: Guid.Parse(f[1]), Kind: f[3], Total: decimal.Parse(f[7], System.Globalization.CultureInfo.InvariantCulture), Others: f[8].Replace(' ', ',')))
            .OrderBy(f => f.Matter).ThenBy(f => f.Kind, StringComparer.Ordinal).ToList();
        await using var db = FenquanDatabase.CreateContext(DatabaseSettings.Resolve(DataDirectory.Resolve(_data), null));
        var purchases = db.Set<PurchaseRecord>().AsNoTracking().Select(p => p.Id).ToHashSet();
        var inline = db.Set<RedFlag>().AsNoTracking().Where(f => f.Kind == RedFlagKind.SplitPurchase || f.Kind == RedFlagKind.ThresholdHugging).AsEnumerable()
            .Where(f => purchases.Contains(f.MatterId.Value))
            .Select(f => (Matter: f.MatterId.Value, Kind: f.Kind.ToString(), Total: f.Total!.Value, Others: f.Related))
            .OrderBy(f => f.Matter).ThenBy(f => f.Kind, StringComparer.Ordinal).ToList();

        Assert.NotEmpty(inline);
        Assert.Equal(inline, scanned);
        Assert.Contains("ThresholdHugging", table, StringComparison.Ordinal);
        Assert.Contains($"R47 flags scan: {inline.Count} flags", table, StringComparison.Ordinal);
    }
}
