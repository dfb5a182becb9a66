using Fenquan.Core.Licensing;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Documents.Decisions;
using Fenquan.Documents.Fonts;
using Fenquan.Documents.Tests.Minutes;
using Fenquan.Testing;

namespace Fenquan.Documents.Tests.Decisions;

// R24: an application ends with its decision document; read back with pdftotext, it says what was decided.
[Trait("Rule", "R24")]
public class DecisionPdfTests
{
    [Fact]
    public void AGrantedApplication_HasADecisionDocument_ThatSaysWhatWasDecided()
    {
        if (!CjkFont.IsAvailable)
        {
            Requirements.Missing("The Chinese font (Debian package fonts-wqy-zenhei)");
        }

        var county = CountyId.New();
        var unit = UnitId.New();
        var clerk = PersonId.New();
        var org = new OrganizationSnapshot(county, [new Membership(Guid.CreateVersion7(), county, unit, clerk, Role.Staff, new DateOnly(2024, 1, 1), null)], [], [new Person(clerk, county, "孙磊")]);
        var item = new ApprovalItemEntry("QH-XK-001", "农村村民宅基地审批", "《中华人民共和国土地管理法》第六十二条", 20, "不收费", false, UnitId: unit.Value);
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var day = new DateOnly(2026, 3, 2);
        var application = ApprovalApplication.Submit(county, item, new Applicant(ApplicantKind.Person, "王小明", "11010519491231002X", string.Empty), ["申请书"], "2026030212345678", "CODE", IdentityCheck.NotVerified, now, day).Value;
        Assert.Throws<InvalidOperationException>(() => DecisionPdf.Render(application, "城关镇人民政府", item.LegalBasis));
        Assert.True(application.Accept(clerk, org, now, day).IsOk);
        Assert.True(application.CompleteStep(clerk, "经审查符合条件，准予建房", true, org, now.AddDays(3), day.AddDays(3)).IsOk);

        var pdf = DecisionPdf.Render(application, "城关镇人民政府", item.LegalBasis);

        var file = Path.Combine(Path.GetTempPath(), $"fenquan-decision-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var text = MinutesPdfTests.PdfToText(file);
            foreach (var expected in new[] { "城关镇人民政府", "准予行政许可决定书", "QH-XK-001-2026030212345678", "王小明", "11010519491231002X", "农村村民宅基地审批", "第六十二条", "经审查符合条件，准予建房", "2026年3月5日" })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
