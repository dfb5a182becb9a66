using Fenquan.Core.Calendar;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Core.Supervision;
using Fenquan.Core.Tests.Matters;

namespace Fenquan.Core.Tests.Supervision;

// R32: efficiency complaints go to the unit's discipline member, never to the person complained of;
// about a principal or the discipline member, to the county's discipline inspection; 30 working days,
// extendable once with a reason by up to 30; rated on the five levels of 好差评 after the reply.
[Trait("Rule", "R32")]
public class EfficiencyComplaintTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly PersonId Inspection = PersonId.New();

    private static TestOrg Org() => TestOrg.Township().With("郑纪", Role.DisciplineMember);

    private static Result<EfficiencyComplaint> File(TestOrg org, string? about, ComplaintChannel channel = ComplaintChannel.PublicForm, string? order = null, string? enteredBy = null, PersonId? inspection = null) =>
        EfficiencyComplaint.File(org.County, org.Unit, about is null ? null : org[about], "办件拖延，多次催办无果", "群众", channel, order, null, enteredBy is null ? null : org[enteredBy],
            "TS2026030200000001", "CODE", org.View(), inspection ?? Inspection, Now, Today);

    [Fact]
    public void AComplaintAboutStaff_GoesToTheUnitsDisciplineMember_AndIsNeverSeenByThePersonComplainedOf()
    {
        var org = Org();
        var complaint = File(org, "孙磊").Value;
        Assert.Equal((ComplaintRoute.UnitDiscipline, org["郑纪"]), (complaint.Route, complaint.HandlerId));
        Assert.True(complaint.MaySee(org["郑纪"], org.View(), Today));
        Assert.False(complaint.MaySee(org["孙磊"], org.View(), Today));
        Assert.False(complaint.MaySee(org["张建国"], org.View(), Today)); // a principal does not read the unit's complaints
    }

    [Theory]
    [InlineData("张建国")] // a principal
    [InlineData("李秀英")] // the other principal
    [InlineData("郑纪")]   // the discipline member
    public void AComplaintAboutAPrincipalOrTheDisciplineMember_GoesToTheCounty_AndTheyNeverSeeIt(string about)
    {
        var org = Org();
        var complaint = File(org, about).Value;
        Assert.Equal((ComplaintRoute.CountyDisciplineInspection, Inspection), (complaint.Route, complaint.HandlerId));
        Assert.True(complaint.MaySee(Inspection, org.View(), Today));
        Assert.False(complaint.MaySee(org[about], org.View(), Today));
        Assert.False(complaint.MaySee(org["郑纪"], org.View(), Today));
        Assert.Equal("NotFound", complaint.Answer(org[about], "已整改", org.View(), Now, Today).Refusal?.RuleId);
    }

    [Fact]
    public void WithoutACountyInspection_AComplaintForTheCounty_IsRefused_NotLeftWithNoOne()
    {
        var org = Org();
        var refused = EfficiencyComplaint.File(org.County, org.Unit, org["张建国"], "拖延", string.Empty, ComplaintChannel.PublicForm, null, null, null, "TS1", "C", org.View(), null, Now, Today);
        Assert.Equal("R32.NoCountyInspection", refused.Refusal?.Key);
    }

    [Fact]
    public void AHotlineOrder_CarriesItsNumber_AndIsEnteredByStaff()
    {
        var org = Org();
        Assert.Equal("R32.HotlineOrderMissing", File(org, null, ComplaintChannel.Hotline12345, enteredBy: "孙磊").Refusal?.Key);
        Assert.Equal("R32.EnteredByStaff", File(org, null, ComplaintChannel.Hotline12345, "GD20260302001").Refusal?.Key);
        Assert.Equal("GD20260302001", File(org, null, ComplaintChannel.Hotline12345, "GD20260302001", "孙磊").Value.HotlineOrder);
    }

    [Fact]
    [Trait("Rule", "R46")]
    public void ThirtyWorkingDays_ExtendableOnce_WithAReason_ByUpToThirty()
    {
        var org = Org();
        var complaint = File(org, "孙磊").Value;
        var calendar = new WorkingCalendar(OfficialCalendars.Shipped);
        Assert.Equal(TimeLimit.Working(30), complaint.Limit);
        Assert.Equal("R32.ExtensionLimit", complaint.Extend(org["郑纪"], 31, "案情复杂", org.View(), Today).Refusal?.Key);
        Assert.Equal("R32.ExtensionLimit", complaint.Extend(org["郑纪"], 10, " ", org.View(), Today).Refusal?.Key);
        Assert.True(complaint.Extend(org["郑纪"], 30, "需调取外单位材料", org.View(), Today).IsOk);
        Assert.Equal("R32.ExtendedOnce", complaint.Extend(org["郑纪"], 5, "再延", org.View(), Today).Refusal?.Key);
        Assert.Equal(TimeLimit.Working(60), complaint.Limit);

        // Filed Monday 2 March 2026: 60 working days run to 28 May (Qingming and May Day not counted, 9 May worked).
        Assert.Equal(new DateOnly(2026, 5, 28), complaint.Limit.DueOn(Today, calendar));
        Assert.Equal(LimitColour.Red, complaint.StatusOn(new DateOnly(2026, 5, 29), calendar, LimitWatch.Default).Colour);
    }

    [Fact]
    public void TheComplainant_RatesTheReply_OnceOnTheFiveLevels()
    {
        var org = Org();
        var complaint = File(org, "孙磊").Value;
        Assert.Equal("R32.RateAfterReply", complaint.Rate(ServiceRating.Satisfied, Now).Refusal?.Key);
        Assert.True(complaint.Answer(org["郑纪"], "已督促承办人当日办结，并予以批评教育", org.View(), Now, Today).IsOk);
        Assert.Equal("R32.AlreadyAnswered", complaint.Answer(org["郑纪"], "再答复", org.View(), Now, Today).Refusal?.Key);
        Assert.Equal("R32.RatedOnce", complaint.Rate((ServiceRating)6, Now).Refusal?.Key);
        Assert.True(complaint.Rate(ServiceRating.Basic, Now).IsOk);
        Assert.Equal("R32.RatedOnce", complaint.Rate(ServiceRating.VerySatisfied, Now).Refusal?.Key);
        Assert.Equal(5, Enum.GetValues<ServiceRating>().Length);
    }
}
