using Fenquan.Core.CountyChanges;
using Fenquan.Core.Licensing;
using Fenquan.Core.Matters;
using Fenquan.Core.Notifications;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Procurement;
using Fenquan.Data.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Operations;

// Four eyes on route-deciding county data (R40), on SQLite and PostgreSQL: proposed by one county
// official, in force only when a second confirms, every step ledgered, the county's discipline
// inspection notified (R29); and the registers in force decide a matter's flags, not the submitter.
public class CountyChangeOperationsTests
{
    private static readonly CountyOfficial Admin = new("admin", "王强");
    private static readonly CountyOfficial Admin2 = new("admin2", "李静");
    private static readonly DateOnly MatterDate = new(2026, 3, 2);

    private static readonly ProcurementCatalogue Catalogue = ProcurementCatalogue.Create(
    [
        new CatalogueEntry("A02010104", "台式计算机", "货物", 50_000m, 2_000_000m),
        new CatalogueEntry("A05040101", "复印纸", "货物", 50_000m, 2_000_000m),
    ]).Value;

    private static readonly ApprovalItemRegister Register = ApprovalItemRegister.Create(
    [
        new ApprovalItemEntry("QH-XK-001", "农村村民宅基地审批", "《中华人民共和国土地管理法》第六十二条", 20, "不收费", false),
        new ApprovalItemEntry("QH-XK-006", "建设项目用地预审与选址意见书核发", "《中华人民共和国土地管理法》第五十二条", 20, "不收费", true),
    ]).Value;

    private static async Task<(TestCounty County, CountyChangeOperations Changes, Core.Primitives.PersonId Inspector)> CountyWithInspectionAsync(TestDatabase database)
    {
        var county = await TestCounty.CreateAsync(database);
        var changes = new CountyChangeOperations(database.Writer);
        var inspector = (await county.Organization.AddPersonAsync(county.County, "钱正清")).Value.Id;
        Assert.True((await changes.NameDisciplineInspectionAsync(county.County, inspector, Admin)).IsOk);
        return (county, changes, inspector);
    }

    private static async Task InForceAsync(CountyChangeOperations changes, TestCounty county, CountyChangeSubject subject, string json)
    {
        var proposed = await changes.ProposeAsync(county.County, subject, json, "首版", Admin);
        Assert.True(proposed.IsOk, proposed.ToString());
        var confirmed = await changes.ConfirmAsync(county.County, proposed.Value.Id, Admin2);
        Assert.True(confirmed.IsOk, confirmed.ToString());
    }

    [Theory]
    [Trait("Rule", "R40")]
    [Trait("Rule", "R29")]
    [Trait("Rule", "R44")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Catalogue_TakesEffectOnlyWhenASecondOfficialConfirms_EveryStepLedgered_DisciplineNotified(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, changes, inspector) = await CountyWithInspectionAsync(database);

        var proposed = await changes.ProposeAsync(county.County, CountyChangeSubject.ProcurementCatalogue, Catalogue.ToJson(), "新增台式计算机、复印纸", Admin);
        Assert.True(proposed.IsOk, proposed.ToString());
        await using (var db = database.Context())
        {
            Assert.Empty(CountyChangeOperations.CatalogueInForce(db, county.County).Catalogue.Entries);
        }

        await using var before = database.Context();
        var entries = await before.LedgerEntries.CountAsync();
        var alone = await changes.ConfirmAsync(county.County, proposed.Value.Id, new CountyOfficial("Admin", "王强"));
        Assert.Equal("R40.ProposerCannotConfirm", alone.Refusal?.Key);
        await using (var db = database.Context())
        {
            Assert.Equal(entries, await db.LedgerEntries.CountAsync());
            Assert.Empty(CountyChangeOperations.CatalogueInForce(db, county.County).Catalogue.Entries);
        }

        var confirmed = await changes.ConfirmAsync(county.County, proposed.Value.Id, Admin2);

        Assert.True(confirmed.IsOk, confirmed.ToString());
        await using var after = database.Context();
        var (inForce, version) = CountyChangeOperations.CatalogueInForce(after, county.County);
        Assert.Equal(Catalogue, inForce);
        Assert.Equal("admin2", version!.ConfirmedBy);
        Assert.Equal(
            ["county-change.proposed", "county-change.confirmed"],
            await after.LedgerEntries.Where(e => e.SubjectType == nameof(CountyChange)).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync());
        // One of each: two v7 ids made within the same millisecond need not sort in the order they were made.
        var notices = await after.Set<Notification>().Where(n => n.RecipientId == inspector).ToListAsync();
        Assert.Equal([NotificationKind.CountyChangeProposed, NotificationKind.CountyChangeConfirmed], notices.Select(n => n.Kind).Order());
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R23")]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RegistersInForce_DecideTheRoute_WhateverTheSubmitterDeclares(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, changes, _) = await CountyWithInspectionAsync(database);
        await InForceAsync(changes, county, CountyChangeSubject.ProcurementCatalogue, Catalogue.ToJson());
        await InForceAsync(changes, county, CountyChangeSubject.ApprovalItemRegister, Register.ToJson());
        SubmitMatter Purchase(string? code, MatterFlags declared) =>
            new SubmitMatter(county.County, county.Unit, MatterKind.PurchasePlan, "采购台式计算机", 800m, Payee.Named("清河县电脑城"), county["吴斌"], InitiatorKind.Section, declared, MatterDate) { ItemCode = code };

        var catalogue = (await county.Matters.SubmitAsync(Purchase(" a02010104", MatterFlags.None))).Value;
        var notIn = (await county.Matters.SubmitAsync(Purchase("none", MatterFlags.CatalogueItem))).Value;
        var unnamed = await county.Matters.SubmitAsync(Purchase(null, MatterFlags.CatalogueItem));
        var unknown = await county.Matters.SubmitAsync(Purchase("A09999999", MatterFlags.None));
        var major = (await county.Matters.SubmitAsync(new SubmitMatter(county.County, county.Unit, MatterKind.ApprovalItem, "建设项目用地预审", 0m, Payee.None, county["周杰"], InitiatorKind.Staff, MatterFlags.None, MatterDate) { ItemCode = "QH-XK-006" })).Value;

        Assert.Equal(MatterFlags.CatalogueItem, catalogue.Flags);
        Assert.Equal("A02010104", catalogue.ItemCode);
        Assert.Contains(catalogue.Route.Steps, s => s.Kind == StepKind.CollectiveDecision);
        Assert.Equal(MatterFlags.None, notIn.Flags);
        Assert.DoesNotContain(notIn.Route.Steps, s => s.Kind == StepKind.CollectiveDecision);
        Assert.Equal("R18.CatalogueItemNotNamed", unnamed.Refusal?.Key);
        Assert.Equal("R18.NotInCatalogue", unknown.Refusal?.Key);
        Assert.Equal(MatterFlags.MajorApprovalItem, major.Flags);
        Assert.Contains("R23", major.Route.Rules);
        await using var db = database.Context();
        Assert.Equal("QH-XK-006", (await db.Matters.SingleAsync(m => m.Id == major.Id)).ItemCode);
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OfficeCorrectsACatalogueEntry_AndTheMatterIsReroutedToTheTeam_Ledgered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, changes, _) = await CountyWithInspectionAsync(database);
        await InForceAsync(changes, county, CountyChangeSubject.ProcurementCatalogue, Catalogue.ToJson());
        var matter = (await county.Matters.SubmitAsync(new SubmitMatter(county.County, county.Unit, MatterKind.PurchasePlan, "采购电脑", 800m, Payee.Named("清河县电脑城"), county["吴斌"], InitiatorKind.Section, MatterFlags.None, MatterDate) { ItemCode = "none" })).Value;

