using Fenquan.Core.Matters;
using Fenquan.Core.Calendar;
using Fenquan.Core.Licensing;
using Fenquan.Core.Organization;
using Fenquan.Core.Tests.Matters;

namespace Fenquan.Core.Tests.Licensing;

// An application without an account (R24) on the official calendar (R46): accepted, refused with
// reasons, or told at once everything missing within the acceptance limit; paused for a hearing;
// each step with its limit; the fee exactly the published standard; personal data for the unit only.
public class ApprovalApplicationTests
{
    private static readonly WorkingCalendar Calendar = new(OfficialCalendars.Shipped);
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Applicant Citizen = new(ApplicantKind.Person, "王小明", "11010519491231002X", "13800000000");

    private static (TestOrg Org, ApprovalItemEntry Item) Setup(decimal? fee = null)
    {
        var org = TestOrg.Township().With("郑纪", Role.DisciplineMember);
        var item = new ApprovalItemEntry("QH-XK-001", "农村村民宅基地审批", "《中华人民共和国土地管理法》第六十二条", 20, fee is null ? "不收费" : "按标准收费", false,
            "宅基地审批", [new ProcedureStep("审查", 15), new ProcedureStep("决定", 5)], ["申请书", "身份证明", "村民会议意见"], org.Unit.Value, FeeYuan: fee);
        return (org, item);
    }

    private static ApprovalApplication Submit(ApprovalItemEntry item, IEnumerable<string>? documents = null) =>
        ApprovalApplication.Submit(Core.Primitives.CountyId.New(), item, Citizen, documents ?? item.Documents, "2026030212345678", "SECRETCODE123456", IdentityCheck.NotVerified, Now, Monday).Value;

    [Fact]
    [Trait("Rule", "R24")]
    public void TheFollowUpCode_IsKeptOnlyAsAHash_AndOpensOnlyItsApplication()
    {
        var (_, item) = Setup();
        var application = Submit(item);
        Assert.DoesNotContain("SECRETCODE123456", application.FollowUpCodeHash, StringComparison.Ordinal);
        Assert.Equal(64, application.FollowUpCodeHash.Length);
        Assert.True(application.Opens("SECRETCODE123456"));
        Assert.False(application.Opens("SECRETCODE123457"));
        Assert.False(application.Opens(null));
    }

    [Theory]
    [Trait("Rule", "R24")]
    [InlineData(ApplicantKind.Person, "11010519491231002X", true)]
    [InlineData(ApplicantKind.Person, "110105194912310021", false)] // wrong check digit
    [InlineData(ApplicantKind.Company, "91130522MA0ABCDE1G", true)]
    [InlineData(ApplicantKind.Company, "91130522MA0ABCDE1H", false)]
    [InlineData(ApplicantKind.Company, "11010519491231002X", false)]
    public void AnApplicant_IsNamedWithANumberOfValidForm(ApplicantKind kind, string number, bool valid) =>
        Assert.Equal(valid, new Applicant(kind, "申请人", number, string.Empty).Check().IsOk);

    [Fact]
    [Trait("Rule", "R24")]
    [Trait("Rule", "R46")]
    public void MissingDocuments_AreAskedForAllAtOnce_WithinTheAcceptanceLimit()
    {
        var (org, item) = Setup();
        var application = Submit(item, ["申请书"]);
        var clerk = org["孙磊"];

        Assert.Equal("R24.CorrectionNamesDocuments", application.RequestCorrection(clerk, [], org.View(), Now, Monday, Calendar).Refusal?.Key);
        Assert.True(application.RequestCorrection(clerk, ["身份证明", "村民会议意见"], org.View(), Now, Monday.AddDays(1), Calendar).IsOk);
        Assert.Equal(ApplicationState.AwaitingCorrection, application.State);
        Assert.Equal(["身份证明", "村民会议意见"], application.StatusOn(Monday.AddDays(2), Calendar, LimitWatch.Default).MissingDocuments);

        // 一次性告知: after the applicant hands them in (a new acceptance round starts), the unit cannot
        // ask for more; it accepts or refuses with reasons.
        Assert.True(application.Correct(["身份证明", "村民会议意见"], Now, Monday.AddDays(3)).IsOk);
        Assert.Equal(Monday.AddDays(3), application.RoundStartedOn);
        Assert.Equal(ApplicationState.Submitted, application.State);
        Assert.Equal("R24.CorrectionOnlyOnce", application.RequestCorrection(clerk, ["村民会议意见（盖章）"], org.View(), Now, Monday.AddDays(4), Calendar).Refusal?.Key);
        Assert.True(application.Accept(clerk, org.View(), Now, Monday.AddDays(4)).IsOk);
    }

