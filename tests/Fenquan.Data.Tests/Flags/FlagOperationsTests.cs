using Fenquan.Core.CountyChanges;
using Fenquan.Core.Flags;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Flags;

// R47 on SQLite and PostgreSQL: flags raised at submission (and approval) through the indexed
// window, stored and ledgered with the matter, cleared with a reason; the batch scan finds the same.
public class FlagOperationsTests
{
    private static readonly DateOnly MatterDate = new(2026, 3, 2);

    private static SubmitMatter Purchase(TestCounty county, decimal amount, string supplier, string itemCode = "none") =>
        new(county.County, county.Unit, MatterKind.PurchasePlan, "采购办公用品", amount, Payee.Named(supplier), county["吴斌"], InitiatorKind.Section, MatterFlags.None, MatterDate) { ItemCode = itemCode };

    private static async Task<Matter> SubmitAsync(TestCounty county, decimal amount, string supplier, string itemCode = "none", MatterOperations? matters = null)
    {
        var submitted = await (matters ?? county.Matters).SubmitAsync(Purchase(county, amount, supplier, itemCode));
        Assert.True(submitted.IsOk, submitted.ToString());
        return submitted.Value;
    }

    private static IReadOnlyList<RedFlag> FlagsOf(TestDatabase database, TestCounty county, Matter matter)
    {
        using var db = database.Context();
        return FlagOperations.Of(db, county.County, matter.Id);
    }

    [Theory]
    [Trait("Rule", "R47")]
    [Trait("Rule", "R16")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FourPurchasesOfEighteenHundredFromOneSupplier_AreFlaggedAsSplit_NamingTheOthers_AndLedgered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var purchases = new List<Matter>();
        for (var i = 0; i < 4; i++)
        {
            purchases.Add(await SubmitAsync(county, 1_800m, "县城文具店"));
            database.Time.Advance(TimeSpan.FromDays(3));
        }

        var other = await SubmitAsync(county, 1_500m, "清河县电脑城"); // another supplier: no split, and 75 % of P does not hug

        Assert.Equal([RedFlagKind.ThresholdHugging], FlagsOf(database, county, purchases[0]).Select(f => f.Kind));
        var split = FlagsOf(database, county, purchases[3]).Single(f => f.Kind == RedFlagKind.SplitPurchase);
        Assert.Equal((SplitBasis.Supplier, 2_000m, 7_200m), (split.Basis!.Value, split.Limit!.Value, split.Total!.Value));
        Assert.Equal(purchases.Take(3).Select(p => p.Id), split.RelatedMatters);
        Assert.Equal([purchases[0].Id], FlagsOf(database, county, purchases[1]).Single(f => f.Kind == RedFlagKind.SplitPurchase).RelatedMatters);
        Assert.Empty(FlagsOf(database, county, other));

        await using var db = database.Context();
        Assert.Equal(5, await db.Set<PurchaseRecord>().CountAsync(p => p.CountyId == county.County));
        var ledgered = db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county.County.Value && e.SubjectType == nameof(RedFlag)).AsEnumerable().Select(e => LedgerEntry.Parse(e.Bytes)).ToList();
        Assert.Equal(7, ledgered.Count); // 4 hugging + 3 split
        Assert.All(ledgered, e => Assert.Equal("matter.submitted", e.Kind));
        var counts = FlagOperations.Counts(db, county.County, null);
        Assert.Equal([(RedFlagKind.SplitPurchase, 3, 3), (RedFlagKind.ThresholdHugging, 4, 4)], counts.Select(c => (c.Kind, c.Raised, c.Open)));
        await database.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R47")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheWindow_IncludesDayThirty_AndNotDayThirtyOne(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);

        await SubmitAsync(county, 1_200m, "县城文具店");
        await SubmitAsync(county, 1_200m, "清河县电脑城");
        database.Time.Advance(TimeSpan.FromDays(30));
        var dayThirty = await SubmitAsync(county, 1_200m, "县城文具店");
        database.Time.Advance(TimeSpan.FromDays(1));
        var dayThirtyOne = await SubmitAsync(county, 1_200m, "清河县电脑城");

