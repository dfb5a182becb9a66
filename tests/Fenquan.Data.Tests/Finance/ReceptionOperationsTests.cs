using Fenquan.Core.CountyChanges;
using Fenquan.Core.Finance.Reception;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Finance;

// Official reception on SQLite and PostgreSQL (R31): the county's standards change under four eyes, requests are ledgered, claims are checked against them.
public class ReceptionOperationsTests
{
    private static readonly DateOnly Day1 = new(2026, 3, 10);

    [Theory]
    [Trait("Rule", "R31")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheCountysStandards_DecideTheStaffRuleAndTheLimits_AndAClaimIsCheckedAgainstItsRequest(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var receptions = new ReceptionOperations(database.Writer);
        RequestReception Request(int guests, params string[] staff) =>
            new(county.County, county.Unit, county["赵敏"], "公函 sha256:77aa", "市财政局", GuestLevel.County, [.. Enumerable.Range(1, guests).Select(i => "来宾" + i)], [.. staff.Select(s => county[s])], Day1, Day1);

        // The defaults allow 3 staff for 6 guests; the county tightens it to 2 (one official proposes, another confirms).
        Assert.True((await receptions.RequestAsync(Request(6, "赵敏", "吴斌", "周杰"))).IsOk);
        var changes = new CountyChangeOperations(database.Writer);
        var inspector = (await county.Organization.AddPersonAsync(county.County, "钱正清")).Value.Id;
        Assert.True((await changes.NameDisciplineInspectionAsync(county.County, inspector, new CountyOfficial("admin", "王强"))).IsOk); // R29: county changes are notified to it
        var strict = ReceptionStandards.Default with { StaffUpToSmallGroup = 2, Levels = [.. ReceptionStandards.Default.Levels.Select(l => l.Level == GuestLevel.County ? l with { MealPerPerson = 60m } : l)] };
        var proposed = await changes.ProposeAsync(county.County, CountyChangeSubject.ReceptionStandards, strict.ToJson(), "接待标准调整", new CountyOfficial("admin", "王强"));
        Assert.True(proposed.IsOk, proposed.ToString());
        await using (var before = database.Context())
        {
            Assert.Equal(3, ReceptionOperations.StandardsInForce(before, county.County).StaffUpToSmallGroup); // not in force until confirmed
        }

        Assert.True((await changes.ConfirmAsync(county.County, proposed.Value.Id, new CountyOfficial("admin2", "李静"))).IsOk);
        MeetingScenario.AssertRefused(await receptions.RequestAsync(Request(6, "赵敏", "吴斌", "周杰")), "R31", "at most 2");
        MeetingScenario.AssertRefused(await receptions.RequestAsync(Request(6, "赵敏") with { Letter = null }), "R31", "official letter");
        var request = await receptions.RequestAsync(Request(6, "赵敏", "吴斌"));
        Assert.True(request.IsOk, request.ToString());

        await using var db = database.Context();
        var stored = ReceptionOperations.Request(db, county.County, request.Value.Id)!;
        Assert.Equal((6, "来宾6", 2), (stored.Guests.Count, stored.Guests[5], stored.Staff.Count));
        Assert.Equal("reception.requested", db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county.County.Value && e.SubjectType == nameof(ReceptionRequest) && e.SubjectId == stored.Id).AsEnumerable().Select(e => LedgerEntry.Parse(e.Bytes).Kind).Single());

        var org = OrganizationOperations.LoadUnitView(db, county.County, county.Unit);
        ReceptionLine Meal(decimal amount, params string[] goods) => new(1, ReceptionCost.Meal, "工作餐", Day1, 8, 1, amount, goods);
        Assert.True(ReceptionOperations.CheckClaim(db, county.County, county.Unit, stored.Id, [Meal(480m, "*餐饮服务*餐费")], [county["赵敏"]], org).IsOk);
        Assert.Equal("R31.OverStandard", ReceptionOperations.CheckClaim(db, county.County, county.Unit, stored.Id, [Meal(520m, "*餐饮服务*餐费")], [], org).Refusal!.Key); // 65 > the county's 60
        Assert.Equal("R31.ProhibitedGoods", ReceptionOperations.CheckClaim(db, county.County, county.Unit, stored.Id, [Meal(400m, "*餐饮服务*餐费", "*酒*白酒")], [], org).Refusal!.Key);
        Assert.Equal("R31.StaffNotOnRequest", ReceptionOperations.CheckClaim(db, county.County, county.Unit, stored.Id, [Meal(400m)], [county["周杰"]], org).Refusal!.Key);
        Assert.True(ReceptionOperations.CheckClaim(db, county.County, new UnitId(Guid.CreateVersion7()), stored.Id, [Meal(400m)], [], org).Refusal!.IsNotFound);
        await database.AssertLedgerIntactAsync();
    }
}