    [Fact]
    [Trait("Rule", "R24")]
    [Trait("Rule", "R46")]
    public void AfterTheAcceptanceLimit_NoCorrectionCanBeAsked()
    {
        var (org, item) = Setup();
        var application = Submit(item, ["申请书"]);
        // Submitted Monday 2 March 2026: five working days end Monday 9 March; Tuesday 10 March is too late.
        Assert.Equal("R24.CorrectionTooLate", application.RequestCorrection(org["孙磊"], ["身份证明"], org.View(), Now, new DateOnly(2026, 3, 10), Calendar).Refusal?.Key);
        Assert.Equal(LimitColour.Red, application.StatusOn(new DateOnly(2026, 3, 10), Calendar, LimitWatch.Default).Colour);
        Assert.Equal(LimitColour.Yellow, application.StatusOn(new DateOnly(2026, 3, 6), Calendar, LimitWatch.Default).Colour);
    }

    [Fact]
    [Trait("Rule", "R24")]
    [Trait("Rule", "R2")]
    public void OnlyTheUnitsHandlers_ActOnIt_NeverAPrincipalOrTheDisciplineMember()
    {
        var (org, item) = Setup();
        var application = Submit(item);
        Assert.Equal("R24.NotHandler", application.Accept(org["张建国"], org.View(), Now, Monday).Refusal?.Key);
        Assert.Equal("R24.NotHandler", application.Accept(org["郑纪"], org.View(), Now, Monday).Refusal?.Key);
        Assert.True(application.Accept(org["赵丽"], org.View(), Now, Monday).IsOk); // the deputy in charge of approval
        Assert.Equal(org["赵丽"], application.HandlerId);
    }

    [Fact]
    [Trait("Rule", "R24")]
    [Trait("Rule", "R46")]
    public void AHearing_PausesTheClock_AndEachStepHasItsLimit()
    {
        var (org, item) = Setup();
        var application = Submit(item);
        var clerk = org["孙磊"];
        Assert.True(application.Accept(clerk, org.View(), Now, Monday).IsOk);

        // Ten working days later (Monday 16 March): ten used of twenty, ten of the step's fifteen.
        var status = application.StatusOn(new DateOnly(2026, 3, 16), Calendar, LimitWatch.Default);
        Assert.Equal(("审查", 10, 10, 10), (status.Stage, status.Used, status.Left, status.StepUsed));

        // A hearing from that day to Friday 27 March: those nine working days do not count (Art. 45).
        Assert.Equal("R46.PauseNeedsReason", application.Pause(clerk, PauseReason.Hearing, " ", org.View(), Now, new DateOnly(2026, 3, 16)).Refusal?.Key);
        Assert.True(application.Pause(clerk, PauseReason.Hearing, "申请人要求听证", org.View(), Now.AddDays(14), new DateOnly(2026, 3, 16)).IsOk);
        Assert.Equal("R46.ClockPaused", application.CompleteStep(clerk, string.Empty, true, org.View(), Now.AddDays(15), new DateOnly(2026, 3, 17)).Refusal?.Key);
        Assert.Equal(10, application.StatusOn(new DateOnly(2026, 3, 25), Calendar, LimitWatch.Default).Used);
        Assert.Equal(PauseReason.Hearing, application.StatusOn(new DateOnly(2026, 3, 25), Calendar, LimitWatch.Default).PausedFor);
        Assert.True(application.Resume(clerk, org.View(), Now.AddDays(25), new DateOnly(2026, 3, 27)).IsOk);
        Assert.Equal(11, application.StatusOn(new DateOnly(2026, 3, 30), Calendar, LimitWatch.Default).Used);

        // The step's limit: 15 working days, exceeded on the 16th day counted: red, although the item's 20 are not.
        var late = application.StatusOn(new DateOnly(2026, 4, 7), Calendar, LimitWatch.Default);
        Assert.Equal(16, late.StepUsed);
        Assert.Equal(LimitColour.Red, late.Colour);

        Assert.True(application.CompleteStep(clerk, "材料齐全", true, org.View(), Now.AddDays(37), new DateOnly(2026, 4, 8)).IsOk);
        Assert.Equal("决定", application.StatusOn(new DateOnly(2026, 4, 8), Calendar, LimitWatch.Default).Stage);
        Assert.True(application.CompleteStep(clerk, "准予", true, org.View(), Now.AddDays(38), new DateOnly(2026, 4, 9)).IsOk);
        Assert.Equal(ApplicationState.Completed, application.State);
        Assert.Equal([ApplicationEventKind.Submitted, ApplicationEventKind.Accepted, ApplicationEventKind.PauseStarted, ApplicationEventKind.PauseEnded, ApplicationEventKind.StepCompleted, ApplicationEventKind.Granted],
            application.Events.Select(e => e.Kind));
    }

