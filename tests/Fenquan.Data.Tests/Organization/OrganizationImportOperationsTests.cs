using Fenquan.Core.CountyChanges;
using Fenquan.Core.Organization;
using Fenquan.Core.Organization.Import;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Documents.Organization;
using Fenquan.Testing;
using Microsoft.EntityFrameworkCore;
using T = Fenquan.Core.Organization.Import.ImportTemplate;

namespace Fenquan.Data.Tests.Organization;

/// <summary>
/// R1–R3 on SQLite and PostgreSQL: a county's organisation imported from a workbook in one ledgered
/// unit of work — 60 units and 5,000 people — all of it or, when one row is refused, nothing; the
/// same file again changes nothing; changed rows become dated changes; .csv files work too.
/// </summary>
[Trait("Rule", "R1")]
public class OrganizationImportOperationsTests
{
    private static readonly CountyOfficial Admin = new("admin", "管理员");

    private static async Task<CountyId> CountyAsync(TestDatabase database) =>
        (await new OrganizationOperations(database.Writer).CreateCountyAsync("清河县", CountyBounds.Default)).Value.Id;

    private static ImportFile Read(byte[] bytes, string name)
    {
        var file = OrganizationWorkbook.Read(new MemoryStream(bytes), name);
        Assert.True(file.IsOk, file.ToString());
        return file.Value;
    }

