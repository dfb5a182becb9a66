using Fenquan.Core.Organization.Import;
using Fenquan.Testing;
using Microsoft.Data.Sqlite;
using Spectre.Console.Testing;

namespace Fenquan.Cli.Tests;

/// <summary>`fenquan import` and `fenquan import template`, in process against a real SQLite county.</summary>
[Trait("Rule", "R1")]
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("fenquan-cli-import-").FullName;

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

    [Fact]
    public async Task Template_HasEveryKind_WithChineseHeaders()
    {
        var xlsx = Path.Combine(_data, "t.xlsx");
        var (exit, output) = await RunAsync("import", "template", "-o", xlsx);
        Assert.True(exit == 0, output);
        var read = Documents.Organization.OrganizationWorkbook.Read(File.OpenRead(xlsx), "t.xlsx");
        Assert.True(read.IsOk, read.ToString());
        Assert.Equal(ImportTemplate.Sheets.Select(s => s.Kind), read.Value.Sheets.Select(s => s.Kind));
        Assert.Equal("清河县财政局", read.Value.Sheet(ImportKind.Units)!.Rows[0][ImportTemplate.UnitName]);

        (exit, output) = await RunAsync("import", "template", "--csv", "-o", Path.Combine(_data, "csv"));
        Assert.True(exit == 0, output);
        Assert.StartsWith("工号,身份证号,姓名", (await File.ReadAllTextAsync(Path.Combine(_data, "csv", "people.csv"))).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_DryRunThenForReal_AgainChangesNothing_ABadRowIsNamed_AndVerifyStaysGreen()
    {
        Assert.Equal(0, (await RunAsync("demo", "--matters", "10")).Exit);
        var sample = new OrganizationSample(3, 60);
        var file = Path.Combine(_data, "org.xlsx");
        await File.WriteAllBytesAsync(file, sample.Workbook());

        var (exit, output) = await RunAsync("import", file, "--by", "admin", "--dry-run");
        Assert.True(exit == 0, output);
        Assert.Contains("Dry run", output, StringComparison.Ordinal);
        Assert.Contains("60 people", output, StringComparison.Ordinal);

        (exit, output) = await RunAsync("import", file, "--by", "admin");
        Assert.True(exit == 0, output);
        Assert.Contains("Imported", output, StringComparison.Ordinal);
        Assert.Contains("3 units", output, StringComparison.Ordinal);

        (exit, output) = await RunAsync("import", file, "--by", "admin");
        Assert.True(exit == 0, output);
        Assert.Contains("No changes", output, StringComparison.Ordinal);

        sample.Portfolios[0][ImportTemplate.Area] = "外交";
        await File.WriteAllBytesAsync(file, sample.Workbook());
        (exit, output) = await RunAsync("import", file, "--by", "admin");
        Assert.Equal(1, exit);
        Assert.Contains("R2.UnknownArea", output, StringComparison.Ordinal);
        Assert.Contains("分管", output, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", output, StringComparison.Ordinal);

        (exit, output) = await RunAsync("verify");
        Assert.True(exit == 0, output);
        Assert.Contains("every row agrees with the ledger", output, StringComparison.Ordinal);
    }
}
