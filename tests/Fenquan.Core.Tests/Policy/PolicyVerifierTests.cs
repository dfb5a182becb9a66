using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using static Fenquan.Core.Tests.Policy.PolicyTestData;

namespace Fenquan.Core.Tests.Policy;

public class PolicyVerifierTests
{
    private static PolicyVerification Verify(PolicyDocument policy) => PolicyVerifier.Verify(policy, CountyBounds.Default);

    [Fact]
    [Trait("Rule", "R40")]
    [Trait("Rule", "R5")]
    public void PolicyWithAGapBetween3000And5000_FailsNaming3000_01_R40_R5()
    {
        var gap = With(Default, "finance-expense-countersigned", null);
        var failures = Verify(gap).Failures;
        Assert.Equal([InitiatorKind.Staff, InitiatorKind.Section], failures.Select(f => f.Example!.Initiator));
        var failure = failures[0];
        Assert.Equal(VerificationCheck.Complete, failure.Check);
        Assert.Equal(3_000.01m, failure.Example!.Amount);
        Assert.Equal(Area.Finance, failure.Example.Area);
        Assert.Equal(MatterKind.Expense, failure.Example.Kind);
        Assert.Contains("3,000.01", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("R40", failure.RuleIds);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void PolicyThatRoutesOneAmountTwoWays_FailsNamingTheAmount_R40()
    {
        var rule = RuleById("finance-expense-countersigned");
        var overlapping = With(Default, rule.Id!, rule with { Amount = new AmountBand(LimitRef.Of(2_500m), LimitRef.Of(LimitName.Collective)) });
        var failures = Verify(overlapping).Failures;
        Assert.Equal(2, failures.Count(f => f.Check == VerificationCheck.Complete)); // staff and section
        var failure = failures.First(f => f.Check == VerificationCheck.Complete);
        Assert.Equal(2_500.01m, failure.Example!.Amount);
        Assert.Contains("overlap", failure.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Rule", "R4")]
    [InlineData("1999.99")]
    [InlineData("5000.01")]
    public void SmallExpenseLimitOutsideCountyBounds_Fails_R4(string s)
    {
        var policy = DefaultPolicy.Create(new UnitLimits(Yuan(s), 2_000m, 5_000m), CountyBounds.Default);
        var failures = Verify(policy).Failures;
        Assert.Contains(failures, f => f.Check == VerificationCheck.WithinBounds && f.RuleIds.Contains("R4"));
    }

    [Fact]
    [Trait("Rule", "R16")]
    public void PurchaseLimitOutsideCountyBounds_Fails_R16() =>
        Assert.Contains(Verify(Default with { Limits = Limits with { Purchase = 900m } }).Failures,
            f => f.Check == VerificationCheck.WithinBounds && f.RuleIds.Contains("R16"));

    [Fact]
    [Trait("Rule", "R5")]
    public void CollectiveLimitAboveTheCounty_Fails_R5() =>
        Assert.Contains(Verify(Default with { Limits = Limits with { Collective = 8_000m } }).Failures,
            f => f.Check == VerificationCheck.WithinBounds && f.RuleIds.Contains("R5"));

    [Fact]
    [Trait("Rule", "R6")]
    public void RouteWhereAPrincipalApprovesAStaffExpense_IsUnsafe_R6()
    {
        var rule = RuleById("finance-expense-small");
        var policy = With(Default, rule.Id!, rule with { Route = Steps(S(StepKind.Review, ActorSpec.Office), S(StepKind.Approve, ActorSpec.Principal)) });
        var failures = Verify(policy).Failures;
        Assert.Equal([InitiatorKind.Staff, InitiatorKind.Section], failures.Select(f => f.Example!.Initiator));
        var failure = failures[0];
        Assert.Equal(VerificationCheck.Safe, failure.Check);
        Assert.Contains("R6", failure.RuleIds);
        Assert.Equal(1, failure.Example!.StepIndex);
        Assert.Equal(StepKind.Approve, failure.Example.Step!.Kind);
        Assert.Equal(InitiatorKind.Staff, failure.Example.Initiator);
    }

    [Fact]
    [Trait("Rule", "R6")]
    public void DeputysExpenseRoutedOnlyToTheDeputyInCharge_Fails_R6()
    {
        var rule = RuleById("finance-expense-deputy");
        var policy = With(Default, rule.Id!, rule with { Route = Steps(S(StepKind.Review, ActorSpec.Office), S(StepKind.Approve, ActorSpec.DeputyInCharge)) });
        var failures = Verify(policy).Failures;
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Contains("R6", f.RuleIds));
        Assert.Contains(failures, f => f.Reason.Contains("must reach a principal", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Example!.Step == new RouteStep(StepKind.Approve, ActorSpec.DeputyInCharge));
    }

    [Fact]
    [Trait("Rule", "R6")]
    public void PrincipalsExpenseApprovedByAColleaguePrincipal_IsUnsafe_R6()
    {
        var rule = RuleById("finance-expense-principal");
        var policy = With(Default, rule.Id!, rule with { Route = Steps(S(StepKind.Review, ActorSpec.Office), S(StepKind.Approve, ActorSpec.Principal), S(StepKind.InformTeam, ActorSpec.Team)) });
        Assert.Contains(Verify(policy).Failures, f => f.Check == VerificationCheck.Safe && f.Example!.Initiator == InitiatorKind.Principal);
    }

    [Fact]
    [Trait("Rule", "R11")]
    public void RouteThatPrincipalsAloneCouldComplete_IsUnsafe()
    {
        var rule = RuleById("construction-variation");
        var policy = With(Default, rule.Id!, rule with { Route = Steps(S(StepKind.Review, ActorSpec.Principal), S(StepKind.Consent, ActorSpec.Principal), S(StepKind.Approve, ActorSpec.DeputyInCharge)) with { } });
        Assert.True(Verify(policy).IsValid, "control: a deputy still approves");
        var principalsOnly = With(Default, rule.Id!, rule with { Route = Steps(S(StepKind.Review, ActorSpec.TeamMember), S(StepKind.Countersign, ActorSpec.Principal), S(StepKind.PublicNotice, ActorSpec.Office)) });
        Assert.Contains(Verify(principalsOnly).Failures, f => f.Reason.Contains("principals alone", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void DeputyInChargeOnTwoStepsWithoutTheRouteSayingSo_Fails_R7()
    {
        var rule = RuleById("procurement-plan-consent");
        var policy = With(Default, rule.Id!, rule with
        {
            Route = Steps(S(StepKind.Review, ActorSpec.DeputyInCharge), S(StepKind.Consent, ActorSpec.Principal), S(StepKind.Approve, ActorSpec.DeputyInCharge)),
        });
        var failure = Assert.Single(Verify(policy).Failures);
        Assert.Contains("sameActorAs", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(2, failure.Example!.StepIndex);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void SameActorAsPointingAtALaterOrDifferentStep_Fails_R40()
    {
        var rule = RuleById("procurement-plan-consent");
        var policy = With(Default, rule.Id!, rule with
        {
            Route = Steps(S(StepKind.Review, ActorSpec.DeputyInCharge), S(StepKind.Consent, ActorSpec.Principal, same: 0), S(StepKind.Approve, ActorSpec.DeputyInCharge, same: 0)),
        });
        Assert.Contains(Verify(policy).Failures, f => f.Example!.StepIndex == 1 && f.Reason.Contains("sameActorAs", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void EmptyRoute_Fails_R40()
    {
        var rule = RuleById("personnel-promotion");
        Assert.Contains(Verify(With(Default, rule.Id!, rule with { Route = Steps() })).Failures, f => f.Reason.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void RouteWithoutADecidingStep_Fails_R40()
    {
        var rule = RuleById("approval-routine");
        var policy = With(Default, rule.Id!, rule with { Route = Steps(S(StepKind.Review, ActorSpec.Of(Role.SectionHead)), S(StepKind.Review, ActorSpec.DeputyInCharge)) });
        Assert.Contains(Verify(policy).Failures, f => f.Reason.Contains("no deciding step", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "R5")]
    public void FinanceRouteWithoutACollectiveDecisionAboveC_Fails_R5()
    {
        var rule = RuleById("finance-expense-countersigned");
        var policy = With(Default, rule.Id!, rule with { Amount = new AmountBand(LimitRef.Of(LimitName.SmallExpense), LimitRef.Of(10_000m)) });
        policy = With(policy, "finance-expense-collective", RuleById("finance-expense-collective") with { Amount = new AmountBand(LimitRef.Of(10_000m), null) });
        var failure = Verify(policy).Failures[0];
        Assert.Equal(VerificationCheck.Conforms, failure.Check);
        Assert.Contains("R5", failure.RuleIds);
        Assert.Equal(5_000.01m, failure.Example!.Amount);
    }

    [Fact]
    [Trait("Rule", "R18")]
    public void CatalogueItemWithoutHandOff_Fails_R18()
    {
        var rule = RuleById("procurement-catalogue");
        var policy = With(Default, rule.Id!, rule with { Route = Steps(S(StepKind.Review, ActorSpec.DeputyInCharge), S(StepKind.CollectiveDecision, ActorSpec.Team)) });
        Assert.Contains(Verify(policy).Failures, f => f.RuleIds.Contains("R18"));
    }

    [Fact]
    [Trait("Rule", "R22")]
    public void ContractorChoiceWithoutPublishingTheTender_Fails_R22()
    {
        var rule = RuleById("construction-contractor");
        var policy = With(Default, rule.Id!, rule with { Route = Steps(S(StepKind.Review, ActorSpec.DeputyInCharge), S(StepKind.CollectiveDecision, ActorSpec.Team), S(StepKind.HandOff, ActorSpec.External)) });
        var failure = Assert.Single(Verify(policy).Failures, f => f.RuleIds.Contains("R22"));
        Assert.Equal(MatterKind.ContractorChoice, failure.Example!.Kind);
        Assert.Equal("construction-contractor", failure.Example.Rule);
    }

    [Fact]
    [Trait("Rule", "R22")]
    public void APublicNoticeBeforeTheTender_DoesNotPublishItsResult_R22()
    {
        var rule = RuleById("construction-project");
        var policy = With(Default, rule.Id!, rule with
        {
            Route = Steps(S(StepKind.Review, ActorSpec.DeputyInCharge), S(StepKind.PublicNotice, ActorSpec.Office), S(StepKind.CollectiveDecision, ActorSpec.Team), S(StepKind.HandOff, ActorSpec.External)),
        });
        Assert.Contains(Verify(policy).Failures, f => f.RuleIds.Contains("R22"));
        Assert.DoesNotContain(Verify(Default).Failures, f => f.RuleIds.Contains("R22"));
    }

    [Fact]
    [Trait("Rule", "R23")]
    public void MajorApprovalItemWithoutPrincipalConsent_Fails_R23()
    {
        var rule = RuleById("approval-major");
        var policy = With(Default, rule.Id!, rule with { Route = Steps(S(StepKind.Review, ActorSpec.DeputyInCharge), S(StepKind.CollectiveDecision, ActorSpec.Team)) });
        Assert.Contains(Verify(policy).Failures, f => f.RuleIds.Contains("R23"));
    }

    [Fact]
    [Trait("Rule", "R2")]
    public void LawEnforcementEnabled_ButNotRouted_FailsAsAGap_R2()
    {
        var failures = PolicyVerifier.Verify(Default, CountyBounds.Default with { LawEnforcementEnabled = true }).Failures;
        Assert.Contains(failures, f => f.Check == VerificationCheck.Complete && f.Example!.Area == Area.LawEnforcement);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void RuleForAKindOutsideItsArea_Fails_R40()
    {
        var policy = Default with { Rules = [.. Default.Rules, RuleById("finance-expense-small") with { Kind = MatterKind.Promotion, Id = "stray" }] };
        Assert.Contains(Verify(policy).Failures, f => f.Check == VerificationCheck.WellFormed && f.Example!.Rule == "stray");
    }
}
