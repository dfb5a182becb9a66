using System.Globalization;
using Fenquan.Core.Finance;
using MiniExcelLibs;

namespace Fenquan.Documents.Statements;

/// <summary>
/// A quarterly statement (R9) as an .xlsx workbook with Chinese headers, one sheet per section:
/// 收入, 支出-预算科目, 支出-类别, 大额支出, 公务接待, 版本. Amounts are numbers, so a reader sums them.
/// </summary>
public static class StatementWorkbook
{
    public const string IncomeSheet = "收入";
    public const string LineSheet = "支出-预算科目";
    public const string CategorySheet = "支出-类别";
    public const string LargeSheet = "大额支出";
    public const string ReceptionSheet = "公务接待";
    public const string VersionSheet = "版本";
    public const string AmountColumn = "金额（元）";

    public static byte[] Export(Statement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var content = statement.Content;
        static Dictionary<string, object> Row(params (string Key, object Value)[] cells) => cells.ToDictionary(c => c.Key, c => c.Value);
        var sheets = new Dictionary<string, object>
        {
            [IncomeSheet] = content.IncomeByKind.Select(i => Row(("类型", i.Name), ("笔数", i.Count), (AmountColumn, i.Amount))).ToList(),
            [LineSheet] = content.ExpenditureByLine.Select(l => Row(("科目编码", l.Key), ("科目名称", l.Name), ("事项数", l.Count), (AmountColumn, l.Amount))).ToList(),
            [CategorySheet] = content.ExpenditureByCategory.Select(c => Row(("类别", c.Name), ("事项数", c.Count), (AmountColumn, c.Amount))).ToList(),
            [LargeSheet] = content.LargeItems.Select(Item).ToList(),
            [ReceptionSheet] = content.Receptions.Select(Item).ToList(),
            [VersionSheet] = new List<Dictionary<string, object>>
            {
                Row(("单位", content.UnitName), ("季度", content.Period.Chinese), ("版本", statement.Version), ("状态", statement.State == StatementState.Published ? "已公开" : "待公开"),
                    ("大额标准（元）", content.LargeItemThreshold), ("更正原因", statement.Reason), ("更正内容", statement.Changes)),
            },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object> Item(StatementItem i) => new()
    {
        ["支付日期"] = i.LastPaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["事项"] = i.Title,
        ["收款人"] = i.Payee,
        ["预算科目"] = i.Line,
        [AmountColumn] = i.Amount,
    };
}
