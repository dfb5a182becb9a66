using Microsoft.Data.Sqlite;
using Spectre.Console.Testing;

namespace Fenquan.Cli.Tests;

/// <summary>`fenquan county create|show|set`, in process against a real SQLite data folder.</summary>
public sealed class CountyCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("fenquan-cli-county-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        if (Directory.Exists(_data + "-keys"))
        {
            Directory.Delete(_data + "-keys", recursive: true);
        }
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(400);
        var exit = await FenquanApp.RunAsync([.. args, "--data", _data], console);
        return (exit, console.Output);
    }

    private async Task<string> OkAsync(params string[] args)
    {
        var (exit, output) = await RunAsync(args);
        Assert.True(exit == 0, output);
        return output;
    }

    private async Task RefusedAsync(string expected, params string[] args)
    {
        var (exit, output) = await RunAsync(args);
        Assert.Equal(1, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    // R40: the proposer cannot confirm; a second administrator can, and the change is in force.
    private async Task ConfirmWithFourEyesAsync(string proposed)
    {
        var id = System.Text.RegularExpressions.Regex.Match(proposed, "Proposed change ([0-9a-f-]{36})").Groups[1].Value;
        await RefusedAsync("R40", "county-changes", "confirm", id, "--by", "admin");
        Assert.Contains("in force", await OkAsync("county-changes", "confirm", id, "--by", "admin2"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R4")]
    [Trait("Rule", "R44")]
    public async Task Create_MakesTheCountyOfAnEmptyFolder_Once_WithBoundsAUnitCanMeet()
    {
        var (aboveC, refusal) = await RunAsync("county", "create", "--county-name", "清河县", "--small-max", "8000");
        Assert.Equal(1, aboveC);
        Assert.Contains("R4", refusal, StringComparison.Ordinal);

        var created = await OkAsync("county", "create", "--county-name", "清河县", "--small-min", "2500");
        Assert.Contains("Created county 清河县", created, StringComparison.Ordinal);

        var shown = await OkAsync("county", "show");
        Assert.Contains("清河县", shown, StringComparison.Ordinal);
        Assert.Contains("2,500.00–5,000.00", shown, StringComparison.Ordinal);
        var (again, second) = await RunAsync("county", "create", "--county-name", "另一个县");
        Assert.Equal(1, again);
        Assert.Contains("already holds a county", second, StringComparison.Ordinal);
        Assert.Contains("every row agrees with the ledger", await OkAsync("verify"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R16")]
    [Trait("Rule", "R40")]
    public async Task Set_IsOnlyAProposal_ASecondAdministratorConfirmsIt_AndShowPrintsTheNewBounds()
    {
        await OkAsync("demo", "--matters", "10");
        await RefusedAsync("R16", "county", "set", "--by", "admin", "--purchase-max", "6000", "--summary", "采购上限6000");

        var proposed = await OkAsync("county", "set", "--by", "admin", "--purchase-min", "500", "--forbid-discipline-portfolio", "true", "--summary", "采购下限500，纪检委员不分管");
        var pending = await OkAsync("county", "show");
        Assert.Contains("1,000.00–5,000.00", pending, StringComparison.Ordinal);
        Assert.Contains("(Pending) by admin", pending, StringComparison.Ordinal);
        await ConfirmWithFourEyesAsync(proposed);

        var shown = await OkAsync("county", "show");
        Assert.Contains("500.00–5,000.00", shown, StringComparison.Ordinal);
        Assert.Matches("discipline member holds no area[ │]*on", shown);
        Assert.Contains("every row agrees with the ledger", await OkAsync("verify"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R40")]
    [Trait("Rule", "R44")]
    public async Task SetName_IsOnlyAProposal_ASecondAdministratorConfirmsIt_AndVerifyStaysGreen()
    {
        await OkAsync("demo", "--matters", "10");
        await RefusedAsync("separately", "county", "set", "--by", "admin", "--name", "清河市", "--purchase-min", "500", "--summary", "更名并调整");
        await RefusedAsync("R40: The county is already called 清河县", "county", "set", "--by", "admin", "--name", "清河县", "--summary", "不变");

        var proposed = await OkAsync("county", "set", "--by", "admin", "--by-name", "王强", "--name", "清河市", "--summary", "撤县设市");
        var pending = await OkAsync("county", "show");
        Assert.StartsWith("清河县 (", pending, StringComparison.Ordinal);
        Assert.Contains("(Pending) by admin: rename to 清河市", pending, StringComparison.Ordinal);
        await ConfirmWithFourEyesAsync(proposed);

        Assert.StartsWith("清河市 (", await OkAsync("county", "show"), StringComparison.Ordinal);
        Assert.Contains("every row agrees with the ledger", await OkAsync("verify"), StringComparison.Ordinal);

        // The renamed demo is still the demo: seeding it again is refused, not a second county.
        await RefusedAsync("already in", "demo", "--matters", "10");
    }
}
