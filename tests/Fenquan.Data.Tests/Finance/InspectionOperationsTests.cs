using Fenquan.Core.Finance;
using Fenquan.Core.Finance.Inspection;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Finance;

// The principals' voucher inspection on SQLite and PostgreSQL (R8): the draw from a recorded seed, findings and rectification, every row ledgered.
public class InspectionOperationsTests
{
    private static readonly InspectionPeriod Quarter = new(2026, 3, 1);
    private static readonly InspectionSettings EveryClaim = new(AlwaysAbove: 100m);

    private sealed record Scenario(TestDatabase Database, TestCounty County, InspectionOperations Inspections, PaymentOperations Payments, PersonId Finance, List<Matter> Claims)
    {
        public DateOnly Today => DateOnly.FromDateTime(Database.Time.GetUtcNow().UtcDateTime);

        public Task<Result<VoucherInspection>> DrawAsync(string by, InspectionSettings? settings = null) =>
            Inspections.DrawAsync(new DrawInspection(County.County, County.Unit, Quarter, County[by], settings ?? EveryClaim), Today);

        public async Task<Matter> PaidClaimAsync(string title, decimal amount, Payee payee, DateOnly paidOn)
        {
            var submitted = await County.Matters.SubmitAsync(new SubmitMatter(County.County, County.Unit, MatterKind.Expense, title, amount, payee, County["周杰"], InitiatorKind.Staff, MatterFlags.None, paidOn));
            Assert.True(submitted.IsOk, submitted.ToString());
            Assert.True((await County.Matters.ActAsync(County.County, submitted.Value.Id, new ActRequest(County["赵敏"], ActionKind.Review, "票据齐全"))).IsOk);
            var approved = await County.Matters.ActAsync(County.County, submitted.Value.Id, new ActRequest(County["张伟"], ActionKind.Approve, "同意"));
            Assert.True(approved.IsOk, approved.ToString());
            var paid = await Payments.RecordAsync(County.County, submitted.Value.Id, new RecordPayment(Finance, amount, Payee.None, PaymentMethod.OfficialCard, "GWK-" + title, paidOn));
            Assert.True(paid.IsOk, paid.ToString());
            return submitted.Value;
        }
    }

    // Four claims paid in 2026's first quarter (one to principal 王建国 himself), then a day of April, and one paid in April.
    private static async Task<Scenario> PaidQuarterAsync(TestDatabase database, Func<Scenario, Task>? inQuarter = null)
    {
        var county = await TestCounty.CreateAsync(database);
        var finance = await county.AddPersonAsync("钱会计", Role.FinanceStaff);
        var scenario = new Scenario(database, county, new InspectionOperations(database.Writer), new PaymentOperations(database.Writer), finance, []);
        scenario.Claims.Add(await scenario.PaidClaimAsync("办公用品", 1_200m, Payee.Named("县城文具店"), new DateOnly(2026, 2, 9)));
        scenario.Claims.Add(await scenario.PaidClaimAsync("电脑维修", 2_400m, Payee.Named("清河县电脑城"), new DateOnly(2026, 2, 20)));
        scenario.Claims.Add(await scenario.PaidClaimAsync("下乡差旅费", 860m, Payee.Person(county["王建国"], "王建国"), new DateOnly(2026, 3, 1)));
        scenario.Claims.Add(await scenario.PaidClaimAsync("打印耗材", 300m, Payee.Named("清河县鑫达办公设备有限公司"), new DateOnly(2026, 3, 2)));
        if (inQuarter is not null)
        {
            await inQuarter(scenario);
        }

        database.Time.Advance(new DateTimeOffset(2026, 4, 2, 1, 0, 0, TimeSpan.Zero) - database.Time.GetUtcNow());
        await scenario.PaidClaimAsync("四月办公用品", 500m, Payee.Named("县城文具店"), new DateOnly(2026, 4, 2));
        return scenario;
    }

