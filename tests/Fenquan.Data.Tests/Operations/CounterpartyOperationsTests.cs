using Fenquan.Core.Access;
using Fenquan.Core.Counterparties;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Operations;

/// <summary>
/// R6 on SQLite and PostgreSQL: a matter pays a person of the county or an entry of the county's
/// counterparty register, never a bare name; one identifier is registered once, by those the core
/// allows; and a declared tie to a counterparty keeps the person off every matter that pays it — the
/// route goes around them at submission, they may not act, and a meeting recuses them.
/// </summary>
[Trait("Rule", "R6")]
public class CounterpartyOperationsTests
{
    private static readonly string Code = CounterpartyIdentifier.CompleteCreditCode("91130534MA0X01QH0");

    private static Asker Office(TestCounty county) => new() { County = county.County, Person = county["赵敏"], Unit = county.Unit, Roles = [Role.OfficeReviewer], Today = TestCounty.Start };

    private static Asker Person(TestCounty county, string name, Role role) => new() { County = county.County, Person = county[name], Unit = county.Unit, Roles = [role], Today = TestCounty.Start };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheOfficeRegisters_AStaffMemberMayNot_AndAnIdentifierIsRegisteredOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var operations = new CounterpartyOperations(database.Writer);

        var refused = await operations.RegisterAsync(Person(county, "周杰", Role.Staff), CounterpartyKind.Company, "清河县宏远建材有限公司", Code, "周杰");
        Assert.Equal("R6.RegistersCounterparties", refused.Refusal?.Key);

        var registered = await operations.RegisterAsync(Office(county), CounterpartyKind.Company, " 清河县宏远建材有限公司 ", Code.ToLowerInvariant(), "赵敏（u1.office）");
        Assert.True(registered.IsOk, registered.ToString());
        Assert.Equal("清河县宏远建材有限公司", registered.Value.Name);
        Assert.Equal(Code, registered.Value.Identifier);

        var again = await operations.RegisterAsync(new Asker { County = county.County, IsCountyAdministrator = true }, CounterpartyKind.Company, "宏远建材", Code, "admin");
        Assert.Equal("R6.CounterpartyRegistered", again.Refusal?.Key);

        var person = await operations.RegisterAsync(Office(county), CounterpartyKind.Individual, "刘建国", "11010519491231002X", "赵敏");
        Assert.True(person.IsOk, person.ToString());

