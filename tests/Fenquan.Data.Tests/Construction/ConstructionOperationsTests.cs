using Fenquan.Core.Construction;
using Fenquan.Core.Flags;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Fenquan.Data.Tests.Operations;

namespace Fenquan.Data.Tests.Construction;

// A construction project from its proposal to its final payment on SQLite and PostgreSQL (R19–R22):
// every decision a matter decided in a real meeting, every change ledgered.
public class ConstructionOperationsTests
{
    [Theory]
    [Trait("Rule", "R19")]
    [Trait("Rule", "R20")]
    [Trait("Rule", "R21")]
    [Trait("Rule", "R22")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Project_FromProposalToFinalPayment_RefusesEarlyChoiceOverContractPaymentAndFinalPaymentBeforeAudit(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await ConstructionScenario.CreateAsync(database);
        var yang = s["杨帆"];
        var project = await s.ProposeAsync(50_000m, "城关镇村道修缮工程");
        var tender = new RecordTender(yang, TenderMethod.Open, "清河县招标办受理〔2026〕15号", null, "县招标办指导意见〔2026〕3号");

        // 立项 first: no tender before the team decided the proposal (R21).
        MeetingScenario.AssertRefused(await s.Projects.RecordTenderAsync(s.Id, project.Id, tender), "R21", "decided it collectively");
        var proposal = await s.DecideAsync(project.ProposalMatterId);
        Assert.Equal(MatterState.Approved, proposal.State);

        // R20: a township's own tender records the district's guidance; the deputy in charge records it, the principal does not.
        MeetingScenario.AssertRefused(await s.Projects.RecordTenderAsync(s.Id, project.Id, tender with { DistrictGuidance = " " }), "R20", "district's guidance");
        MeetingScenario.AssertRefused(await s.Projects.RecordTenderAsync(s.Id, project.Id, tender with { By = s["王建国"] }), "R19", "neither the deputy in charge");
        Assert.True((await s.Projects.RecordTenderAsync(s.Id, project.Id, tender)).IsOk);

        // Bids of registered counterparties; the evaluation committee ranks them.
        var bids = new List<Guid>();
        foreach (var (company, price) in new[] { ("清河县电脑城", 45_500m), ("县城文具店", 42_000m), ("清河县鑫达办公设备有限公司", 47_800m) })
        {
            var bid = await s.Projects.RecordBidAsync(s.Id, project.Id, yang, s.Company(company), price);
            Assert.True(bid.IsOk, bid.ToString());
            bids.Add(bid.Value.Id);
        }

        MeetingScenario.AssertRefused(await s.Projects.RecordBidAsync(s.Id, project.Id, yang, s.Company("县城文具店"), 41_000m), "R20", "bids once");
        Assert.True((await s.Projects.RankAsync(s.Id, project.Id, yang, [bids[1], bids[0], bids[2]], "评标报告〔2026〕15号")).IsOk);

        // R21: the contractor is not chosen before the candidates were noticed, nor during the notice's 3 days.
        MeetingScenario.AssertRefused(await s.Projects.ChooseContractorAsync(s.Id, project.Id, s["吴斌"], InitiatorKind.Section, bids[1], null), "R21", "publicly noticed");
        Assert.True((await s.Projects.NoticeAsync(s.Id, project.Id, yang, "清河县公共资源交易网")).IsOk);
        database.Time.Advance(TimeSpan.FromDays(2));
        MeetingScenario.AssertRefused(await s.Projects.ChooseContractorAsync(s.Id, project.Id, s["吴斌"], InitiatorKind.Section, bids[1], null), "R21", "not on");
        database.Time.Advance(TimeSpan.FromDays(1));
        MeetingScenario.AssertRefused(await s.Projects.ChooseContractorAsync(s.Id, project.Id, s["吴斌"], InitiatorKind.Section, bids[0], " "), "R21", "first-ranked");
        var choice = await s.Projects.ChooseContractorAsync(s.Id, project.Id, s["吴斌"], InitiatorKind.Section, bids[1], null);
        Assert.True(choice.IsOk, choice.ToString());
        Assert.Equal((42_000m, "县城文具店"), (choice.Value.Amount, choice.Value.Payee.Name));

        // The contract waits for the team's decision, then is at most what it decided.
        var contract = new SignContract(yang, 42_000m, s.Today, s.Today, s.Today.AddMonths(3), "城关镇施工合同〔2026〕7号", 0.03m, 24);
        MeetingScenario.AssertRefused(await s.Projects.SignContractAsync(s.Id, project.Id, contract), "R21", "chosen by the team");
        Assert.Equal(MatterState.Approved, (await s.DecideAsync(choice.Value.Id)).State);
        MeetingScenario.AssertRefused(await s.Projects.SignContractAsync(s.Id, project.Id, contract with { Amount = 42_000.01m }), "R21", "exceeds");
        Assert.True((await s.Projects.SignContractAsync(s.Id, project.Id, contract)).IsOk);

        // R19: a variation within 10 % of the contract goes to the deputy and a principal; the next, passing it, to a meeting.
        var small = await s.Projects.SubmitVariationAsync(s.Id, project.Id, s["吴斌"], InitiatorKind.Section, "增加排水沟", 3_000m);
        Assert.True(small.IsOk, small.ToString());
        Assert.DoesNotContain(small.Value.Route.Steps, step => step.Kind == StepKind.CollectiveDecision);
        Assert.Equal(MatterState.Approved, (await s.DecideAsync(small.Value.Id)).State);
        var beyond = await s.Projects.SubmitVariationAsync(s.Id, project.Id, s["吴斌"], InitiatorKind.Section, "增加路灯两盏", 2_000m);
        Assert.True(beyond.IsOk, beyond.ToString());
        Assert.Equal(MatterFlags.BeyondVariationShare, beyond.Value.Flags);
        Assert.Contains(beyond.Value.Route.Steps, step => step.Kind == StepKind.CollectiveDecision);

        // Payments on the contractor choice: within the contract and its APPROVED variations (47,000 once the meeting decides).
        Assert.True((await s.Payments.RecordAsync(s.Id, choice.Value.Id, s.Pay(30_000m))).IsOk);
        MeetingScenario.AssertRefused(await s.Payments.RecordAsync(s.Id, choice.Value.Id, s.Pay(15_000.01m)), "R19", "exceeds the contract's 42,000.00 and its approved variations' 3,000.00");
        Assert.Equal(MatterState.Approved, (await s.DecideAsync(beyond.Value.Id)).State);
        MeetingScenario.AssertRefused(await s.Payments.RecordAsync(s.Id, choice.Value.Id, s.Pay(17_000.01m)), "R19", "exceeds the contract's 42,000.00 and its approved variations' 5,000.00");

        // The final payment waits for acceptance and the settlement audit: before it, at most 80 % (37,600).
        MeetingScenario.AssertRefused(await s.Payments.RecordAsync(s.Id, choice.Value.Id, s.Pay(7_600.01m)), "R19", "settlement audit");
        Assert.True((await s.Payments.RecordAsync(s.Id, choice.Value.Id, s.Pay(7_600m))).IsOk);
        MeetingScenario.AssertRefused(await s.Projects.RecordSettlementAuditAsync(s.Id, project.Id, yang, 46_500m, "审计报告"), "R19", "after acceptance");
        Assert.True((await s.Projects.RecordAcceptanceAsync(s.Id, project.Id, yang, s.Today, "竣工验收报告〔2026〕2号")).IsOk);
        MeetingScenario.AssertRefused(await s.Projects.RecordSettlementAuditAsync(s.Id, project.Id, yang, 47_000.01m, "县审计局审字〔2026〕9号"), "R19", "exceeds the contract");
        Assert.True((await s.Projects.RecordSettlementAuditAsync(s.Id, project.Id, yang, 46_500m, "县审计局审字〔2026〕9号")).IsOk);

        // 质保金: 3 % of 46,500 (1,395) is kept until the warranty ends, 24 months after acceptance.
        MeetingScenario.AssertRefused(await s.Payments.RecordAsync(s.Id, choice.Value.Id, s.Pay(7_505.01m)), "R19", "retention money of 1,395.00");
        Assert.True((await s.Payments.RecordAsync(s.Id, choice.Value.Id, s.Pay(7_505m))).IsOk);
        database.Time.Advance(TimeSpan.FromDays(731));
        MeetingScenario.AssertRefused(await s.Payments.RecordAsync(s.Id, choice.Value.Id, s.Pay(1_395.01m)), "R19", "audited settlement of 46,500.00");
        Assert.True((await s.Payments.RecordAsync(s.Id, choice.Value.Id, s.Pay(1_395m))).IsOk);

        await using var db = database.Context();
        var stored = ConstructionOperations.Load(db, s.Id, project.Id)!;
        Assert.Equal(ConstructionStage.Audited, stored.Stage);
        Assert.Equal(("县城文具店", 42_000m, 46_500m), (stored.ContractorName, stored.ContractAmount, stored.AuditedAmount));
        Assert.Equal([1, 2, 3], stored.Candidates.Select(b => b.Rank!.Value));
        Assert.Equal([false, true], stored.Variations.OrderBy(v => v.RecordedAt).Select(v => v.BeyondShare));
        Assert.Equal(46_500m, PaymentOperations.Of(db, s.Id, choice.Value.Id).Sum(p => p.Amount));
        await database.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R20")]
    [Trait("Rule", "R47")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SingleSource_NeedsAWrittenJustification_AndRaisesARedFlagOnTheProposal(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await ConstructionScenario.CreateAsync(database);
        var project = await s.ProposeAsync(80_000m, "城关镇卫生院应急抢修工程");
        await s.DecideAsync(project.ProposalMatterId);
        var tender = new RecordTender(s["杨帆"], TenderMethod.SingleSource, "清河县招标办受理〔2026〕21号", null, "县招标办指导意见〔2026〕5号");

        MeetingScenario.AssertRefused(await s.Projects.RecordTenderAsync(s.Id, project.Id, tender), "R20", "written justification");
        Assert.True((await s.Projects.RecordTenderAsync(s.Id, project.Id, tender with { Justification = "原施工单位专利工艺，抢险需即时修复" })).IsOk);
        Assert.True((await s.Projects.RecordBidAsync(s.Id, project.Id, s["杨帆"], s.Company("清河县电脑城"), 78_000m)).IsOk);
        MeetingScenario.AssertRefused(await s.Projects.RecordBidAsync(s.Id, project.Id, s["杨帆"], s.Company("县城文具店"), 70_000m), "R20", "one bidder");

        await using var db = database.Context();
        var flag = Assert.Single(FlagOperations.Of(db, s.Id, project.ProposalMatterId), f => f.Kind != RedFlagKind.FastApproval);
        Assert.Equal((RedFlagKind.SingleSource, 80_000m), (flag.Kind, flag.Total));
        await database.AssertLedgerIntactAsync();
    }
}