    private static async Task<int> EntriesAsync(TestDatabase database, CountyId county)
    {
        await using var db = database.Context();
        return await db.LedgerEntries.CountAsync(e => e.CountyId == county.Value);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SixtyUnitsAndFiveThousandPeople_ImportInOneUnitOfWork_AndAgainChangeNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await CountyAsync(database);
        var file = Read(new OrganizationSample(60, 5_000).Workbook(), "county.xlsx");
        var operations = new OrganizationImportOperations(database.Writer);
        var batches = database.Writer.BatchesCommitted;

        var imported = await operations.ImportAsync(county, file, "county.xlsx", Admin);
        Assert.True(imported.IsOk && imported.Value.IsOk, imported.IsOk ? string.Join("\n", imported.Value.Plan.Problems.Take(5)) : imported.ToString());
        Assert.True(imported.Value.Written);
        Assert.Equal(batches + 1, database.Writer.BatchesCommitted);

        await using (var db = database.Context())
        {
            Assert.Equal(60, await db.Units.CountAsync(u => u.CountyId == county));
            Assert.Equal(180, await db.Sections.CountAsync(s => s.CountyId == county));
            Assert.Equal(5_000, await db.People.CountAsync(p => p.CountyId == county));
            Assert.Equal(5_000, await db.Memberships.CountAsync(m => m.CountyId == county));
            Assert.Equal(300, await db.PortfolioAssignments.CountAsync(a => a.CountyId == county));

            // 同名同姓: people share names and stay different people, told apart by staff number.
            var shared = await db.People.Where(p => p.CountyId == county && p.Name == "李芳").Select(p => p.StaffNumber).ToListAsync();
            Assert.True(shared.Count > 10);
            Assert.Equal(shared.Count, shared.Distinct().Count());
        }

        // Every row ledgered in the one unit, plus the import's own entry naming who imported.
        var entries = await EntriesAsync(database, county);
        Assert.Equal(1 + 60 + 180 + 5_000 + 5_000 + 300 + 1, entries);
        await database.AssertLedgerIntactAsync();

        var again = await operations.ImportAsync(county, file, "county.xlsx", Admin);
        Assert.True(again.IsOk && again.Value.IsOk && again.Value.Plan.ChangesNothing);
        Assert.False(again.Value.Written);
        Assert.Equal(entries, await EntriesAsync(database, county));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OneBadRow_ChangesNothing_AndIsNamed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await CountyAsync(database);
        var sample = new OrganizationSample(60, 5_000);

        // The first township's office reviewer (its 7th membership, row 8) made a third principal.
        sample.Memberships[6][T.Role] = "正职";
        var before = await EntriesAsync(database, county);
        var imported = await new OrganizationImportOperations(database.Writer).ImportAsync(county, Read(sample.Workbook(), "county.xlsx"), "county.xlsx", Admin);

        Assert.True(imported.IsOk);
        Assert.False(imported.Value.Written);
        var problem = Assert.Single(imported.Value.Plan.Problems);
        Assert.Equal(("任职", 8, T.Role, "R1.TooManyPrincipals"), (problem.Sheet, problem.Row, problem.Column, problem.Refusal.Key));
        Assert.Equal(before, await EntriesAsync(database, county));
        await using var db = database.Context();
        Assert.Equal(0, await db.Units.CountAsync(u => u.CountyId == county));
        Assert.Equal(0, await db.People.CountAsync(p => p.CountyId == county));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CsvFiles_Import_AndChangedRowsBecomeDatedChanges(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await CountyAsync(database);
        var sample = new OrganizationSample(2, 40);
        var operations = new OrganizationImportOperations(database.Writer);
        foreach (var kind in new[] { ImportKind.Units, ImportKind.Sections, ImportKind.People, ImportKind.Memberships, ImportKind.Portfolios })
        {
            var name = T.Of(kind).CsvName + ".csv";
            var imported = await operations.ImportAsync(county, Read(sample.Csv(kind), name), name, Admin);
            Assert.True(imported.IsOk && imported.Value.Written, imported.IsOk ? string.Join("\n", imported.Value.Plan.Problems) : imported.ToString());
        }

        await using (var db = database.Context())
        {
            Assert.Equal(40, await db.People.CountAsync(p => p.CountyId == county));
            Assert.Equal(10, await db.PortfolioAssignments.CountAsync(a => a.CountyId == county));
        }

        // QH00001 renamed; QH00011 (the first unit's finance staff) moves to 业务股 from 2026-03-01.
        sample.People[0][T.PersonName] = "王伟新";
        var staffRow = sample.Memberships.Single(m => (string?)m[T.PersonKey] == "QH00011");
        staffRow[T.Section] = "业务股";
        staffRow[T.From] = "2026-03-01";
        var changed = await operations.ImportAsync(county, Read(sample.Workbook(), "county.xlsx"), "county.xlsx", Admin);
        Assert.True(changed.IsOk && changed.Value.Written, changed.IsOk ? string.Join("\n", changed.Value.Plan.Problems) : changed.ToString());

        await using (var db = database.Context())
        {
            var person = await db.People.SingleAsync(p => p.CountyId == county && p.StaffNumber == "QH00011");
            var periods = await db.Memberships.Where(m => m.PersonId == person.Id).OrderBy(m => m.From).ToListAsync();
            Assert.Equal([(new DateOnly(2025, 1, 1), (DateOnly?)new DateOnly(2026, 3, 1)), (new DateOnly(2026, 3, 1), null)], periods.Select(m => (m.From, m.Until)));
            Assert.Equal("王伟新", (await db.People.SingleAsync(p => p.CountyId == county && p.StaffNumber == "QH00001")).Name);

            // The rename is a ledgered change of the person's row, not a silent overwrite.
            var renamed = await db.People.SingleAsync(p => p.CountyId == county && p.StaffNumber == "QH00001");
            Assert.Equal(2, await db.LedgerEntries.CountAsync(e => e.CountyId == county.Value && e.SubjectId == renamed.Id.Value));
        }

        await database.AssertLedgerIntactAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    [Trait("Rule", "R6")]
    [Trait("Rule", "R40")]
    public async Task ReferenceData_InTheSameFile_RegistersAreProposedUnderFourEyes_CounterpartiesRegistered_AndAgainNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await CountyAsync(database);
        var sample = new OrganizationSample(2, 30);
        var bytes = sample.Workbook(
            catalogue: [["A02010104", "台式计算机", "货物", "0", "2000000"], ["A02010601", "扫描仪", "货物", "50000", "2000000"]],
            approvalItems: [["QH-001", "食品经营许可", "《食品安全法》第三十五条", "10", "不收费", "否", null, "申请书；营业执照", "第2局"]],
            counterparties: [["单位", "清河县宏远建材有限公司", Core.Counterparties.CounterpartyIdentifier.CompleteCreditCode("91130534MA0X01QH0")], ["个人", "刘建国", "11010519491231002X"]]);
        var operations = new OrganizationImportOperations(database.Writer);

        // R29: county data changes only with the county's discipline inspection named to be told.
        var refused = await operations.ImportAsync(county, Read(bytes, "county.xlsx"), "county.xlsx", Admin);
        Assert.Equal(("采购目录", "R29"), (refused.Value.Plan.Problems.Single().Sheet, refused.Value.Plan.Problems.Single().Refusal.RuleId));
        await using (var db = database.Context())
        {
            Assert.Equal(0, await db.People.CountAsync(p => p.CountyId == county));
        }

        var inspector = (await new OrganizationOperations(database.Writer).AddPersonAsync(county, "县纪委")).Value.Id;
        Assert.True((await new CountyChangeOperations(database.Writer).NameDisciplineInspectionAsync(county, inspector, Admin)).IsOk);
        var imported = await operations.ImportAsync(county, Read(bytes, "county.xlsx"), "county.xlsx", Admin);
        Assert.True(imported.IsOk && imported.Value.Written, imported.IsOk ? string.Join("\n", imported.Value.Plan.Problems) : imported.ToString());

        await using (var db = database.Context())
        {
            // Proposed, not in force: a second county administrator confirms (R40).
            var changes = await db.Set<CountyChange>().Where(c => c.CountyId == county).ToListAsync();
            Assert.Equal([CountyChangeSubject.ProcurementCatalogue, CountyChangeSubject.ApprovalItemRegister], changes.OrderBy(c => c.Subject).Select(c => c.Subject));
            Assert.All(changes, c => Assert.Equal((CountyChangeState.Pending, "admin"), (c.State, c.ProposedBy)));
            Assert.Empty(CountyChangeOperations.CatalogueInForce(db, county).Catalogue.Entries);
            Assert.Equal(2, await db.Set<Core.Counterparties.Counterparty>().CountAsync(c => c.CountyId == county));
        }

        var entries = await EntriesAsync(database, county);
        var again = await operations.ImportAsync(county, Read(bytes, "county.xlsx"), "county.xlsx", Admin);
        Assert.True(again.IsOk && again.Value.IsOk && !again.Value.Written, again.IsOk ? string.Join("\n", again.Value.Plan.Problems) : again.ToString());
        Assert.Equal(entries, await EntriesAsync(database, county));

        var confirmed = await new CountyChangeOperations(database.Writer).ConfirmAsync(county, (await PendingAsync(database, county, CountyChangeSubject.ProcurementCatalogue)), new CountyOfficial("admin2", "第二管理员"));
        Assert.True(confirmed.IsOk, confirmed.ToString());
        await using (var db = database.Context())
        {
            Assert.Equal(["台式计算机", "扫描仪"], CountyChangeOperations.CatalogueInForce(db, county).Catalogue.Entries.Select(e => e.Name));
        }

        await database.AssertLedgerIntactAsync();
    }

    private static async Task<Guid> PendingAsync(TestDatabase database, CountyId county, CountyChangeSubject subject)
    {
        await using var db = database.Context();
        return await db.Set<CountyChange>().Where(c => c.CountyId == county && c.Subject == subject && c.State == CountyChangeState.Pending).Select(c => c.Id).SingleAsync();
    }
}
