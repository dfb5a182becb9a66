using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;
using Fenquan.Core.Tests.Meetings;

namespace Fenquan.Core.Tests.Primitives;

// Issue 11, point 8: the refusals of a matter's steps, a meeting and the policy router carry a
// message key and named arguments; Reason stays the English rendering the other tests read.
public class MatterAndMeetingRefusalKeyTests
{
    private readonly TestOrg _org = TestOrg.Township();

    private readonly MeetingFixture _meetings;

    public MatterAndMeetingRefusalKeyTests() => _meetings = new MeetingFixture(_org);

    private Matter StaffExpense(Payee? payee = null) =>
        _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense, payee);

    [Fact]
    [Trait("Rule", "R43")]
    public void ChairSpeaksBeforeTheOthers_PrincipalSpeaksLast_NamesWhoIsStillToSpeak()
    {
        var matter = _meetings.CollectiveExpense();
        var meeting = _meetings.Schedule();
        var item = _meetings.Add(meeting, matter);
        _meetings.Open(meeting);
        _meetings.Attend(meeting, MeetingFixture.Team);
        _meetings.Said(meeting, item, "王志强");

        var refusal = _meetings.Say(meeting, item, "张建国").Refusal!;

        Assert.Equal("R43.PrincipalSpeaksLast", refusal.Key);
        Assert.Equal("张建国", refusal.Argument("speaker"));
        Assert.Equal("the chairing principal", refusal.Argument("role"));
        Assert.Equal("李秀英、刘海燕、陈明、杨伟、赵丽、黄涛", refusal.Argument("waiting"));
        Assert.Contains("末位表态", refusal.Reason, StringComparison.Ordinal);
        Assert.EndsWith("still to speak: 李秀英、刘海燕、陈明、杨伟、赵丽、黄涛.", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void PrincipalApprovesFinanceStep_PrincipalNotInCharge_NamesTheDeputyInCharge()
    {
        var matter = StaffExpense();
        _org.Done(matter, "周敏", ActionKind.Review);

        var refusal = _org.Act(matter, "张建国", ActionKind.Approve).Refusal!;

        Assert.Equal("R4.PrincipalNotInCharge", refusal.Key);
        Assert.Equal("张建国", refusal.Argument("person"));
        Assert.Equal("王志强", refusal.Argument("deputy"));
        Assert.Equal("Finance", refusal.Argument("area"));
        Assert.Contains("(王志强) acts on step 2 of 2", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R6")]
    public void PayeeApproves_PayeeActs_NamesThePayee()
    {
        var matter = StaffExpense(Payee.Person(_org["王志强"], "王志强"));
        _org.Done(matter, "周敏", ActionKind.Review);

        var refusal = _org.Act(matter, "王志强", ActionKind.Approve).Refusal!;

        Assert.Equal("R6.PayeeActs", refusal.Key);
        Assert.Equal([new RefusalArgument("person", "王志强")], refusal.Arguments);
        Assert.Equal("王志强 is paid by this matter; nobody approves or acts on a matter that pays them.", refusal.Reason);
    }

    [Fact]
    [Trait("Rule", "R43")]
    public void PayingAboveTheDecidedAmount_ExecutionAboveDecided_NamesBothAmounts()
    {
        var matter = _meetings.CollectiveExpense();
        _meetings.DecideInMeeting(matter, 10_000m);

        var refusal = matter.CheckExecution(10_500m, matter.Payee).Refusal!;

        Assert.Equal("R43.ExecutionAboveDecided", refusal.Key);
        Assert.Equal("10,500.00", refusal.Argument("amount"));
        Assert.Equal("10,000.00", refusal.Argument("decided"));
        Assert.Equal(matter.DecidedTerms!.MeetingReference, refusal.Argument("meeting"));
        Assert.StartsWith("Paying 10,500.00 exceeds the 10,000.00 the meeting decided (", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void RouterGivenANonPositiveAmount_NonPositiveAmount_NamesTheFacts()
    {
        var router = PolicyRouter.Compile(DefaultPolicy.Create(DefaultPolicy.ExampleLimits, CountyBounds.Default));

        var refusal = router.Route(new MatterFacts(Area.Finance, MatterKind.Expense, 0m, InitiatorKind.Staff, MatterFlags.None)).Refusal!;

        Assert.Equal("R40.NonPositiveAmount", refusal.Key);
        Assert.Equal("0.00", refusal.Argument("amount"));
        Assert.Equal("The matter (Finance, Expense, 0.00, initiated by Staff, flags None) has a non-positive amount; it is refused until the policy routes it.", refusal.Reason);
    }
}
