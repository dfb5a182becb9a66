using Fenquan.Core.Construction;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;

namespace Fenquan.Core.Tests.Construction;

// The project's own rules at their boundaries (R19–R21); its matters' routes and meetings are tested with the matters.
public class ConstructionProjectTests
{
    // A one-step route stands in for the matters' real routes, whose meetings are tested elsewhere.
    private static readonly Route Approval = new([new RouteStep(StepKind.Approve, ActorSpec.DeputyInCharge)], ["R19"]);
    private static readonly Route Collective = new([new RouteStep(StepKind.Review, ActorSpec.DeputyInCharge), new RouteStep(StepKind.CollectiveDecision, ActorSpec.Team)], ["R19"]);

    private readonly TestOrg _org = TestOrg.Township();

    private static DateTimeOffset Day(int n) => TestOrg.Now.AddDays(n);

    private PersonId Deputy => _org["杨伟"];

    private Matter Approved(MatterKind kind, decimal amount, Payee payee)
    {
        var matter = _org.Submit(kind, amount, "吴斌", InitiatorKind.Section, Approval, payee);
        _org.Done(matter, "杨伟", ActionKind.Approve);
        return matter;
    }

    private (ConstructionProject Project, List<Bid> Bids) Noticed()
    {
        var proposal = Approved(MatterKind.ConstructionProject, 50_000m, Payee.None);
        var project = ConstructionProject.Propose(proposal, township: true, ConstructionSettings.Default, TestOrg.Now).Value;
        var org = _org.View();
        Assert.True(project.RecordTender(proposal, new RecordTender(Deputy, TenderMethod.Open, "招标办受理〔2025〕1号", null, "县招标办指导意见〔2025〕1号"), org, Day(0)).IsOk);
        var bids = new[] { ("甲建筑公司", 40_000m), ("乙建筑公司", 41_000m), ("丙建筑公司", 42_000m) }
            .Select(b => project.RecordBid(Deputy, TestOrg.Company(b.Item1).CounterpartyId!.Value, b.Item1, b.Item2, org, Day(0)).Value).ToList();
        Assert.True(project.Rank(Deputy, [.. bids.Select(b => b.Id)], "评标报告〔2025〕1号", org, Day(0)).IsOk);
        Assert.True(project.NoticeCandidates(Deputy, "清河县公共资源交易网", org, Day(0)).IsOk);
        return (project, bids);
    }

    private ConstructionProject Contracted(decimal amount = 40_000m)
    {
        var (project, bids) = Noticed();
        var bid = project.CheckContractorChoice(bids[0].Id, null, null, Day(3)).Value;
        var choice = Approved(MatterKind.ContractorChoice, bid.Price, TestOrg.Company(bid.BidderName));
        project.ProposeContractor(choice, bid, null, Day(3));
        var day = DateOnly.FromDateTime(Day(3).UtcDateTime);
        Assert.True(project.SignContract(choice, new SignContract(Deputy, amount, day, day, day.AddMonths(3), "施工合同〔2025〕1号", 0.03m, 24), _org.View(), Day(3)).IsOk);
        return project;
    }

    [Fact]
    [Trait("Rule", "R21")]
    public void TheContractor_IsChosenOnlyAfterTheThreeDayNotice_AndAnotherThanTheFirstOnlyWithReasons()
    {
        var (project, bids) = Noticed();

        Assert.Equal("R21.CandidateNoticeRunning", project.CheckContractorChoice(bids[0].Id, null, null, Day(2)).Refusal!.Key);
        Assert.Equal("R21.ReasonForNotFirst", project.CheckContractorChoice(bids[1].Id, " ", null, Day(3)).Refusal!.Key);
        Assert.True(project.CheckContractorChoice(bids[1].Id, "第一名近三年有重大质量事故", null, Day(3)).IsOk);
        Assert.True(project.CheckContractorChoice(bids[0].Id, null, null, Day(3)).IsOk);
        Assert.Equal(new DateOnly(2025, 3, 15), project.NoticeEndsOn);
    }