    [Fact]
    [Trait("Rule", "R24")]
    public void AFee_IsExactlyThePublishedStandard_AndAFreeItemChargesNothing()
    {
        var (org, free) = Setup();
        var application = Submit(free);
        var clerk = org["孙磊"];
        Assert.True(application.Accept(clerk, org.View(), Now, Monday).IsOk);
        Assert.Equal("R24.ItemIsFree", application.ChargeFee(clerk, 10m, org.View(), Now, Monday).Refusal?.Key);

        var (org2, paid) = Setup(fee: 50m);
        var charged = Submit(paid);
        var clerk2 = org2["孙磊"];
        Assert.True(charged.Accept(clerk2, org2.View(), Now, Monday).IsOk);
        Assert.True(charged.CompleteStep(clerk2, string.Empty, true, org2.View(), Now, Monday).IsOk);
        Assert.Equal("R24.FeeNotCharged", charged.CompleteStep(clerk2, string.Empty, true, org2.View(), Now, Monday).Refusal?.Key);
        Assert.Equal("R24.FeeNotStandard", charged.ChargeFee(clerk2, 60m, org2.View(), Now, Monday).Refusal?.Key);
        Assert.Equal("R24.FeeNotStandard", charged.ChargeFee(clerk2, 49.99m, org2.View(), Now, Monday).Refusal?.Key);
        Assert.True(charged.ChargeFee(clerk2, 50m, org2.View(), Now, Monday).IsOk);
        Assert.Equal("R24.FeeNotStandard", charged.ChargeFee(clerk2, 50m, org2.View(), Now, Monday).Refusal?.Key); // once
        Assert.True(charged.CompleteStep(clerk2, string.Empty, true, org2.View(), Now, Monday).IsOk);
    }

    [Fact]
    [Trait("Rule", "R24")]
    public void ARefusal_GivesReasons_AndApplicantData_IsTheUnitsOnly()
    {
        var (org, item) = Setup();
        var application = Submit(item);
        Assert.Equal("R24.RefusalNeedsReasons", application.Refuse(org["孙磊"], " ", org.View(), Now, Monday).Refusal?.Key);
        Assert.True(application.Refuse(org["孙磊"], "申请人不是本集体经济组织成员", org.View(), Now, Monday).IsOk);
        Assert.Equal(ApplicationState.Refused, application.State);

        Assert.True(application.MaySeeApplicant(org["郑纪"], org.View(), Monday));
        Assert.False(application.MaySeeApplicant(Core.Primitives.PersonId.New(), org.View(), Monday));
        Assert.False(application.MaySeeApplicant(null, org.View(), Monday));
    }