        var bySubmitter = await county.Matters.CorrectItemAsync(county.County, matter.Id, county["吴斌"], "A02010104");
        var byOffice = await county.Matters.CorrectItemAsync(county.County, matter.Id, county["赵敏"], "A02010104");

        Assert.Equal("R18.OnlyOfficeCorrectsItem", bySubmitter.Refusal?.Key);
        Assert.True(byOffice.IsOk, byOffice.ToString());
        await using var db = database.Context();
        var stored = await db.Matters.Include(m => m.Changes).SingleAsync(m => m.Id == matter.Id);
        Assert.Equal(("A02010104", MatterFlags.CatalogueItem, 2), (stored.ItemCode, stored.Flags, stored.Round));
        Assert.Contains(stored.Route.Steps, s => s.Kind == StepKind.CollectiveDecision);
        Assert.Equal("none", stored.Changes.Single().OldItemCode);
        Assert.True(await db.LedgerEntries.AnyAsync(e => e.Kind == "matter.item-corrected"));
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [Trait("Rule", "R40")]
    [Trait("Rule", "R5")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bounds_ChangeOnlyWhenConfirmed_AndASupersededProposalCannotBeConfirmed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, changes, _) = await CountyWithInspectionAsync(database);
        var first = (await changes.ProposeAsync(county.County, CountyChangeSubject.Bounds, CountyChangePayload.BoundsToJson(CountyBounds.Default with { CollectiveLimit = 8_000m }), "集体研究限额调整为8000元", Admin)).Value;
        var second = (await changes.ProposeAsync(county.County, CountyChangeSubject.Bounds, CountyChangePayload.BoundsToJson(CountyBounds.Default with { CollectiveLimit = 6_000m }), "集体研究限额调整为6000元", Admin)).Value;

        var stale = await changes.ConfirmAsync(county.County, first.Id, Admin2);
        await using (var db = database.Context())
        {
            Assert.Equal("R40.ChangeSuperseded", stale.Refusal?.Key);
            Assert.Equal(5_000m, (await db.Counties.SingleAsync(c => c.Id == county.County)).Bounds.CollectiveLimit);
        }

        Assert.True((await changes.ConfirmAsync(county.County, second.Id, Admin2)).IsOk);
        await using var after = database.Context();
        Assert.Equal(6_000m, (await after.Counties.SingleAsync(c => c.Id == county.County)).Bounds.CollectiveLimit);
        Assert.Equal(CountyChangeState.Superseded, (await after.Set<CountyChange>().SingleAsync(c => c.Id == first.Id)).State);
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [Trait("Rule", "R29")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReplacingTheDisciplineInspectionLiaison_TellsTheFormerOne(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, changes, inspector) = await CountyWithInspectionAsync(database);
        var successor = (await county.Organization.AddPersonAsync(county.County, "孙清廉")).Value.Id;

        Assert.True((await changes.NameDisciplineInspectionAsync(county.County, successor, Admin)).IsOk);

        await using var db = database.Context();
        Assert.Equal(successor, (await db.Counties.SingleAsync(c => c.Id == county.County)).DisciplineInspectionId);
        var notice = await db.Set<Notification>().SingleAsync(n => n.RecipientId == inspector);
        Assert.Equal(NotificationKind.DisciplineInspectionReplaced, notice.Kind);
        Assert.Equal(["孙清廉", "王强"], notice.TextArgs);
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [Trait("Rule", "R29")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Proposal_InACountyWithNoDisciplineInspectionNamed_IsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);

        var proposed = await new CountyChangeOperations(database.Writer).ProposeAsync(county.County, CountyChangeSubject.ProcurementCatalogue, Catalogue.ToJson(), "首版", Admin);

        Assert.Equal("R29.NoCountyDisciplineInspection", proposed.Refusal?.Key);
    }
}