    [Fact]
    [Trait("Rule", "R20")]
    public void AnOpenTender_NeedsThreeBids_AndATownshipRecordsTheDistrictsGuidance()
    {
        var proposal = Approved(MatterKind.ConstructionProject, 50_000m, Payee.None);
        var project = ConstructionProject.Propose(proposal, township: true, ConstructionSettings.Default, TestOrg.Now).Value;
        var org = _org.View();

        Assert.Equal("R20.DistrictGuidance", project.RecordTender(proposal, new RecordTender(Deputy, TenderMethod.Open, "招标办受理〔2025〕2号", null, null), org, Day(0)).Refusal!.Key);
        Assert.Equal("R19.NotConstructionRecorder", project.RecordTender(proposal, new RecordTender(_org["张建国"], TenderMethod.Open, "招标办受理〔2025〕2号", null, "指导意见"), org, Day(0)).Refusal!.Key);
        Assert.True(project.RecordTender(proposal, new RecordTender(Deputy, TenderMethod.Open, "招标办受理〔2025〕2号", null, "指导意见"), org, Day(0)).IsOk);
        var bids = new[] { "甲建筑公司", "乙建筑公司" }.Select(n => project.RecordBid(Deputy, TestOrg.Company(n).CounterpartyId!.Value, n, 40_000m, org, Day(0)).Value).ToList();
        Assert.Equal("R20.TooFewBids", project.Rank(Deputy, [.. bids.Select(b => b.Id)], "评标报告", org, Day(0)).Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R19")]
    public void Variations_UpToTenPercentOfTheContract_StayWithTheirRoute_BeyondItNeedAMeeting()
    {
        var project = Contracted(40_000m);

        Assert.False(project.CheckVariation(4_000m, []).Value); // exactly 10 %: not beyond
        var first = Approved(MatterKind.VariationOrder, 4_000m, TestOrg.Company("甲建筑公司"));
        Assert.True(project.AddVariation(first, false, Day(4)).IsOk);
        Assert.True(project.CheckVariation(0.01m, [first]).Value);
        var small = _org.Submit(MatterKind.VariationOrder, 0.01m, "吴斌", InitiatorKind.Section, Approval, TestOrg.Company("甲建筑公司"));
        Assert.Equal("R19.VariationNeedsMeeting", project.AddVariation(small, true, Day(5)).Refusal!.Key);
        var meeting = _org.Submit(MatterKind.VariationOrder, 0.01m, "吴斌", InitiatorKind.Section, Collective, TestOrg.Company("甲建筑公司"));
        Assert.True(project.AddVariation(meeting, true, Day(5)).IsOk);
    }

    [Fact]
    [Trait("Rule", "R19")]
    public void Payments_StayWithinTheContractAndApprovedVariations_TheFinalWaitsForTheAudit_TheRetentionForTheWarranty()
    {
        var project = Contracted(40_000m);
        var approved = Approved(MatterKind.VariationOrder, 4_000m, TestOrg.Company("甲建筑公司"));
        var pending = _org.Submit(MatterKind.VariationOrder, 1_000m, "吴斌", InitiatorKind.Section, Approval, TestOrg.Company("甲建筑公司"));
        project.AddVariation(approved, false, Day(4));
        project.AddVariation(pending, false, Day(4));
        Matter[] variations = [approved, pending];
        var today = DateOnly.FromDateTime(Day(5).UtcDateTime);

        // 44,000 = contract + the approved variation (the pending one does not count); 80 % of it before the audit.
        Assert.Equal("R19.PaymentAboveContract", project.CheckPayment(0.01m, 44_000m, variations, today).Refusal!.Key);
        Assert.True(project.CheckPayment(35_200m, 0m, variations, today).IsOk);
        Assert.Equal("R19.FinalPaymentNeedsAudit", project.CheckPayment(0.01m, 35_200m, variations, today).Refusal!.Key);

        Assert.Equal("R19.AuditAfterAcceptance", project.RecordSettlementAudit(Deputy, 43_000m, "审计报告", variations, _org.View(), Day(5)).Refusal!.Key);
        Assert.True(project.RecordAcceptance(Deputy, today, "验收报告", _org.View(), Day(5)).IsOk);
        Assert.True(project.RecordSettlementAudit(Deputy, 43_000m, "审计报告", variations, _org.View(), Day(6)).IsOk);

        // 3 % of 43,000 (1,290) is kept until the warranty ends 24 months after acceptance.
        Assert.True(project.CheckPayment(41_710m, 0m, variations, today).IsOk);
        Assert.Equal("R19.RetentionUntilWarrantyEnds", project.CheckPayment(0.01m, 41_710m, variations, today.AddMonths(24).AddDays(-1)).Refusal!.Key);
        Assert.True(project.CheckPayment(1_290m, 41_710m, variations, today.AddMonths(24)).IsOk);
        Assert.Equal("R19.PaymentAboveSettlement", project.CheckPayment(0.01m, 43_000m, variations, today.AddMonths(24)).Refusal!.Key);
    }
}
