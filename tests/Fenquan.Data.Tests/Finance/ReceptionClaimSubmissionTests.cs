using Fenquan.Core.Finance;
using Fenquan.Core.Finance.Reception;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Finance;

// A reception's claim is tied to its approved request at submission, on SQLite and PostgreSQL (R31).
public class ReceptionClaimSubmissionTests
{
    private static readonly DateOnly Day1 = new(2026, 2, 20);

    private static SubmitMatter Claim(TestCounty county, decimal amount) =>
        new(county.County, county.Unit, MatterKind.Reception, "市督查组座谈会", amount, Payee.Person(county["吴斌"], "吴斌"), county["吴斌"], InitiatorKind.Section, MatterFlags.None, Day1);

    private static ClaimDetails Details(Guid request, IReadOnlyList<PersonId> attending, params (string Category, decimal Amount, string[] Goods)[] lines) =>
        new([.. lines.Select(l => new ClaimLineInput(l.Category, 1m, l.Amount, l.Amount) { Reception = new ReceptionLineFacts(ReceptionCost.Meal, Day1, 6, 1, l.Goods) })], [])
        {
            Reception = new ReceptionClaimFacts(request, attending),
        };

    [Theory]
    [Trait("Rule", "R31")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AReceptionClaim_NeedsAnApprovedRequestOfItsUnit_IsCheckedLineByLine_AndIsTheRequestsOnlyClaim(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var receptions = new ReceptionOperations(database.Writer);
        var requested = await receptions.RequestAsync(new RequestReception(county.County, county.Unit, county["赵敏"], "公函 sha256:77aa", "市督查组", GuestLevel.County,
            ["来宾1", "来宾2", "来宾3", "来宾4"], [county["赵敏"], county["吴斌"]], Day1, Day1));
        Assert.True(requested.IsOk, requested.ToString());
        var request = requested.Value.Id;
        var meal = ("工作餐", 420m, new[] { "*餐饮服务*餐费" });

        // Not approved yet; without a request at all; another unit's request does not exist.
        MeetingScenario.AssertRefused(await county.Matters.SubmitAsync(Claim(county, 420m), Details(request, [], meal)), "R31", "not approved yet");
        MeetingScenario.AssertRefused(await county.Matters.SubmitAsync(Claim(county, 420m), new ClaimDetails([new("工作餐", 1m, 420m, 420m)], [])), "R31", "names its approved reception request");
        MeetingScenario.AssertRefused(await county.Matters.SubmitAsync(Claim(county, 420m)), "R31", "names its approved reception request");

        // Only the finance deputy in charge approves, once.
        MeetingScenario.AssertRefused(await receptions.ApproveAsync(county.County, county.Unit, request, county["王建国"]), "R31", "deputy in charge of finance");
        Assert.True((await receptions.ApproveAsync(county.County, county.Unit, request, county["张伟"])).IsOk);
        MeetingScenario.AssertRefused(await receptions.ApproveAsync(county.County, county.Unit, request, county["张伟"]), "R31", "approved already");
        Assert.True((await receptions.ApproveAsync(county.County, new UnitId(Guid.CreateVersion7()), request, county["张伟"])).Refusal!.IsNotFound);

        // Checked line by line at submission: baijiu on the invoice under a meal's name, a meal over the
        // standard (80 a person for county-level guests), a colleague not on the request.
        MeetingScenario.AssertRefused(await county.Matters.SubmitAsync(Claim(county, 600m), Details(request, [], ("工作餐", 600m, ["*餐饮服务*餐费", "*酒*白酒 53度"]))), "R31", "白酒");
        MeetingScenario.AssertRefused(await county.Matters.SubmitAsync(Claim(county, 600m), Details(request, [], ("工作餐", 600m, ["*餐饮服务*餐费"]))), "R31", "the county's standard");
        MeetingScenario.AssertRefused(await county.Matters.SubmitAsync(Claim(county, 420m), Details(request, [county["周杰"]], meal)), "R31", "not among the request's accompanying staff");
        MeetingScenario.AssertRefused(await county.Matters.SubmitAsync(Claim(county, 420m) with { UnitId = new UnitId(Guid.CreateVersion7()) }, Details(request, [], meal)), "NotFound", "Unit");

        var claim = await county.Matters.SubmitAsync(Claim(county, 420m), Details(request, [county["吴斌"]], meal));
        Assert.True(claim.IsOk, claim.ToString());
        MeetingScenario.AssertRefused(await county.Matters.SubmitAsync(Claim(county, 420m), Details(request, [], meal)), "R31", "already claimed");

        await using var db = database.Context();
        Assert.Equal(1, await db.Matters.CountAsync(m => m.CountyId == county.County));
        var tied = ReceptionOperations.OfClaim(db, county.County, claim.Value.Id)!;
        Assert.Equal((request, county["张伟"]), (tied.Id, tied.ApprovedBy!.Value));
        Assert.Equal([420m], ClaimOperations.LinesOf(db, county.County, claim.Value.Id).Select(l => l.Amount));
        await database.AssertLedgerIntactAsync();
    }
}
