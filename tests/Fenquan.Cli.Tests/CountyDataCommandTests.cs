using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Spectre.Console.Testing;

namespace Fenquan.Cli.Tests;

/// <summary>`fenquan catalogue|approval-items|county-changes`, in process against a real SQLite demo county.</summary>
public sealed partial class CountyDataCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("fenquan-cli-registers-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        if (Directory.Exists(_data + "-keys"))
        {
            Directory.Delete(_data + "-keys", recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(400);
        var exit = await FenquanApp.RunAsync(args, console);
        return (exit, console.Output);
    }

    private async Task<string> OkAsync(params string[] args)
    {
        var (exit, output) = await RunAsync([.. args, "--data", _data]);
        Assert.True(exit == 0, output);
        return output;
    }

    [Fact]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R23")]
    public async Task Demo_ListsItsCatalogueAndApprovalItems_InForceUnderFourEyes()
    {
        await OkAsync("demo", "--matters", "10");

        var catalogue = await OkAsync("catalogue", "list");
        var items = await OkAsync("approval-items", "list");

        Assert.Contains("台式计算机", catalogue, StringComparison.Ordinal);
        Assert.Contains("物业管理服务", catalogue, StringComparison.Ordinal);
        Assert.Contains("version 1", catalogue, StringComparison.Ordinal);
        Assert.Contains("proposed by admin, confirmed by admin2", catalogue, StringComparison.Ordinal);
        Assert.Contains("民办学校设立审批", items, StringComparison.Ordinal);
        Assert.Equal(1 + 3, Regex.Matches(items, "重大 major").Count); // the column heading, then the three major items
    }

    [Fact]
    [Trait("Rule", "R40")]
    [Trait("Rule", "R44")]
    public async Task Import_IsOnlyAProposal_TheProposerCannotConfirmIt_ASecondOfficialCan_AndVerifyStaysGreen()
    {
        await OkAsync("demo", "--matters", "10");
        var json = (await OkAsync("catalogue", "list", "--json")).Trim().Replace("]}", ",{\"code\":\"A02010601\",\"name\":\"扫描仪\",\"category\":\"货物\",\"centralisedPurchaseThreshold\":50000,\"tenderThreshold\":2000000}]}", StringComparison.Ordinal);
        var file = Path.Combine(_data, "catalogue.json");
        await File.WriteAllTextAsync(file, json);

        var proposed = await OkAsync("catalogue", "import", file, "--by", "admin", "--summary", "新增扫描仪");
        var id = IdPattern().Match(proposed).Groups[1].Value;
        Assert.DoesNotContain("扫描仪", await OkAsync("catalogue", "list"), StringComparison.Ordinal);

        var (alone, refusal) = await RunAsync("county-changes", "confirm", id, "--by", "ADMIN", "--data", _data);
        Assert.Equal(1, alone);
        Assert.Contains("R40", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("扫描仪", await OkAsync("catalogue", "list"), StringComparison.Ordinal);

        await OkAsync("county-changes", "confirm", id, "--by", "admin2");
        Assert.Contains("扫描仪", await OkAsync("catalogue", "list"), StringComparison.Ordinal);
        Assert.Contains("Confirmed", await OkAsync("county-changes", "list"), StringComparison.Ordinal);
        Assert.Contains("every row agrees with the ledger", await OkAsync("verify"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R24")]
    public async Task Import_OfAnUnpublishedItem_IsRefused_NamingR24()
    {
        await OkAsync("demo", "--matters", "5");
        var file = Path.Combine(_data, "items.json");
        await File.WriteAllTextAsync(file, """{"items":[{"code":"QH-XK-099","name":"无依据事项","legalBasis":"","promisedWorkingDays":5,"feeStandard":"不收费","isMajor":false}]}""");

        var (exit, output) = await RunAsync("approval-items", "import", file, "--by", "admin", "--data", _data);

        Assert.Equal(1, exit);
        Assert.Contains("R24", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\(([0-9a-f\-]{36})\)")]
    private static partial Regex IdPattern();

    [Fact]
    [Trait("Rule", "R6")]
    [Trait("Rule", "R44")]
    public async Task Counterparties_ListMasked_RegisterOnce_AndVerifyStaysGreen()
    {
        await OkAsync("demo", "--matters", "10");
        var (name, id) = Data.Demo.DemoCounterparties.Individuals[0];
        var list = await OkAsync("counterparties", "list");
        Assert.Contains("清河县文具办公用品商店", list, StringComparison.Ordinal);
        Assert.Contains(name, list, StringComparison.Ordinal);
        Assert.DoesNotContain(id, list, StringComparison.Ordinal);

        var code = Core.Counterparties.CounterpartyIdentifier.CompleteCreditCode("91130534MA0P01QH0");
        var registered = await OkAsync("counterparties", "register", "company", "清河县宏远建材有限公司", code, "--by", "admin");
        Assert.Contains(code, registered, StringComparison.Ordinal);
        var (exit, again) = await RunAsync("counterparties", "register", "company", "宏远建材", code, "--by", "admin", "--data", _data);
        Assert.NotEqual(0, exit);
        Assert.Contains("R6", again, StringComparison.Ordinal);
        var (badExit, bad) = await RunAsync("counterparties", "register", "individual", "某人", "123", "--by", "admin", "--data", _data);
        Assert.NotEqual(0, badExit);
        Assert.Contains("R6", bad, StringComparison.Ordinal);

        Assert.Contains("清河县宏远建材有限公司", await OkAsync("counterparties", "list", "--search", "宏远"), StringComparison.Ordinal);
        Assert.Contains("OK", await OkAsync("verify"), StringComparison.Ordinal);
    }
}
