using Fenquan.Core.Finance;
using Fenquan.Documents.Budgets;
using MiniExcelLibs;

namespace Fenquan.Documents.Tests.Budgets;

// The budget approval sheet: the template reads back, a filled sheet gives its rows with the sheet's row numbers.
public class BudgetWorkbookTests
{
    [Fact]
    [Trait("Rule", "R5")]
    public void TheTemplate_ReadsBackAsAGoodSheetWithChineseHeaders()
    {
        var rows = BudgetWorkbook.Read(new MemoryStream(BudgetWorkbook.Template()));

        Assert.True(rows.IsOk, rows.ToString());
        Assert.Equal(["30201", "30211", "30215", "30216", "30217"], rows.Value.Select(r => r.Code));
        Assert.Equal([2, 3, 4, 5, 6], rows.Value.Select(r => r.Row));
        Assert.Empty(BudgetSheet.Check(rows.Value).Problems);
    }

    [Fact]
    [Trait("Rule", "R5")]
    public void AFilledSheet_GivesItsCellsAsWritten_NumbersIncluded_AndBadCellsAreNamedByRow()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object> { [BudgetSheet.CodeColumn] = 30201, [BudgetSheet.NameColumn] = "办公费", [BudgetSheet.AmountColumn] = 12_000.5m },
            new Dictionary<string, object> { [BudgetSheet.CodeColumn] = "30217", [BudgetSheet.NameColumn] = "公务接待费", [BudgetSheet.AmountColumn] = "两万" },
        });

        var rows = BudgetWorkbook.Read(new MemoryStream(stream.ToArray()));

        Assert.True(rows.IsOk, rows.ToString());
        Assert.Equal([("30201", "12000.5"), ("30217", "两万")], rows.Value.Select(r => (r.Code!, r.Amount!)));
        Assert.Equal("row 3, 预算金额（元）: \"两万\" is not an amount in yuan to the fen, not below zero", Assert.Single(BudgetSheet.Check(rows.Value).Problems).ToString());
    }

    [Fact]
    public void ANonWorkbookOrASheetWithoutTheColumns_IsRefused()
    {
        Assert.Equal("Invalid", BudgetWorkbook.Read(new MemoryStream("not a workbook"u8.ToArray())).Refusal!.RuleId);
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { new Dictionary<string, object> { ["编码"] = "30201", ["金额"] = 5 } });
        Assert.Contains("经济分类科目编码, 预算金额（元）", BudgetWorkbook.Read(new MemoryStream(stream.ToArray())).Refusal!.Reason, StringComparison.Ordinal);
    }
}
