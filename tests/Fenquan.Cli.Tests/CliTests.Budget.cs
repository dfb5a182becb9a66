using Fenquan.Core.Finance;
using Fenquan.Core.Organization;
using Fenquan.Data;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Documents.Budgets;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Cli.Tests;

// `fenquan budget import`: a unit's approval workbook imported all or nothing, pending until a second official confirms it (R5).
public sealed partial class CliTests
{
    private FenquanDbContext Context() => FenquanDatabase.CreateContext(DatabaseSettings.Resolve(DataDirectory.Resolve(_data), null));

    [Fact]
    [Trait("Rule", "R5")]
    public async Task BudgetImport_KeepsTheWorkbookPending_AndABadOneImportsNothing()
    {
        Assert.Equal(0, (await RunAsync("demo", "--data", _data, "--matters", "5")).Exit);
        string unitName, financeStaff;
        await using (var db = Context())
        {
            var unit = await db.Units.AsNoTracking().OrderBy(u => u.Name).FirstAsync();
            unitName = unit.Name;
            var staff = await db.Memberships.AsNoTracking().Where(m => m.UnitId == unit.Id && m.Role == Role.FinanceStaff).Select(m => m.PersonId).FirstAsync();
            financeStaff = await db.People.AsNoTracking().Where(p => p.Id == staff).Select(p => p.Name).FirstAsync();
        }

        var year = (DateTime.UtcNow.Year + 2).ToString(System.Globalization.CultureInfo.InvariantCulture); // the demo has budgets through next year
        var bad = Path.Combine(_data, "bad.xlsx");
        await File.WriteAllTextAsync(bad, "not a workbook");
        var refused = await RunAsync("budget", "import", bad, "--data", _data, "--unit", unitName, "--year", year, "--by", financeStaff);
        Assert.NotEqual(0, refused.Exit);
        // Worded in the terminal's language: Chinese unless LANG names English.
        Assert.True(refused.Output.Contains("不是可读取的 .xlsx", StringComparison.Ordinal) || refused.Output.Contains("not a readable .xlsx", StringComparison.Ordinal), refused.Output);

        var file = Path.Combine(_data, "approval.xlsx");
        await File.WriteAllBytesAsync(file, BudgetWorkbook.Template());
        var (exit, output) = await RunAsync("budget", "import", file, "--data", _data, "--unit", unitName, "--year", year, "--by", financeStaff, "--document", "清财预〔2027〕1号");
        Assert.True(exit == 0, output);
        Assert.Contains("5 lines", output, StringComparison.Ordinal);

        await using (var db = Context())
        {
            var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Name == unitName);
            var budget = BudgetOperations.BudgetOf(db, unit.CountyId, unit.Id, int.Parse(year, System.Globalization.CultureInfo.InvariantCulture))!;
            Assert.Equal((BudgetState.Pending, "清财预〔2027〕1号", 5), (budget.State, budget.Document, budget.Lines.Count));
        }

        Assert.NotEqual(0, (await RunAsync("budget", "import", file, "--data", _data, "--unit", unitName, "--year", year, "--by", financeStaff)).Exit); // R5: imported once
    }
}