        await using var db = database.Context();
        Assert.Equal(2 + TestCounty.Companies.Length, await db.Set<Counterparty>().CountAsync(c => c.CountyId == county.County));
        Assert.Equal(2 + TestCounty.Companies.Length, await db.LedgerEntries.CountAsync(e => e.CountyId == county.County.Value && e.Kind == "counterparty.registered"));
        Assert.Equal([registered.Value.Id], CounterpartyOperations.List(db, county.County, "宏远").Select(c => c.Id));
        Assert.Equal([person.Value.Id], CounterpartyOperations.List(db, county.County, "11010519491231002x").Select(c => c.Id));
        Assert.Equal("110105********002X", CounterpartyOperations.List(db, county.County, "刘建国").Single().MaskedIdentifier);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APayeeIsARegisteredEntry_NeverABareName_AndAnotherCountysEntryDoesNotExist(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var other = await TestCounty.CreateAsync(database);

        SubmitMatter Expense(TestCounty c, Payee payee) => new(c.County, c.Unit, MatterKind.Expense, "办公用品", 800m, payee, c["吴斌"], InitiatorKind.Section, MatterFlags.None, TestCounty.Start);

        var unregistered = await county.Matters.SubmitAsync(Expense(county, Payee.Named("随手写的公司")));
        Assert.Equal("R6.PayeeNotRegistered", unregistered.Refusal?.Key);

        // Written by name or by code, the payee is the register's entry, with the register's name.
        var byName = await county.Matters.SubmitAsync(Expense(county, Payee.Named("县城文具店")));
        Assert.True(byName.IsOk, byName.ToString());
        Assert.NotNull(byName.Value.Payee.CounterpartyId);
        await using (var db = database.Context())
        {
            var entry = CounterpartyOperations.Find(db, county.County, byName.Value.Payee.CounterpartyId!.Value)!;
            var byCode = await county.Matters.SubmitAsync(Expense(county, Payee.Named(entry.Identifier)));
            Assert.Equal(byName.Value.Payee, byCode.Value.Payee);
            var byId = await county.Matters.SubmitAsync(Expense(county, Payee.Counterparty(entry.Id, "别的名字")));
            Assert.Equal("县城文具店", byId.Value.Payee.Name);

            // The other county's entry of the same name is another entry, and this county's id is not found there.
            var elsewhere = await other.Matters.SubmitAsync(Expense(other, Payee.Counterparty(entry.Id, "县城文具店")));
            Assert.True(elsewhere.Refusal!.IsNotFound);
        }

        var edited = await county.Matters.EditAsync(county.County, byName.Value.Id, new EditMatter(county["吴斌"], NewPayee: Payee.Named("随手写的公司")));
        Assert.Equal("R6.PayeeNotRegistered", edited.Refusal?.Key);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ATieToASupplier_RoutesItsMattersAroundTheDeputy_WhoMayNotActOnThem(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var operations = new CounterpartyOperations(database.Writer);
        Counterparty supplier;
        await using (var db = database.Context())
        {
            supplier = CounterpartyOperations.List(db, county.County, "清河县电脑城").Single();
        }

        Assert.Equal("R6.TieRelationshipMissing", (await operations.DeclareTieAsync(Person(county, "张伟", Role.Deputy), supplier.Id, "")).Refusal?.Key);
        var tie = await operations.DeclareTieAsync(Person(county, "张伟", Role.Deputy), supplier.Id, "配偶任法定代表人");
        Assert.True(tie.IsOk, tie.ToString());
        Assert.Equal("R6.TiesArePeoples", (await operations.DeclareTieAsync(new Asker { County = county.County, IsCountyAdministrator = true }, supplier.Id, "配偶")).Refusal?.Key);

        var matter = (await county.Matters.SubmitAsync(new SubmitMatter(county.County, county.Unit, MatterKind.Expense, "电脑维修费", 800m, Payee.Counterparty(supplier.Id, supplier.Name), county["吴斌"], InitiatorKind.Section, MatterFlags.None, TestCounty.Start))).Value;
        Assert.Equal([county["张伟"]], matter.PayeeRelatives);
        Assert.Contains("R6", matter.Route.Rules);
        Assert.Equal(ActorKind.Principal, matter.Route.Steps[^1].Actor.Kind);
        Assert.Equal(ActorKind.DeputyInCharge, matter.Route.Steps[^1].ReroutedFrom?.Kind);

        Assert.True((await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["赵敏"], ActionKind.Review))).IsOk);
        var approved = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["王建国"], ActionKind.Approve));
        Assert.True(approved.IsOk, approved.ToString());

        // A matter paying a company nobody is tied to keeps the deputy's step.
        var plain = (await county.Matters.SubmitAsync(new SubmitMatter(county.County, county.Unit, MatterKind.Expense, "办公用品", 800m, Payee.Named("县城文具店"), county["吴斌"], InitiatorKind.Section, MatterFlags.None, TestCounty.Start))).Value;
        Assert.Empty(plain.PayeeRelatives);
        Assert.Equal(ActorKind.DeputyInCharge, plain.Route.Steps[^1].Actor.Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMemberTiedToThePayingCompany_IsRecusedWhenTheMeetingOpens(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await MeetingScenario.CreateAsync(database);
        Counterparty supplier;
        await using (var db = database.Context())
        {
            supplier = CounterpartyOperations.List(db, s.Id, MeetingScenario.Supplier.Name).Single();
        }

        var tied = await new CounterpartyOperations(database.Writer).DeclareTieAsync(Person(s.County, "杨帆", Role.Deputy), supplier.Id, "兄弟持股");
        Assert.True(tied.IsOk, tied.ToString());

        var matter = await s.CollectiveExpenseAsync(12_000m);
        var meeting = await s.ScheduleAsync();
        var item = await s.AddAsync(meeting, matter);
        Assert.Equal([s["杨帆"]], item.PayeeRelatives);
        await s.OpenAsync(meeting);

        await using var read = database.Context();
        var stored = MeetingOperations.Find(read, s.Id, meeting.Id)!;
        var recusal = Assert.Single(stored.RecusalsOn(item.Id), r => r.PersonId == s["杨帆"]);
        Assert.Equal(RecusalGround.Relative, recusal.Ground);
        Assert.Contains(MeetingScenario.Supplier.Name, recusal.Reason, StringComparison.Ordinal);
        await s.AssertLedgerIntactAsync();
    }
}
