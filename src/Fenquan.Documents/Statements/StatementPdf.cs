using System.Globalization;
using Fenquan.Core.Finance;
using Fenquan.Documents.Fonts;
using Fenquan.Documents.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Fenquan.Documents.Statements;

/// <summary>
/// A quarterly statement of income and expenditure (季度财务收支情况, R9) as an A4 PDF in Chinese,
/// made the way the minutes are (the same font set-up and page flow): the version and its state,
/// income by kind, expenditure by budget line and by category, the large items and receptions, and
/// for a correction its reason and what changed. Everything comes from the stored version.
/// </summary>
public static class StatementPdf
{
    public static byte[] Render(Statement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        CjkFont.EnsureRegistered();
        var content = statement.Content;
        var title = $"{content.UnitName}{content.Period.Chinese}财务收支情况";
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Fenquan";
        var heading = PdfFlow.Font(12.5, bold: true);
        var label = PdfFlow.Font(10, bold: true);
        var body = PdfFlow.Font(10);
        using var flow = new PdfFlow(document);
        flow.Centered(title, PdfFlow.Font(16, bold: true), after: 2);
        var state = statement.State == StatementState.Published && statement.PublishedAt is { } at
            ? "已公开 " + at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
            : "待班子会议通报后公开";
        flow.Centered(string.Create(CultureInfo.InvariantCulture, $"第{statement.Version}版 · {state}"), PdfFlow.Font(9), XBrushes.DimGray, after: 2);
        flow.Rule();

        var w = flow.Width;
        void Table(string caption, IReadOnlyList<(string A, string B, string C)> rows, (string A, string B, string C) header, decimal? total = null)
        {
            flow.KeepTogether(60);
            flow.Paragraph(caption, heading, after: 4);
            flow.Row([(header.A, 0, w * 0.22, label), (header.B, w * 0.22, w * 0.5, label), (header.C, w * 0.72, w * 0.28, label)]);
            if (rows.Count == 0)
            {
                flow.Paragraph("无", body, after: 6);
                return;
            }

            foreach (var (a, b, c) in rows)
            {
                flow.Row([(a, 0, w * 0.22, body), (b, w * 0.22, w * 0.5, body), (c, w * 0.72, w * 0.28, body)]);
            }

            if (total is { } sum)
            {
                // Totals also in capital numerals (大写金额), as finance offices read them.
                flow.Row([("合计", 0, w * 0.22, label), ("大写：" + Core.Primitives.AmountText.Capital(sum), w * 0.22, w * 0.5, body), (Yuan(sum), w * 0.72, w * 0.28, label)]);
            }

            flow.Space(8);
        }

        Table("一、收入", [.. content.IncomeByKind.Select(i => (i.Name, Count(i.Count) + " 笔", Yuan(i.Amount)))], ("类型", "笔数", "金额（元）"), content.IncomeTotal);
        Table("二、支出（按预算科目）", [.. content.ExpenditureByLine.Select(l => (l.Key, l.Name, Yuan(l.Amount)))], ("科目编码", "科目名称", "金额（元）"), content.ExpenditureTotal);
        Table("三、支出（按类别）", [.. content.ExpenditureByCategory.Select(c => (c.Name, Count(c.Count) + " 项", Yuan(c.Amount)))], ("类别", "事项数", "金额（元）"), content.ExpenditureByCategory.Sum(c => c.Amount));
        Table($"四、大额支出（单项 {Yuan(content.LargeItemThreshold)} 元及以上）", [.. content.LargeItems.Select(i => (i.LastPaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"{i.Title}（{i.Payee}）", Yuan(i.Amount)))], ("支付日期", "事项（收款人）", "金额（元）"));
        Table("五、公务接待", [.. content.Receptions.Select(r => (r.LastPaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Title, Yuan(r.Amount)))], ("支付日期", "事项", "金额（元）"), content.ReceptionTotal);

        if (statement.Reason.Length > 0 || statement.Changes.Length > 0)
        {
            flow.Rule(before: 4);
            flow.Labeled("更正原因", statement.Reason, label, body, 80);
            flow.Labeled("更正内容", statement.Changes.Length == 0 ? "（公开时列出）" : statement.Changes.Replace("\n", "；", StringComparison.Ordinal), label, body, 80);
        }

        return flow.Finish((page, pages) => string.Format(CultureInfo.InvariantCulture, "第{0}页 共{1}页", page, pages),
            string.Create(CultureInfo.InvariantCulture, $"分权 Fenquan · {content.UnitName} {content.Period} 第{statement.Version}版"));
    }

    internal static string Yuan(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
