using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using static Fenquan.Core.Tests.Policy.PolicyTestData;

namespace Fenquan.Core.Tests.Policy;

public class DefaultPolicyRoutingTests
{
    private const string OfficeThenDeputy = "Review(Office) → Approve(DeputyInCharge)";

    public static TheoryData<string, string, string, bool> LimitsWithinBounds => new()
    {
        { "3000", "2000", "5000", false },
        { "2000", "1000", "5000", true },
        { "5000", "5000", "5000", false },
        { "4999.99", "4999.99", "5000", true },
        { "2000", "1000", "2000", false },
    };

    [Theory]
    [Trait("Rule", "R40")]
    [MemberData(nameof(LimitsWithinBounds))]
    public void DefaultPolicy_VerifiesClean_ForAnyLimitsWithinCountyBounds_R40(string s, string p, string c, bool lawEnforcement)
    {
        var bounds = CountyBounds.Default with { LawEnforcementEnabled = lawEnforcement };
        var policy = DefaultPolicy.Create(new UnitLimits(Yuan(s), Yuan(p), Yuan(c)), bounds);
        var verification = PolicyVerifier.Verify(policy, bounds);
        Assert.True(verification.IsValid, verification.ToString());
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void StaffExpense_AtTheSmallLimit_IsOfficeReviewThenDeputyApproval_R4() =>
        Assert.Equal(OfficeThenDeputy, RouteOf(Area.Finance, MatterKind.Expense, "3000.00", InitiatorKind.Staff));

    [Fact]
    [Trait("Rule", "R4")]
    public void SectionExpense_OfOneFen_IsOfficeReviewThenDeputyApproval_R4() =>
        Assert.Equal(OfficeThenDeputy, RouteOf(Area.Finance, MatterKind.Expense, "0.01", InitiatorKind.Section));

    [Fact]
    [Trait("Rule", "R5")]
    [Trait("Rule", "R7")]
    public void StaffExpense_OneFenAboveTheSmallLimit_AddsACountersignByATeamMember_R5_R7() =>
        Assert.Equal("Review(Office) → Approve(DeputyInCharge) → Countersign(TeamMember)", RouteOf(Area.Finance, MatterKind.Expense, "3000.01", InitiatorKind.Staff));

    [Fact]
    [Trait("Rule", "R5")]
    public void StaffExpense_AtExactly5000_IsNotYetCollective_R5() =>
        Assert.DoesNotContain("CollectiveDecision", RouteOf(Area.Finance, MatterKind.Expense, "5000.00", InitiatorKind.Staff));

    [Fact]
    [Trait("Rule", "R5")]
    public void StaffExpense_At5000_01_GoesToACollectiveDecision_R5() =>
        Assert.Equal("Review(Office) → Review(DeputyInCharge) → CollectiveDecision(Team)", RouteOf(Area.Finance, MatterKind.Expense, "5000.01", InitiatorKind.Staff));

    [Fact]
    [Trait("Rule", "R5")]
    public void StaffExpense_WhenTheSmallLimitEqualsTheCollectiveLimit_HasNoCountersignBand_R5()
    {
        var router = PolicyRouter.Compile(DefaultPolicy.Create(new UnitLimits(5_000m, 2_000m, 5_000m), CountyBounds.Default));
        Assert.Equal(OfficeThenDeputy, router.Route(new MatterFacts(Area.Finance, MatterKind.Expense, 5_000m, InitiatorKind.Staff, MatterFlags.None)).Value.ToString());
        Assert.Contains("CollectiveDecision", router.Route(new MatterFacts(Area.Finance, MatterKind.Expense, 5_000.01m, InitiatorKind.Staff, MatterFlags.None)).Value.ToString());
    }

    [Theory]
    [Trait("Rule", "R6")]
    [InlineData("100.00")]
    [InlineData("3000.01")]
    [InlineData("5000.00")]
    public void DeputysOwnExpense_GoesToAPrincipalAfterOfficeReview_R6(string amount) =>
        Assert.Equal("Review(Office) → Approve(Principal)", RouteOf(Area.Finance, MatterKind.Expense, amount, InitiatorKind.Deputy));

    [Fact]
    [Trait("Rule", "R6")]
    public void DeputysOwnExpense_AboveTheCollectiveLimit_IsReviewedByAPrincipalAndDecidedCollectively_R6() =>
        Assert.Equal("Review(Office) → Review(Principal) → CollectiveDecision(Team)", RouteOf(Area.Finance, MatterKind.Expense, "5000.01", InitiatorKind.Deputy));

    [Fact]
    [Trait("Rule", "R6")]
    public void PrincipalsOwnExpense_IsApprovedByTheDeputyInCharge_AndTheTeamIsInformed_R6() =>
        Assert.Equal("Review(Office) → Approve(DeputyInCharge) → InformTeam(Team)", RouteOf(Area.Finance, MatterKind.Expense, "800", InitiatorKind.Principal));

    [Fact]
    [Trait("Rule", "R6")]
    public void PrincipalsOwnExpense_AboveTheCollectiveLimit_IsDecidedCollectively_R6() =>
        Assert.Equal("Review(Office) → Review(DeputyInCharge) → CollectiveDecision(Team)", RouteOf(Area.Finance, MatterKind.Expense, "9000", InitiatorKind.Principal));

    [Fact]
    [Trait("Rule", "R31")]
    public void ReceptionRequest_IsOfficeReviewThenFinanceDeputyApproval_R31() =>
        Assert.Equal(OfficeThenDeputy, RouteOf(Area.Finance, MatterKind.Reception, "1200", InitiatorKind.Section));

    [Fact]
    [Trait("Rule", "R16")]
    public void SmallPurchasePlan_IsApprovedByTheProcurementDeputy_R16() =>
        Assert.Equal("Approve(DeputyInCharge)", RouteOf(Area.Procurement, MatterKind.PurchasePlan, "2000", InitiatorKind.Section));

    [Fact]
    [Trait("Rule", "R16")]
    public void PurchasePlanAboveP_UpToC_IsCountersignedByTheOffice_R16_R7() =>
        Assert.Equal("Approve(DeputyInCharge) → Countersign(Office)", RouteOf(Area.Procurement, MatterKind.PurchasePlan, "2000.01", InitiatorKind.Section));

    [Fact]
    [Trait("Rule", "R17")]
    public void PurchasePlanAboveC_NeedsAPrincipalsConsent_ThenTheSameDeputyApproves_R17()
    {
        var route = Router.Route(new MatterFacts(Area.Procurement, MatterKind.PurchasePlan, 5_000.01m, InitiatorKind.Section, MatterFlags.None)).Value;
        Assert.Equal("Review(DeputyInCharge) → Consent(Principal) → Approve(DeputyInCharge, same as step 0)", route.ToString());
        Assert.Equal(0, route.Steps[2].SameActorAs);
        Assert.Contains("R17", route.Rules);
    }

    [Theory]
    [Trait("Rule", "R18")]
    [InlineData(InitiatorKind.Section, "1.00")]
    [InlineData(InitiatorKind.Section, "80000")]
    [InlineData(InitiatorKind.Principal, "300")]
    public void CatalogueItem_IsDecidedCollectively_ThenHandedOff_AtAnyAmount_R18(InitiatorKind initiator, string amount) =>
        Assert.Equal("Review(DeputyInCharge) → CollectiveDecision(Team) → HandOff(External)",
            RouteOf(Area.Procurement, MatterKind.PurchasePlan, amount, initiator, MatterFlags.CatalogueItem));

    [Fact]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R6")]
    public void CatalogueItem_ProposedByADeputy_ReachesAPrincipal_NotTheDeputyInCharge_R18_R6() =>
        Assert.Equal("Review(Office) → Review(Principal) → CollectiveDecision(Team) → HandOff(External)",
            RouteOf(Area.Procurement, MatterKind.PurchasePlan, "300", InitiatorKind.Deputy, MatterFlags.CatalogueItem));

    [Fact]
    [Trait("Rule", "R11")]
    [Trait("Rule", "R12")]
    public void Promotion_ReachesACollectiveDecision_ThenPublicNotice_R11_R12() =>
        Assert.Equal("Propose(DeputyInCharge) → Assess(Office) → CollectiveDecision(Team) → PublicNotice(Office)",
            RouteOf(Area.Personnel, MatterKind.Promotion, "0", InitiatorKind.Section));

    [Fact]
    [Trait("Rule", "R14")]
    public void TransferIn_IsAssessed_AndDecidedCollectively_R14() =>
        Assert.Equal("Propose(DeputyInCharge) → Assess(Office) → CollectiveDecision(Team)",
            RouteOf(Area.Personnel, MatterKind.TransferIn, "0", InitiatorKind.Section));

    [Fact]
    [Trait("Rule", "R11")]
    public void PersonnelMatter_ProposedByADeputy_IsAssessedAndDecidedCollectively_WithoutTheDeputyInCharge_R11() =>
        Assert.Equal("Assess(Office) → CollectiveDecision(Team)", RouteOf(Area.Personnel, MatterKind.KeyPostChange, "0", InitiatorKind.Deputy));

    [Fact]
    [Trait("Rule", "R21")]
    [Trait("Rule", "R22")]
    public void ContractorChoice_IsDecidedCollectively_ThroughTheTenderOffice_ThenPublished_R20_R21_R22() =>
        Assert.Equal("Review(DeputyInCharge) → CollectiveDecision(Team) → HandOff(External) → PublicNotice(Office)",
            RouteOf(Area.Construction, MatterKind.ContractorChoice, "1200000", InitiatorKind.Section));

    [Theory]
    [Trait("Rule", "R22")]
    [InlineData(MatterKind.ConstructionProject, InitiatorKind.Section)]
    [InlineData(MatterKind.ConstructionProject, InitiatorKind.Deputy)]
    [InlineData(MatterKind.ContractorChoice, InitiatorKind.Deputy)]
    public void EveryTenderedConstructionMatter_EndsWithTheOfficePublishingTheResult_R22(MatterKind kind, InitiatorKind initiator) =>
        Assert.EndsWith("HandOff(External) → PublicNotice(Office)", RouteOf(Area.Construction, kind, "80000", initiator), StringComparison.Ordinal);

    [Fact]
    [Trait("Rule", "R19")]
    public void VariationOrder_UpToC_IsDeputyApprovalWithPrincipalConsent_AboveCollective()
    {
        Assert.Equal("Approve(DeputyInCharge) → Consent(Principal)", RouteOf(Area.Construction, MatterKind.VariationOrder, "5000", InitiatorKind.Section));
        Assert.Equal("Review(DeputyInCharge) → CollectiveDecision(Team)", RouteOf(Area.Construction, MatterKind.VariationOrder, "5000.01", InitiatorKind.Section));
    }

    [Fact]
    [Trait("Rule", "R19")]
    public void VariationOrder_BeyondTheShareOfTheContract_IsCollective_AtAnyAmount_R19()
    {
        Assert.Equal("Review(DeputyInCharge) → CollectiveDecision(Team)", RouteOf(Area.Construction, MatterKind.VariationOrder, "1", InitiatorKind.Section, MatterFlags.BeyondVariationShare));
        Assert.Equal("Review(Office) → Review(Principal) → CollectiveDecision(Team)", RouteOf(Area.Construction, MatterKind.VariationOrder, "1", InitiatorKind.Deputy, MatterFlags.BeyondVariationShare));
        Assert.Equal("Review(Office) → Approve(Principal)", RouteOf(Area.Construction, MatterKind.VariationOrder, "1", InitiatorKind.Deputy));
    }

    [Fact]
    [Trait("Rule", "R23")]
    public void MajorApprovalItem_HasPrincipalConsent_ThenACollectiveDecision_ThenApproval_R23() =>
        Assert.Equal("Review(DeputyInCharge) → Consent(Principal) → CollectiveDecision(Team) → Approve(DeputyInCharge, same as step 0)",
            RouteOf(Area.AdministrativeApproval, MatterKind.ApprovalItem, "0", InitiatorKind.Staff, MatterFlags.MajorApprovalItem));

    [Fact]
    [Trait("Rule", "R24")]
    public void RoutineApprovalItem_GoesHandlerToSectionHeadToDeputy_R24() =>
        Assert.Equal("Review(role:SectionHead) → Approve(DeputyInCharge)",
            RouteOf(Area.AdministrativeApproval, MatterKind.ApprovalItem, "0", InitiatorKind.Staff));

    [Fact]
    [Trait("Rule", "R2")]
    public void EnforcementAction_IsRoutedOnlyWhenTheCountyEnablesLawEnforcement_R2()
    {
        var facts = new MatterFacts(Area.LawEnforcement, MatterKind.EnforcementAction, 0m, InitiatorKind.Staff, MatterFlags.None);
        Assert.False(Router.Route(facts).IsOk);
        var enabled = CountyBounds.Default with { LawEnforcementEnabled = true };
        Assert.Equal(OfficeThenDeputy, PolicyRouter.Compile(DefaultPolicy.Create(Limits, enabled)).Route(facts).Value.ToString());
    }

    [Theory]
    [Trait("Rule", "R40")]
    [InlineData("0")]
    [InlineData("-5")]
    public void Router_RefusesANonPositiveAmount_R40(string amount)
    {
        var result = Router.Route(new MatterFacts(Area.Finance, MatterKind.Expense, Yuan(amount), InitiatorKind.Staff, MatterFlags.None));
        Assert.False(result.IsOk);
        Assert.Equal("R40", result.Refusal!.RuleId);
        Assert.Contains("non-positive", result.Refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Router_RefusesFlagsThatDoNotApplyToTheKind_R40() =>
        Assert.False(Router.Route(new MatterFacts(Area.Finance, MatterKind.Expense, 10m, InitiatorKind.Staff, MatterFlags.CatalogueItem)).IsOk);

    [Fact]
    [Trait("Rule", "R40")]
    public void Router_RefusesAKindFromAnotherArea_AndUnknownEnumValues_R40()
    {
        Assert.False(Router.Route(new MatterFacts(Area.Finance, MatterKind.Promotion, 10m, InitiatorKind.Staff, MatterFlags.None)).IsOk);
        Assert.False(Router.Route(new MatterFacts((Area)42, MatterKind.Expense, 10m, InitiatorKind.Staff, MatterFlags.None)).IsOk);
        Assert.False(Router.Route(new MatterFacts(Area.Finance, MatterKind.Expense, 10m, (InitiatorKind)9, MatterFlags.None)).IsOk);
        Assert.False(Router.Route(new MatterFacts(Area.Finance, MatterKind.Expense, 10m, InitiatorKind.Staff, (MatterFlags)8)).IsOk);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Router_RefusesAnAmountTwoRulesRoute_R40()
    {
        var overlapping = Default with { Rules = [.. Default.Rules, RuleById("finance-expense-small") with { Id = "copy" }] };
        var result = PolicyRouter.Compile(overlapping).Route(new MatterFacts(Area.Finance, MatterKind.Expense, 100m, InitiatorKind.Staff, MatterFlags.None));
        Assert.Contains("more than one rule", result.Refusal!.Reason, StringComparison.Ordinal);
    }
}