    [Fact]
    [Trait("Rule", "R23")]
    public void AMajorItem_IsReferredToTheTeamAtItsLastStep_AndDecidedOnlyAsTheTeamDecided()
    {
        var (org, routine) = Setup();
        var item = routine with { IsMajor = true };
        var clerk = org["孙磊"];
        var application = Submit(item);
        Assert.True(application.Accept(clerk, org.View(), Now, Monday).IsOk);

        // Not before the procedure's review is done, and a routine item never goes to the team.
        Assert.Equal("R23.ReferAtLastStep", application.ReferToTeam(clerk, Guid.NewGuid(), org.View(), Now, Monday).Refusal?.Key);
        var routineApplication = Submit(routine);
        Assert.True(routineApplication.Accept(clerk, org.View(), Now, Monday).IsOk);
        Assert.Equal("R23.NotMajor", routineApplication.ReferToTeam(clerk, Guid.NewGuid(), org.View(), Now, Monday).Refusal?.Key);

        Assert.True(application.CompleteStep(clerk, "审查完毕", grant: true, org.View(), Now, Monday).IsOk);

        // The handler alone may neither grant nor refuse it, whatever the team has (not) said.
        foreach (var undecided in new MatterState?[] { null, MatterState.Pending, MatterState.Returned })
        {
            Assert.Equal("R23.TeamDecides", application.CompleteStep(clerk, "准予", grant: true, org.View(), Now, Monday, undecided).Refusal?.Key);
            Assert.Equal("R23.TeamDecides", application.Refuse(clerk, "不予许可", org.View(), Now, Monday, undecided).Refusal?.Key);
        }

        // A principal never refers it (R2: not directly in charge); the handler does, once.
        Assert.Equal("R24.NotHandler", application.ReferToTeam(org["张建国"], Guid.NewGuid(), org.View(), Now, Monday).Refusal?.Key);
        var matter = Guid.NewGuid();
        Assert.True(application.ReferToTeam(clerk, matter, org.View(), Now, Monday).IsOk);
        Assert.Equal(matter, application.DecisionMatterId);
        Assert.Equal("R23.AlreadyReferred", application.ReferToTeam(clerk, Guid.NewGuid(), org.View(), Now, Monday, MatterState.Pending).Refusal?.Key);

        // The team approved: refusing it now is refused, granting it is what the team decided.
        Assert.Equal("R23.TeamDecides", application.Refuse(clerk, "不予许可", org.View(), Now, Monday, MatterState.Approved).Refusal?.Key);
        Assert.True(application.CompleteStep(clerk, "准予", grant: true, org.View(), Now, Monday, MatterState.Approved).IsOk);
        Assert.Equal(ApplicationState.Completed, application.State);
        Assert.Contains(application.Events, e => e.Kind == ApplicationEventKind.ReferredToTeam);
    }

    [Fact]
    [Trait("Rule", "R23")]
    public void AMajorItemTheTeamRejected_IsRefused_AndAWithdrawnReferralMayBeMadeAgain()
    {
        var (org, routine) = Setup();
        var application = Submit(routine with { IsMajor = true, Procedure = [new ProcedureStep("审查并决定", 20)] });
        var clerk = org["孙磊"];
        Assert.True(application.Accept(clerk, org.View(), Now, Monday).IsOk);
        Assert.True(application.ReferToTeam(clerk, Guid.NewGuid(), org.View(), Now, Monday).IsOk);
        var again = Guid.NewGuid();
        Assert.True(application.ReferToTeam(clerk, again, org.View(), Now, Monday, MatterState.Withdrawn).IsOk);
        Assert.Equal(again, application.DecisionMatterId);

        Assert.Equal("R23.TeamDecides", application.CompleteStep(clerk, "准予", grant: true, org.View(), Now, Monday, MatterState.Rejected).Refusal?.Key);
        Assert.True(application.Refuse(clerk, "经班子集体研究，不予许可", org.View(), Now, Monday, MatterState.Rejected).IsOk);
        Assert.Equal(ApplicationState.Refused, application.State);
    }
}
