using Fenquan.Core.CountyChanges;
using Fenquan.Core.Finance.Reception;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;

namespace Fenquan.Core.Tests.Finance.Reception;

// R31: official reception within the county's standards; no banquets or gifts, whatever the claim is called.
public class ReceptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 11, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Day1 = new(2026, 5, 12);

    private readonly TestOrg _org = TestOrg.Township();

    private Result<ReceptionRequest> Request(int guests, params string[] staff) =>
        ReceptionRequest.Create(new RequestReception(_org.County, _org.Unit, _org["周敏"], "公函 sha256:9f2c", "市农业农村局", GuestLevel.County,
            [.. Enumerable.Range(1, guests).Select(i => "来宾" + i)], [.. staff.Select(s => _org[s])], Day1, Day1.AddDays(1)), ReceptionStandards.Default, _org.View(), Now);

    private Outcome Claim(ReceptionRequest request, IReadOnlyCollection<PersonId>? attending = null, params ReceptionLine[] lines) =>
        ReceptionClaim.Check(request, lines, attending ?? [], ReceptionStandards.Default, _org.View());

    private static ReceptionLine Meal(int number, int persons, decimal amount, params string[] goods) =>
        new(number, ReceptionCost.Meal, "工作餐", Day1, persons, 1, amount, goods);

    private static void AssertRefused(Outcome outcome, string key)
    {
        Assert.False(outcome.IsOk, "expected " + key);
        Assert.Equal(key, outcome.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R31")]
    public void ARequest_NeedsTheOfficialLetter_AndAtMost3StaffForUpTo10Guests_OneThirdAbove()
    {
        var noLetter = ReceptionRequest.Create(new RequestReception(_org.County, _org.Unit, _org["周敏"], " ", "市农业农村局", GuestLevel.County, ["张三"], [], Day1, Day1), ReceptionStandards.Default, _org.View(), Now);
        Assert.Equal("R31.LetterRequired", noLetter.Refusal!.Key);

        Assert.True(Request(10, "周敏", "吴斌", "孙磊").IsOk);
        Assert.Equal("R31.TooManyStaff", Request(10, "周敏", "吴斌", "孙磊", "郑芳").Refusal!.Key);
        Assert.True(Request(12, "周敏", "吴斌", "孙磊", "郑芳").IsOk);            // 12 guests: a third is 4
        Assert.Equal("R31.TooManyStaff", Request(11, "周敏", "吴斌", "孙磊", "郑芳").Refusal!.Key); // 11 guests: 3
        var stranger = ReceptionRequest.Create(new RequestReception(_org.County, _org.Unit, _org["周敏"], "公函", "市农业农村局", GuestLevel.County, ["张三"], [PersonId.New()], Day1, Day1), ReceptionStandards.Default, _org.View(), Now);
        Assert.Equal(Refusal.InvalidId, stranger.Refusal!.RuleId);
    }

    [Fact]
    [Trait("Rule", "R31")]
    public void TheStaffRule_IsTheCountys()
    {
        var strict = ReceptionStandards.Default with { StaffUpToSmallGroup = 2, StaffShareAbove = 4 };
        Assert.Equal((2, 2, 5), (strict.StaffAllowed(10), strict.StaffAllowed(9), strict.StaffAllowed(20)));
        Assert.Equal(strict.ToJson(), ReceptionStandards.FromJson(strict.ToJson()).Value.ToJson());
        Assert.False(ReceptionStandards.FromJson("""{"levels":[{"level":"county","mealPerPerson":80,"accommodationPerNight":350}]}""").IsOk); // every level is named
        Assert.True(CountyChangePayload.Normalise(CountyChangeSubject.ReceptionStandards, ReceptionStandards.Default.ToJson()).IsOk);
    }

    [Fact]
    [Trait("Rule", "R31")]
    public void ALineOverTheStandard_IsRefused_NamingR31()
    {
        var request = Request(4, "周敏", "吴斌").Value;
        Assert.True(Claim(request, [_org["周敏"]], Meal(1, 6, 480m), new ReceptionLine(2, ReceptionCost.Accommodation, "住宿费", Day1, 4, 1, 1_400m, ["住宿服务*住宿费"])).IsOk);
        AssertRefused(Claim(request, null, Meal(1, 6, 480.60m)), "R31.OverStandard");   // 80.10 a person
        AssertRefused(Claim(request, null, new ReceptionLine(1, ReceptionCost.Accommodation, "住宿费", Day1, 4, 2, 2_900m, ["住宿服务*住宿费"])), "R31.OverStandard"); // 362.50 a night
        AssertRefused(Claim(request, null, Meal(1, 7, 420m)), "R31.MorePeopleThanRequest");
        AssertRefused(Claim(request, null, Meal(1, 6, 300m) with { Day = Day1.AddDays(5) }), "R31.OutsideRequestDays");
    }

    [Theory]
    [Trait("Rule", "R31")]
    [InlineData("餐饮服务*餐费", "酒类*53度飞天茅台酒")]
    [InlineData("餐饮服务*餐费", "酒水")]
    [InlineData("餐饮服务*餐费", "*烟草制品*中华(软)卷烟")]
    [InlineData("会议服务*会务费", "*日用杂品*购物卡")]
    [InlineData("培训服务*培训费", "*文化服务*KTV包厢费")]
    [InlineData("服务费", "*生活服务*洗浴服务")]
    [InlineData("餐饮服务*餐费", "*酒*五粮液")]
    public void Alcohol_Cigarettes_Gifts_AndEntertainment_AreFoundInTheInvoicesGoodsLines_WhateverTheCategory(string first, string second)
    {
        var request = Request(4, "周敏").Value;
        var line = new ReceptionLine(1, ReceptionCost.Other, "会议费", Day1, 5, 1, 300m, [first, second]);
        var refused = Claim(request, null, line);
        AssertRefused(refused, "R31.ProhibitedGoods");
        Assert.Contains(second, refused.Refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R31")]
    public void AHotelsName_IsNotAlcohol_ButItsBarIs()
    {
        Assert.Null(ProhibitedGoods.Find("清河大酒店*住宿服务*住宿费"));
        Assert.Null(ProhibitedGoods.Find("*餐饮服务*餐费（清河酒楼）"));
        Assert.Equal("啤酒", ProhibitedGoods.Find("清河大酒店*酒类*啤酒"));
        Assert.Equal("KTV", ProhibitedGoods.Find("*文化服务*ktv包厢"));
    }

    [Fact]
    [Trait("Rule", "R31")]
    public void EveryAccompanyingPerson_IsOnTheRequest()
    {
        var request = Request(4, "周敏").Value;
        AssertRefused(Claim(request, [_org["周敏"], _org["吴斌"]], Meal(1, 5, 300m)), "R31.StaffNotOnRequest");
    }
}
