using System.Diagnostics;
using System.Globalization;
using Fenquan.Documents.Fonts;
using Fenquan.Documents.Minutes;
using Fenquan.Testing;

namespace Fenquan.Documents.Tests.Minutes;

// The minutes PDF (R43), read back with pdftotext: what it says is what the meeting recorded.
public class MinutesPdfTests
{
    private static readonly MinutesNames Names = new("城关镇");

    [Fact]
    [Trait("Rule", "R43")]
    public void ChineseMinutes_ReadBack_ContainTheDecision()
    {
        var fixture = new MinutesFixture();

        var text = RenderAndRead(fixture, "zh-CN");

        foreach (var expected in new[]
        {
            "城关镇", "党委会会议纪要", "2026年第3次党委会", "2026年3月5日 09:00", "主持人", "王建国",
            "王建国（正职）", "杨帆（赴县里参加培训）",
            "议题1", "购置会议室音响设备", "12,000.00元", "清河县鑫达办公设备有限公司", "城关镇请示〔2026〕8号",
            "陈明（事项发起人）", "刘洋（本人申请回避", "与供应商负责人系同学关系",
            "张伟", "同意，价格在市场区间内", "同意", "表决结果", "通过", "6 人应到", "2 人回避", "需 3 人同意", "决定金额", "11,500.00元", "凭正式发票据实报销",
            "12,000.00元（大写：壹万贰仟元整）", "11,500.00元（大写：壹万壹仟伍佰元整）", // issue 14: 大写金额
            "与会人员签字", "未签署", "待签署",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // The outcome in the page's words, never "会议决定 同意"; no internal id anywhere (issue 14).
        Assert.DoesNotContain("会议决定", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", text);

        // Speaking order: the deputy, then the township head, then the chair (末位表态).
        var order = new[] { "同意，价格在市场区间内", "同意，压减至11500元" }.Select(t => text.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.True(order[0] < order[1], text);
    }

    [Fact]
    [Trait("Rule", "R43")]
    public void EnglishMinutes_ReadBack_CarryTheEnglishLabels()
    {
        var fixture = new MinutesFixture();

        var text = RenderAndRead(fixture, "en");

        foreach (var expected in new[]
        {
            "Party committee meeting minutes", "Chair", "Present", "Absent", "Item 1", "Matter", "Proposed amount", "CNY 12,000.00",
            "Recusals", "initiated the matter", "Opinions (in speaking order)", "Agree", "Tally", "Outcome", "Passed",
            "Decided amount", "CNY 11,500.00", "Conditions", "Signatures of the attendees", "Signed at", "not yet signed",
            "awaiting signatures", "Page 1 of", "王建国 (principal)", "Version 1",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait("Rule", "R43")]
    public void FullySignedMinutes_SayFinal_AndHaveNoMissingSignature()
    {
        var fixture = new MinutesFixture();
        Assert.True(fixture.Meeting.SignMinutes(fixture.Record.Id, fixture["刘洋"], null, _ => null, MinutesFixture.MeetingAt.AddHours(3)).IsOk);

        var text = RenderAndRead(fixture, "zh-CN");

        Assert.Contains("已签署生效", text, StringComparison.Ordinal);
        Assert.DoesNotContain("未签署", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LongMinutes_FlowOntoSeveralPages_WithPageNumbers()
    {
        var fixture = new MinutesFixture();
        var content = fixture.Record.Content;
        var item = content.Items.Single();
        var longReason = string.Concat(Enumerable.Repeat("经研究，该项支出符合预算安排，程序合规，同意按规定办理。", 6));
        var items = Enumerable.Range(1, 9).Select(n => item with
        {
            Number = n,
            Title = $"议题标题{n}",
            Opinions = [.. item.Opinions.Select(o => o with { Reason = longReason })],
        }).ToList();
        var longMinutes = content with { Items = items };

        var text = RenderAndRead(longMinutes, null, "zh-CN");

        Assert.Contains("第 2 页", text, StringComparison.Ordinal);
        Assert.Contains("议题9", text, StringComparison.Ordinal);
        Assert.Contains("草稿（尚未形成纪要）", text, StringComparison.Ordinal);
        Assert.Contains("未签署", text, StringComparison.Ordinal);
    }

    private static string RenderAndRead(MinutesFixture fixture, string culture) => RenderAndRead(fixture.Record.Content, fixture.Record, culture);

    private static string RenderAndRead(Core.Meetings.Minutes minutes, Core.Meetings.MinutesRecord? record, string culture)
    {
        if (!CjkFont.IsAvailable)
        {
            Requirements.Missing("The Chinese font (Debian package fonts-wqy-zenhei)");
        }

        var pdf = MinutesPdf.Render(minutes, record, Names, CultureInfo.GetCultureInfo(culture));
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"fenquan-minutes-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            if (Environment.GetEnvironmentVariable("FENQUAN_PDF_OUT") is { Length: > 0 } folder)
            {
                File.Copy(file, Path.Combine(folder, $"minutes-{culture}-{minutes.Items.Count}.pdf"), overwrite: true);
            }

            return PdfToText(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    internal static string PdfToText(string file)
    {
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            })!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Requirements.Missing("pdftotext (Debian package poppler-utils)");
            throw;
        }

        using (process)
        {
            var text = process.StandardOutput.ReadToEnd();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, errors);
            return text;
        }
    }
}
