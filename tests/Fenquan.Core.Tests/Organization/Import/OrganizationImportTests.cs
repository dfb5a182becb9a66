using Fenquan.Core.Organization;
using Fenquan.Core.Organization.Import;
using Fenquan.Core.Primitives;
using T = Fenquan.Core.Organization.Import.ImportTemplate;

namespace Fenquan.Core.Tests.Organization.Import;

[Trait("Rule", "R1")]
public class OrganizationImportTests
{
    private static readonly CountyId County = CountyId.New();
    private static readonly ExistingOrganization Nothing = new([], [], [], [], []);
    private const string IdNumber = "11010519491231002X";

    // A sheet of the kind's template from rows of cells in the template's column order.
    internal static ImportSheet Sheet(ImportKind kind, params string?[][] rows)
    {
        var template = T.Of(kind);
        return new ImportSheet(kind, template.SheetName, rows.Select((cells, i) => new ImportRow(i + 2,
            template.Columns.Select((c, j) => (c.Header, Value: j < cells.Length ? cells[j] : null)).ToDictionary(p => p.Header, p => p.Value))).ToList());
    }

    private static ImportFile Township(params ImportSheet[] more) => new(
    [
        Sheet(ImportKind.Units, ["东风镇", "乡镇"]),
        Sheet(ImportKind.Sections, ["东风镇", "财政所"]),
        Sheet(ImportKind.People, ["P1", null, "张伟"], ["P2", null, "张伟"], ["P3", IdNumber, "李娜"], [null, "11010519800101001" + Check("11010519800101001"), "王芳"]),
        Sheet(ImportKind.Memberships,
            ["东风镇", "P1", "正职", null, "2025-01-01"],
            ["东风镇", "P2", "副职", null, "2025-01-01"],
            ["东风镇", "P3", "副职", null, "2025-01-01"],
            ["东风镇", "11010519800101001" + Check("11010519800101001"), "财务人员", "财政所", "2025-01-01"]),
        Sheet(ImportKind.Portfolios, ["东风镇", "财务", "P2", "2025-01-01"], ["东风镇", "人事", "P3", "2025-01-01"]),
        .. more,
    ]);

    private static char Check(string first17) => Fenquan.Core.Counterparties.CounterpartyIdentifier.CompleteIdNumber(first17)[17];

    // The organisation as it stands once the plan is written.
    private static ExistingOrganization After(ExistingOrganization before, ImportPlan plan)
    {
        var ends = plan.EndedMemberships.ToDictionary(e => e.Id, e => e.Until);
        var assignmentEnds = plan.EndedAssignments.ToDictionary(e => e.Id, e => e.Until);
        var people = before.People.Select(p =>
        {
            var change = plan.PersonChanges.FirstOrDefault(c => c.Id == p.Id);
            return change is null ? p : new Person(p.Id, p.CountyId, change.NewName ?? p.Name, p.StaffNumber ?? change.StaffNumber, p.IdNumber ?? change.IdNumber);
        });
        return new ExistingOrganization(
            [.. before.Units, .. plan.Units],
            [.. before.Sections, .. plan.Sections],
            [.. people, .. plan.People],
            [.. before.Memberships.Select(m => ends.TryGetValue(m.Id, out var u) ? new Membership(m.Id, m.CountyId, m.UnitId, m.PersonId, m.Role, m.From, u, m.SectionId) : m), .. plan.Memberships],
            [.. before.Assignments.Select(a => assignmentEnds.TryGetValue(a.Id, out var u) ? new PortfolioAssignment(a.Id, a.CountyId, a.UnitId, a.Area, a.DeputyId, a.From, u) : a), .. plan.Assignments]);
    }

    [Fact]
    public void Plan_Township_AddsEveryRow()
    {
        var plan = OrganizationImport.Plan(County, Township(), Nothing, CountyBounds.Default);
        Assert.Empty(plan.Problems);
        Assert.Single(plan.Units);
        Assert.Single(plan.Sections);
        Assert.Equal(4, plan.People.Count);
        Assert.Equal(4, plan.Memberships.Count);
        Assert.Equal(2, plan.Assignments.Count);
        Assert.Equal(plan.Sections[0].Id, plan.Memberships.Single(m => m.Role == Role.FinanceStaff).SectionId);
    }

    [Fact]
    public void Plan_TwoPeopleWithTheSameName_StayTwoPeople()
    {
        var plan = OrganizationImport.Plan(County, Township(), Nothing, CountyBounds.Default);
        var zhang = plan.People.Where(p => p.Name == "张伟").ToList();
        Assert.Equal(2, zhang.Count);
        Assert.Equal(["P1", "P2"], zhang.Select(p => p.StaffNumber).Order());
        Assert.Equal(zhang.Single(p => p.StaffNumber == "P2").Id, plan.Assignments.Single(a => a.Area == Area.Finance).DeputyId);
    }