        Assert.Equal(2_400m, FlagsOf(database, county, dayThirty).Single().Total);
        Assert.Empty(FlagsOf(database, county, dayThirtyOne));
    }

    [Theory]
    [Trait("Rule", "R47")]
    [Trait("Rule", "R18")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CatalogueItemsOfOneCategory_FromTwoSuppliers_AreFlaggedAsSplitUnderTheCentresThreshold(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var changes = new CountyChangeOperations(database.Writer);
        var inspector = (await county.Organization.AddPersonAsync(county.County, "钱正清")).Value.Id;
        Assert.True((await changes.NameDisciplineInspectionAsync(county.County, inspector, new CountyOfficial("admin", "王强"))).IsOk);
        var catalogue = ProcurementCatalogue.Create([new CatalogueEntry("A02010104", "台式计算机", "货物", 50_000m, 2_000_000m), new CatalogueEntry("A05040101", "复印纸", "货物", 50_000m, 2_000_000m)]).Value;
        var proposed = await changes.ProposeAsync(county.County, CountyChangeSubject.ProcurementCatalogue, catalogue.ToJson(), "首版", new CountyOfficial("admin", "王强"));
        Assert.True((await changes.ConfirmAsync(county.County, proposed.Value.Id, new CountyOfficial("admin2", "李静"))).IsOk);

        var computers = await SubmitAsync(county, 30_000m, "清河县电脑城", "A02010104");
        var paper = await SubmitAsync(county, 30_000m, "县城文具店", "A05040101");

        Assert.Empty(FlagsOf(database, county, computers));
        var split = FlagsOf(database, county, paper).Single();
        Assert.Equal((RedFlagKind.SplitPurchase, SplitBasis.Category, 50_000m, 60_000m), (split.Kind, split.Basis!.Value, split.Limit!.Value, split.Total!.Value));
        Assert.Equal([computers.Id], split.RelatedMatters);
    }

    [Theory]
    [Trait("Rule", "R47")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheApprover_ClearsAFlagWithAReason_Ledgered_TheSubmitterAndAnEmptyReasonAreRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var matter = await SubmitAsync(county, 1_900m, "县城文具店");
        var flag = FlagsOf(database, county, matter).Single();
        var flags = new FlagOperations(database.Writer);

        Assert.Equal("R47.SubmitterClearsFlag", (await flags.ClearAsync(county.County, flag.Id, county["吴斌"], "我保证")).Refusal?.Key);
        Assert.Equal("R47.MayNotClearFlag", (await flags.ClearAsync(county.County, flag.Id, county["王建国"], "理由")).Refusal?.Key);
        MeetingScenario.AssertRefused(await flags.ClearAsync(county.County, flag.Id, county["陈明"], "  "), "R47", "written reason");
        Assert.True((await flags.ClearAsync(county.County, flag.Id, county["陈明"], "询价三家，最低价")).IsOk);
        Assert.True(Refusal.NotFound("x").IsNotFound && (await flags.ClearAsync(county.County, Guid.CreateVersion7(), county["陈明"], "理由")).Refusal!.IsNotFound);

        var stored = FlagsOf(database, county, matter).Single();
        Assert.Equal((county["陈明"], "询价三家，最低价"), (stored.ClearedBy!.Value, stored.ClearReason!));
        await using var db = database.Context();
        Assert.Equal(["matter.submitted", "flag.cleared"], db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county.County.Value && e.SubjectType == nameof(RedFlag)).AsEnumerable()
            .OrderBy(e => e.Sequence).Select(e => LedgerEntry.Parse(e.Bytes).Kind));
        Assert.Equal(MatterState.Pending, (await db.Matters.SingleAsync(m => m.Id == matter.Id)).State); // never blocking
        await database.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R47")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnApprovalWithinAMinute_IsFlaggedAtApproval_OneAfterMoreThanAMinuteIsNot(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        async Task<Matter> ApproveAfterAsync(TimeSpan wait)
        {
            var matter = await SubmitAsync(county, 500m, "县城文具店");
            database.Time.Advance(wait);
            Assert.True((await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["陈明"], ActionKind.Approve, "同意"))).IsOk);
            return matter;
        }

        var fast = await ApproveAfterAsync(TimeSpan.FromSeconds(40));
        var slow = await ApproveAfterAsync(TimeSpan.FromSeconds(61));

        var flag = FlagsOf(database, county, fast).Single();
        Assert.Equal(RedFlagKind.FastApproval, flag.Kind);
        Assert.Empty(FlagsOf(database, county, slow));

        // Once approved, the unit's discipline member clears it — not the approver who was fast.
        var flags = new FlagOperations(database.Writer);
        Assert.Equal("R47.MayNotClearFlag", (await flags.ClearAsync(county.County, flag.Id, county["陈明"], "急需")).Refusal?.Key);
        Assert.True((await flags.ClearAsync(county.County, flag.Id, county["郑洁"], "已核实：急需，事前已口头请示")).IsOk);
    }

    [Theory]
    [Trait("Rule", "R47")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ASupplierWinningMoreThanTheShareOfTheUnitsPurchases_IsFlagged(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var matters = new MatterOperations(database.Writer, FlagSettings.Default with { RepeatedSupplierMinimum = 3, WindowDays = 0 });
        await SubmitAsync(county, 100m, "清河县电脑城", matters: matters);
        database.Time.Advance(TimeSpan.FromDays(1));
        await SubmitAsync(county, 100m, "县城文具店", matters: matters);
        database.Time.Advance(TimeSpan.FromDays(1));
        var second = await SubmitAsync(county, 100m, "县城文具店", matters: matters);
        database.Time.Advance(TimeSpan.FromDays(1));
        var third = await SubmitAsync(county, 100m, "县城文具店", matters: matters); // 3 of 4: more than half, and the minimum

        Assert.Empty(FlagsOf(database, county, second));
        var flag = FlagsOf(database, county, third).Single();
        Assert.Equal((RedFlagKind.RepeatedSupplier, 3m, 4m), (flag.Kind, flag.Total!.Value, flag.Limit!.Value));
    }

    [Theory]
    [Trait("Rule", "R47")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheScan_FindsWhatTheInlineCheckFound(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var random = new Random(47);
        var suppliers = new[] { "县城文具店", "清河县电脑城", "清河县鑫达办公设备有限公司" };
        for (var i = 0; i < 30; i++)
        {
            await SubmitAsync(county, random.Next(3, 21) * 100m, suppliers[random.Next(suppliers.Length)]);
            database.Time.Advance(TimeSpan.FromDays(random.Next(0, 8)));
        }

        await using var db = database.Context();
        var inline = db.Set<RedFlag>().AsNoTracking().Where(f => f.CountyId == county.County && (f.Kind == RedFlagKind.SplitPurchase || f.Kind == RedFlagKind.ThresholdHugging))
            .AsEnumerable().Select(f => (f.MatterId, f.Kind, f.Total!.Value, f.Related)).OrderBy(f => f.MatterId.Value).ThenBy(f => f.Kind).ToList();
        var scanned = new System.Collections.Concurrent.ConcurrentBag<(MatterId, RedFlagKind, decimal, string)>();
        await FlagScan.RunAsync(database.Settings, county.County, null, null, null, FlagSettings.Default,
            flag => scanned.Add((flag.Matter, flag.Kind, PurchaseRecord.Yuan(flag.TotalFen), string.Join(',', flag.Others.Select(o => o.ToString("D"))))));

        Assert.Contains(inline, f => f.Kind == RedFlagKind.SplitPurchase);
        Assert.Equal(inline, scanned.OrderBy(f => f.Item1.Value).ThenBy(f => f.Item2));

        // --from limits what is reported, never the window: earlier purchases still count.
        var from = MatterDate.AddDays(40);
        var later = new System.Collections.Concurrent.ConcurrentBag<MatterId>();
        await FlagScan.RunAsync(database.Settings, county.County, county.Unit, from, null, FlagSettings.Default, flag => later.Add(flag.Matter));

        var expected = db.Set<PurchaseRecord>().AsNoTracking().Where(p => p.SubmittedDay >= from.DayNumber).Select(p => p.Id).ToHashSet();
        Assert.NotEmpty(later);
        Assert.Equal(inline.Where(f => expected.Contains(f.MatterId.Value)).Select(f => f.MatterId.Value).Order(), later.Select(m => m.Value).Order());
    }
}
