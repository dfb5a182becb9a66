using System.Globalization;
using Fenquan.Core.Licensing;
using Fenquan.Documents.Fonts;
using Fenquan.Documents.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Fenquan.Documents.Decisions;

/// <summary>
/// The decision document (准予/不予行政许可决定书) that ends an application (R24): the unit, the
/// decision's number, the applicant, the item and its legal basis, the decision and its date, in
/// Chinese (the language of the decision). Made only for a decided application.
/// </summary>
public static class DecisionPdf
{
    public static byte[] Render(ApprovalApplication application, string unitName, string legalBasis)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.State is not (ApplicationState.Completed or ApplicationState.Refused) || application.DecidedAt is not { } decided)
        {
            throw new InvalidOperationException("Only a decided application has a decision document.");
        }

        CjkFont.EnsureRegistered();
        var granted = application.State == ApplicationState.Completed;
        var title = granted ? "准予行政许可决定书" : (application.AcceptedOn is null ? "不予受理决定书" : "不予行政许可决定书");
        var document = new PdfDocument();
        document.Info.Title = unitName + title;
        document.Info.Creator = "Fenquan";
        var label = PdfFlow.Font(10.5, bold: true);
        var body = PdfFlow.Font(10.5);
        using var flow = new PdfFlow(document);
        flow.Centered(unitName, PdfFlow.Font(14, bold: true), after: 2);
        flow.Centered(title, PdfFlow.Font(18, bold: true), after: 2);
        flow.Centered(application.DecisionNumber, PdfFlow.Font(9), XBrushes.DimGray, after: 2);
        flow.Rule();
        flow.Labeled("申请人", application.ApplicantName, label, body, 90);
        flow.Labeled(application.ApplicantKind == ApplicantKind.Person ? "身份证号码" : "统一社会信用代码", application.ApplicantNumber, label, body, 90);
        flow.Labeled("受理编号", application.ReceiptNumber, label, body, 90);
        flow.Labeled("申请事项", application.ItemCode + " " + application.ItemName, label, body, 90);
        flow.Labeled("设定依据", legalBasis, label, body, 90);
        flow.Labeled("申请日期", application.SubmittedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日", CultureInfo.InvariantCulture), label, body, 90);
        if (application.FeeCharged is { } fee)
        {
            flow.Labeled("收费", string.Format(CultureInfo.InvariantCulture, "{0:N2}元（大写：{1}，按公布的收费标准）", fee, Core.Primitives.AmountText.Capital(fee)), label, body, 90);
        }

        flow.Rule(before: 4);
        flow.Paragraph(granted ? "经审查，你（单位）的申请符合法定条件、标准，根据设定依据，决定准予行政许可。" : "经审查，决定不予许可（不予受理），理由如下：", body, after: 4);
        flow.Paragraph(application.DecisionText, body, after: 8);
        if (!granted)
        {
            flow.Paragraph("如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。", body, after: 8);
        }

        flow.Paragraph(unitName, body, indent: 260, after: 2);
        flow.Paragraph(decided.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日", CultureInfo.InvariantCulture), body, indent: 260);
        return flow.Finish((page, pages) => string.Format(CultureInfo.InvariantCulture, "第{0}页 共{1}页", page, pages), "分权 Fenquan · " + application.DecisionNumber);
    }
}