    [Fact]
    public void Plan_SameFileAgain_ChangesNothing()
    {
        var first = OrganizationImport.Plan(County, Township(), Nothing, CountyBounds.Default);
        var again = OrganizationImport.Plan(County, Township(), After(Nothing, first), CountyBounds.Default);
        Assert.Empty(again.Problems);
        Assert.True(again.ChangesNothing);
    }

    [Fact]
    public void Plan_ThirdPrincipal_IsRefused_NamingSheetRowColumnAndRule()
    {
        var file = Township(Sheet(ImportKind.People, ["P9", null, "赵强"], ["P10", null, "钱进"]),
            Sheet(ImportKind.Memberships, ["东风镇", "P9", "正职", null, "2025-01-01"], ["东风镇", "P10", "正职", null, "2025-03-01"]));
        var plan = OrganizationImport.Plan(County, file, Nothing, CountyBounds.Default);
        var problem = Assert.Single(plan.Problems);
        Assert.Equal(("任职", 3, T.Role, "R1.TooManyPrincipals"), (problem.Sheet, problem.Row, problem.Column, problem.Refusal.Key));
        Assert.True(plan.ChangesNothing);
    }

    [Fact]
    [Trait("Rule", "R3")]
    public void Plan_PortfolioToAPrincipal_IsRefused()
    {
        var file = Township(Sheet(ImportKind.Portfolios, ["东风镇", "工程建设", "P1", "2025-01-01"]));
        var problem = Assert.Single(OrganizationImport.Plan(County, file, Nothing, CountyBounds.Default).Problems);
        Assert.Equal(("分管", 2, T.DeputyKey, "R3.PrincipalInCharge"), (problem.Sheet, problem.Row, problem.Column, problem.Refusal.Key));
        Assert.Contains("张伟 (P1)", problem.Refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_BadCells_AreEachNamed()
    {
        var file = new ImportFile(
        [
            Sheet(ImportKind.Units, ["东风镇", "村"]),
            Sheet(ImportKind.People, ["P1", "110105194912310020", "张伟"], [null, null, "无号"]),
            Sheet(ImportKind.Memberships, ["西风镇", "P404", "校长", null, "2025-13-01"]),
        ]);
        var keys = OrganizationImport.Plan(County, file, Nothing, CountyBounds.Default).Problems.Select(p => (p.Sheet, p.Row, p.Column, p.Refusal.Key)).ToList();
        Assert.Equal(
        [
            ("单位", 2, T.UnitKind, "R1.UnknownUnitKind"),
            ("人员", 2, T.IdNumber, "R1.InvalidIdNumber"),
            ("人员", 3, T.StaffNumber, "R1.PersonNumberMissing"),
            ("任职", 2, T.UnitName, "R1.UnknownUnit"),
            ("任职", 2, T.PersonKey, "R1.UnknownPerson"),
            ("任职", 2, T.Role, "R1.UnknownRole"),
            ("任职", 2, T.From, "R1.InvalidDate"),
        ], keys);
    }

    [Fact]
    public void Plan_ChangedSectionAndDeputy_BecomeDatedChanges()
    {
        var before = After(Nothing, OrganizationImport.Plan(County, Township(), Nothing, CountyBounds.Default));
        var file = Township(
            Sheet(ImportKind.Sections, ["东风镇", "党政办"]),
            Sheet(ImportKind.Memberships, ["东风镇", IdNumber, "副职", null, "2025-01-01"], ["东风镇", "11010519800101001" + Check("11010519800101001"), "财务人员", "党政办", "2026-01-01"]),
            Sheet(ImportKind.Portfolios, ["东风镇", "财务", "P3", "2026-01-01"]));
        var plan = OrganizationImport.Plan(County, file, before, CountyBounds.Default);
        Assert.Empty(plan.Problems);
        var staff = before.Memberships.Single(m => m.Role == Role.FinanceStaff);
        Assert.Equal([new PeriodEnd(staff.Id, new DateOnly(2026, 1, 1))], plan.EndedMemberships);
        var moved = Assert.Single(plan.Memberships);
        Assert.Equal((new DateOnly(2026, 1, 1), plan.Sections.Single().Id), (moved.From, moved.SectionId));
        var finance = before.Assignments.Single(a => a.Area == Area.Finance);
        Assert.Equal([new PeriodEnd(finance.Id, new DateOnly(2026, 1, 1))], plan.EndedAssignments);
        Assert.Equal(before.People.Single(p => p.StaffNumber == "P3").Id, Assert.Single(plan.Assignments).DeputyId);
    }

    [Fact]
    public void Plan_RewritingAPeriodInPlace_IsRefused()
    {
        var before = After(Nothing, OrganizationImport.Plan(County, Township(), Nothing, CountyBounds.Default));
        var file = new ImportFile([Sheet(ImportKind.Memberships, ["东风镇", "P1", "正职", "财政所", "2025-01-01"])]);
        var problem = Assert.Single(OrganizationImport.Plan(County, file, before, CountyBounds.Default).Problems);
        Assert.Equal("R1.ChangedInPlace", problem.Refusal.Key);
    }

    [Fact]
    public void Plan_RenamedPerson_IsRecordedAsAChange_AndAnEndDateEnds()
    {
        var before = After(Nothing, OrganizationImport.Plan(County, Township(), Nothing, CountyBounds.Default));
        var file = new ImportFile(
        [
            Sheet(ImportKind.People, ["P1", null, "张卫"]),
            Sheet(ImportKind.Memberships, ["东风镇", "P1", "正职", null, "2025-01-01", "2026-06-01"]),
        ]);
        var plan = OrganizationImport.Plan(County, file, before, CountyBounds.Default);
        var p1 = before.People.Single(p => p.StaffNumber == "P1").Id;
        Assert.Equal([new PersonChange(p1, "张卫", null, null)], plan.PersonChanges);
        Assert.Equal(new DateOnly(2026, 6, 1), Assert.Single(plan.EndedMemberships).Until);
        Assert.Empty(plan.People);
    }

    private static ExistingReferenceData Reference(params Fenquan.Core.Counterparties.Counterparty[] counterparties) =>
        new(Fenquan.Core.Procurement.ProcurementCatalogue.Empty, Fenquan.Core.Licensing.ApprovalItemRegister.Empty, counterparties, "管理员（admin）", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    [Trait("Rule", "R6")]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R24")]
    public void Plan_ReferenceData_ANewVersionOfEachRegister_AndNewCounterparties()
    {
        var company = Fenquan.Core.Counterparties.CounterpartyIdentifier.CompleteCreditCode("91130534MA0C1234A");
        var file = Township(
            Sheet(ImportKind.Catalogue, ["A02010104", "台式计算机", "货物", "0", "2000000"]),
            Sheet(ImportKind.ApprovalItems, ["QH-001", "食品经营许可", "《食品安全法》", "10", "不收费", "是", null, "申请书；营业执照", "东风镇"]),
            Sheet(ImportKind.Counterparties, ["单位", "某某建筑有限公司", company], ["个人", "刘建国", IdNumber]));
        var plan = OrganizationImport.Plan(County, file, Nothing, CountyBounds.Default, Reference());
        Assert.Empty(plan.Problems);
        Assert.Equal("台式计算机", Assert.Single(plan.Catalogue!.Entries).Name);
        var item = Assert.Single(plan.Register!.Items);
        Assert.Equal((true, plan.Units.Single().Id.Value, 2), (item.IsMajor, item.UnitId!.Value, item.Documents.Count));
        Assert.Equal([company, IdNumber], plan.Counterparties.Select(c => c.Identifier));

        // Against what the plan made, the same sheets change nothing.
        var again = OrganizationImport.Plan(County, file, After(Nothing, plan), CountyBounds.Default,
            new ExistingReferenceData(plan.Catalogue, plan.Register, plan.Counterparties, "管理员（admin）", DateTimeOffset.UnixEpoch));
        Assert.True(again.ChangesNothing);
    }

    [Fact]
    [Trait("Rule", "R6")]
    public void Plan_ReferenceData_BadRowsAreNamed_AndWithoutAnOfficialRefused()
    {
        var file = new ImportFile(
        [
            Sheet(ImportKind.Catalogue, ["A1", "台式计算机", "货物", "很多", "2000000"], ["A1", "笔记本", "货物", "0", "1"]),
            Sheet(ImportKind.Counterparties, ["单位", "某某公司", "91130534MA0C12345A"]),
        ]);
        var keys = OrganizationImport.Plan(County, file, Nothing, CountyBounds.Default, Reference()).Problems.Select(p => (p.Row, p.Column, p.Refusal.Key));
        Assert.Equal([(2, T.CentralisedThreshold, "R18.InvalidAmount"), (2, T.Identifier, "R6.InvalidCreditCode")], keys);
        Assert.All(OrganizationImport.Plan(County, file, Nothing, CountyBounds.Default).Problems, p => Assert.Equal("R40.ReferenceDataNeedsOfficial", p.Refusal.Key));
    }
}