    private static List<LedgerEntry> Entries(FenquanDbContext db, TestCounty county, string subjectType) =>
        [.. db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county.County.Value && e.SubjectType == subjectType).OrderBy(e => e.Sequence).AsEnumerable().Select(e => LedgerEntry.Parse(e.Bytes))];

    [Theory]
    [Trait("Rule", "R8")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDraw_IsLedgeredWithItsSeed_ReproducibleFromIt_AndASecondDrawIsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await PaidQuarterAsync(database);

        MeetingScenario.AssertRefused(await s.DrawAsync("张伟"), "R8", "not a principal");
        await using (var before = database.Context())
        {
            // Never drawn, the quarter is shown to the county once its findings would have been due.
            var notDrawn = InspectionOperations.Missed(before, s.County.County, new DateOnly(2026, 6, 1), InspectionSettings.Default).Single();
            Assert.Equal((OverdueKind.NotDrawn, s.County.Unit, "2026Q1"), (notDrawn.Kind, notDrawn.Unit, notDrawn.Period));
        }

        var drawn = await s.DrawAsync("王建国", new InspectionSettings(SampleSize: 2, AlwaysAbove: 2_000m));
        Assert.True(drawn.IsOk, drawn.ToString());
        var inspection = drawn.Value;
        Assert.Equal(("2026Q1", 4, 4_760m), (inspection.Period, inspection.PopulationCount, inspection.PopulationTotal));
        var refused = await s.DrawAsync("李秀英");
        MeetingScenario.AssertRefused(refused, "R8", "drawn already");
        Assert.Equal("R8.InspectionDrawnOnce", refused.Refusal!.Key);

        // A payment recorded after the quarter, even dated in it, is in the next quarter's population: the draw reproduces unchanged.
        await s.PaidClaimAsync("补录的三月账单", 2_900m, Payee.Named("县城文具店"), new DateOnly(2026, 3, 15));

        await using var db = database.Context();
        var view = InspectionOperations.View(db, s.County.County, inspection.Id)!;
        var head = db.TreeHeads.AsNoTracking().Single(h => h.CountyId == s.County.County.Value && h.TreeSize == inspection.SeedTreeSize);
        Assert.Equal(Convert.ToBase64String(head.RootHash), inspection.SeedRoot);
        var seed = new InspectionSeed(head.TreeSize, Convert.ToBase64String(head.RootHash), head.At, string.Empty);
        Assert.Equal(inspection.Seed, Convert.ToHexStringLower(seed.Bytes(s.County.County, s.County.Unit, Quarter)));
        var again = VoucherSample.Draw(InspectionOperations.Population(db, s.County.County, s.County.Unit, Quarter), seed.Bytes(s.County.County, s.County.Unit, Quarter), 2, 2_000m);
        Assert.Equal(again.Select(c => (c.MatterId, c.Reason)), view.Items.Select(i => (i.MatterId.Value, i.Reason)));
        Assert.Contains(view.Items, i => i.MatterId == s.Claims[1].Id && i.Reason == SampleReason.AboveThreshold); // 2,400 > 2,000

        // The draw and its items are ledgered: the seed's checkpoint is in the ledger entry for anyone entitled to check it.
        var entry = Entries(db, s.County, nameof(VoucherInspection)).Single();
        Assert.Equal("inspection.drawn", entry.Kind);
        Assert.Contains(inspection.Seed, entry.Data, StringComparison.Ordinal);
        Assert.Contains(inspection.SeedRoot, entry.Data, StringComparison.Ordinal);
        Assert.Equal(view.Items.Count, Entries(db, s.County, nameof(InspectionItem)).Count);
        Assert.Empty(InspectionOperations.Missed(db, s.County.County, new DateOnly(2026, 4, 3), InspectionSettings.Default));
        await database.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R8")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ThePopulation_IsThePaymentsRecordedInThePeriod_NetOfConfirmedReversals_DecidedByTheInstantWhateverItsOffset(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await PaidQuarterAsync(database, async s =>
        {
            // In the quarter: 办公用品's payment reversed and confirmed (four eyes); 电脑维修's only requested.
            var cashier = await s.County.AddPersonAsync("孙出纳", Role.FinanceStaff);
            Guid PaymentOf(Matter claim)
            {
                using var db = database.Context();
                return PaymentOperations.Of(db, s.County.County, claim.Id).Single().Id;
            }

            var reversal = await s.Payments.RequestReversalAsync(s.County.County, PaymentOf(s.Claims[0]), s.Finance, "银行退票");
            Assert.True(reversal.IsOk, reversal.ToString());
            Assert.True((await s.Payments.ConfirmReversalAsync(s.County.County, reversal.Value.Id, cashier)).IsOk);
            Assert.True((await s.Payments.RequestReversalAsync(s.County.County, PaymentOf(s.Claims[1]), s.Finance, "收款账户有误")).IsOk);
        });

        // What the rows say, every instant compared in memory (the read before the population went to the index).
        var (from, until) = (new DateTimeOffset(2026, 1, 1, 0, 0, 0, InspectionPeriod.ChinaOffset), new DateTimeOffset(2026, 4, 1, 0, 0, 0, InspectionPeriod.ChinaOffset));
        List<(Guid, decimal)> Population()
        {
            using var db = database.Context();
            var read = InspectionOperations.Population(db, s.County.County, s.County.Unit, Quarter).Select(c => (c.MatterId, c.Amount)).Order().ToList();
            var rows = VoucherSample.ByClaim(db.Set<Payment>().AsNoTracking().Where(p => p.CountyId == s.County.County && p.UnitId == s.County.Unit).AsEnumerable()
                .Where(p => p.RecordedAt >= from && p.RecordedAt < until).Select(p => (p.MatterId.Value, p.Amount)));
            Assert.Equal(rows.Select(c => (c.MatterId, c.Amount)).Order(), read);
            return read;
        }

        // The reversed claim nets to nothing and is out; a reversal not yet confirmed changes nothing; April's payment is the next quarter's.
        Assert.Equal(new[] { (s.Claims[1].Id.Value, 2_400m), (s.Claims[2].Id.Value, 860m), (s.Claims[3].Id.Value, 300m) }.Order(), Population());

        // Recorded at the quarter's edges, in offsets up to 14 hours either way (SQLite keeps the local
        // time and its offset as text; PostgreSQL keeps the instant): the instant decides.
        async Task RecordedAt(Matter claim, DateTimeOffset at)
        {
            await using var db = database.Context();
            var value = provider == "sqlite" ? at : at.ToUniversalTime();
            Assert.Equal(1, await db.Set<Payment>().Where(p => p.CountyId == s.County.County && p.MatterId == claim.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.RecordedAt, value)));
        }

        await RecordedAt(s.Claims[1], from.AddTicks(-1).ToOffset(TimeSpan.FromHours(14)));
        await RecordedAt(s.Claims[2], from.ToOffset(TimeSpan.FromHours(-12)));
        await RecordedAt(s.Claims[3], until.AddTicks(-1).ToOffset(TimeSpan.FromHours(-12)));
        var april = await s.PaidClaimAsync("四月维修", 700m, Payee.Named("清河县电脑城"), new DateOnly(2026, 4, 2));
        await RecordedAt(april, until.ToOffset(TimeSpan.FromHours(14)));
        var march = await s.PaidClaimAsync("三月末差旅费", 900m, Payee.Named("县城文具店"), new DateOnly(2026, 3, 31));
        await RecordedAt(march, until.AddSeconds(-1).ToOffset(TimeSpan.FromHours(14)));
        Assert.Equal(new[] { (s.Claims[2].Id.Value, 860m), (s.Claims[3].Id.Value, 300m), (march.Id.Value, 900m) }.Order(), Population());
    }

    [Theory]
    [Trait("Rule", "R8")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NoPrincipalInspectsAClaimPaidToThem_AndAProblemIsRectifiedAndAccepted_OrListedAsMissed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await PaidQuarterAsync(database);
        var inspection = (await s.DrawAsync("李秀英")).Value;
        await using var db = database.Context();
        var view = InspectionOperations.View(db, s.County.County, inspection.Id)!;
        Assert.Equal(4, view.Items.Count);
        Assert.Equal(s.County["李秀英"], view.Items.Single(i => i.MatterId == s.Claims[2].Id).InspectorId); // paid to 王建国
        Assert.Equal([2, 2], view.Items.GroupBy(i => i.InspectorId).Select(g => g.Count()));

        var item = view.Items.First(i => i.InspectorId == s.County["王建国"]);
        bool Visible(UnitId unit) => unit == s.County.Unit;
        Task<Result<InspectionFinding>> FindAsync(string by, Verdict verdict, string? note) =>
            s.Inspections.FindAsync(s.County.County, item.Id, new RecordFinding(s.County[by], verdict, note), InspectionSettings.Default, s.Today, Visible);

        MeetingScenario.AssertRefused(await FindAsync("张伟", Verdict.InOrder, null), "R8", "not the inspector");
        MeetingScenario.AssertRefused(await s.Inspections.FindAsync(s.County.County, item.Id, new RecordFinding(s.County["王建国"], Verdict.InOrder, null), InspectionSettings.Default, s.Today, _ => false), Refusal.NotFoundId);
        Assert.True((await FindAsync("王建国", Verdict.Problem, "发票抬头与单位名称不符")).IsOk);
        MeetingScenario.AssertRefused(await FindAsync("王建国", Verdict.InOrder, null), "R8", "recorded already");

        var task = InspectionOperations.TasksOf(db, s.County.County, s.County["张伟"]).Single();
        Assert.Equal((RectificationState.Open, s.County["王建国"], item.MatterId), (task.State, task.Task.InspectorId, task.Task.MatterId));
        var id = task.Task.Id;
        MeetingScenario.AssertRefused(await s.Inspections.GiveEvidenceAsync(s.County.County, id, s.County["王建国"], "已改", null, Visible), "R8", "not the deputy");
        Assert.True((await s.Inspections.GiveEvidenceAsync(s.County.County, id, s.County["张伟"], "已退回重开发票", "清河财〔2026〕5号", Visible)).IsOk);
        MeetingScenario.AssertRefused(await s.Inspections.DecideAsync(s.County.County, id, s.County["李秀英"], true, null, Visible), "R8", "did not find this problem");
        Assert.True((await s.Inspections.DecideAsync(s.County.County, id, s.County["王建国"], false, "缺少重开后的发票", Visible)).IsOk);
        Assert.True((await s.Inspections.GiveEvidenceAsync(s.County.County, id, s.County["张伟"], "已补充重开后的发票", null, Visible)).IsOk);
        Assert.True((await s.Inspections.DecideAsync(s.County.County, id, s.County["王建国"], true, null, Visible)).IsOk);

        var closed = InspectionOperations.Task(db, s.County.County, id)!;
        Assert.Equal(RectificationState.Closed, closed.State);
        Assert.Equal([RectificationStepKind.Evidence, RectificationStepKind.SentBack, RectificationStepKind.Evidence, RectificationStepKind.Accepted], closed.Steps.Select(x => x.Kind));
        Assert.Equal(["rectification.evidence", "rectification.sent-back", "rectification.evidence", "rectification.accepted"], Entries(db, s.County, nameof(RectificationStep)).Select(e => e.Kind));
        Assert.Equal("inspection.finding", Entries(db, s.County, nameof(InspectionFinding)).Single().Kind);

        // Past the deadline, the three claims without a finding are missed; the closed task is not.
        Assert.Empty(InspectionOperations.Missed(db, s.County.County, inspection.Deadline, InspectionSettings.Default));
        var missed = InspectionOperations.Missed(db, s.County.County, inspection.Deadline.AddDays(1), InspectionSettings.Default);
        Assert.Equal(3, missed.Count);
        Assert.All(missed, m => Assert.Equal(OverdueKind.Inspection, m.Kind));
        Assert.DoesNotContain(missed, m => m.Matter == item.MatterId);
        await database.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R8")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OnceWitnessesCosign_TheSeedIsTheFirstCosignedCheckpointAfterThePeriod(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await PaidQuarterAsync(database);
        await using var db = database.Context();
        var heads = db.TreeHeads.AsNoTracking().Where(h => h.CountyId == s.County.County.Value && h.Checkpoint != null).OrderBy(h => h.TreeSize).AsEnumerable().Where(h => h.At > Quarter.EndsAt).ToList();
        Assert.True(heads.Count >= 2);
        Assert.Equal(heads[^1].TreeSize, InspectionOperations.SeedFor(db, s.County.County, Quarter)!.TreeSize); // no witness yet: the latest head

        // A witness cosigns the second head (as WitnessPushing stores it): that head is the seed from now on, however many heads follow.
        db.Add(new CosignatureRow { CountyId = s.County.County.Value, TreeSize = heads[1].TreeSize, Witness = "jiwei.qinghe.gov.cn/witness", Line = "— jiwei.qinghe.gov.cn/witness AAAA\n", SignedAt = heads[1].At });
        await db.SaveChangesAsync();
        await s.PaidClaimAsync("之后的报销", 100m, Payee.Named("县城文具店"), new DateOnly(2026, 4, 2));
        var seed = InspectionOperations.SeedFor(db, s.County.County, Quarter)!;
        Assert.Equal((heads[1].TreeSize, "jiwei.qinghe.gov.cn/witness"), (seed.TreeSize, seed.Witnesses));
        var drawn = (await s.DrawAsync("王建国")).Value;
        Assert.Equal((heads[1].TreeSize, "jiwei.qinghe.gov.cn/witness"), (drawn.SeedTreeSize, drawn.SeedWitnesses));
    }
}
