using Fenquan.Core.Delegation;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;
using DelegationRow = Fenquan.Core.Delegation.Delegation;

namespace Fenquan.Data.Tests.Delegation;

// 代理 on SQLite and PostgreSQL: created, used and revoked through the writer, every change ledgered.
public class DelegationOperationsTests
{
    private static readonly DateOnly MatterDate = new(2026, 3, 2);

    private static CreateDelegation Away(TestCounty county, string from, string to, TestDatabase database, int days = 7) =>
        new(county.County, county.Unit, county[from], county[to], Role.Deputy, [], database.Time.GetUtcNow().AddMinutes(-1), database.Time.GetUtcNow().AddDays(days));

    private static async Task<Matter> ReviewedStaffExpenseAsync(TestCounty county)
    {
        var command = new SubmitMatter(county.County, county.Unit, MatterKind.Expense, "差旅费报销", 1_200m, Payee.Person(county["周杰"], "周杰"), county["周杰"], InitiatorKind.Staff, MatterFlags.None, MatterDate);
        var matter = (await county.Matters.SubmitAsync(command)).Value;
        Assert.True((await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["赵敏"], ActionKind.Review))).IsOk);
        return matter;
    }

    [Theory]
    [Trait("Rule", "R4")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FinanceDeputyDelegatesToAnotherDeputy_WhoApprovesAStaffExpense_AndTheActionRecordsOnWhoseBehalf(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var delegations = new DelegationOperations(database.Writer);
        var created = await delegations.CreateAsync(Away(county, "张伟", "刘洋", database));
        Assert.True(created.IsOk, created.ToString());
        var matter = await ReviewedStaffExpenseAsync(county);

        var approved = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["刘洋"], ActionKind.Approve, "代张伟审批"), county["张伟"]);

        Assert.True(approved.IsOk, approved.ToString());
        await using var db = database.Context();
        var stored = await db.Matters.Include(m => m.Actions).SingleAsync(m => m.Id == matter.Id);
        Assert.Equal(MatterState.Approved, stored.State);
        var action = stored.Actions.Single(a => a.Kind == ActionKind.Approve);
        Assert.Equal(county["刘洋"], action.ActorId);
        Assert.Equal(county["张伟"], action.OnBehalfOf);
        Assert.True(await db.LedgerEntries.AnyAsync(e => e.Kind == "delegation.created" && e.SubjectId == created.Value.Id.Value));
        var active = await DelegationOperations.ActiveForAsync(db, county.County, county["刘洋"], database.Time.GetUtcNow());
        Assert.Equal([created.Value.Id], active.Select(d => d.Id));
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [Trait("Rule", "R4")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DelegationToAPrincipal_IsRefusedNamingR4_AndNothingIsLedgered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        await using var before = database.Context();
        var entries = await before.LedgerEntries.CountAsync();

        var refused = await new DelegationOperations(database.Writer).CreateAsync(Away(county, "张伟", "王建国", database));

        Assert.Equal("R4", refused.Refusal!.RuleId);
        await using var after = database.Context();
        Assert.Equal(entries, await after.LedgerEntries.CountAsync());
        Assert.Empty(await after.Set<DelegationRow>().ToListAsync());
    }

    [Theory]
    [Trait("Rule", "R7")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RevokedDelegation_DoesNotCount_AndTheRevocationIsLedgered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var delegations = new DelegationOperations(database.Writer);
        var created = (await delegations.CreateAsync(Away(county, "张伟", "刘洋", database))).Value;
        var matter = await ReviewedStaffExpenseAsync(county);
        database.Time.Advance(TimeSpan.FromHours(1));

        var revoked = await delegations.RevokeAsync(county.County, created.Id, county["张伟"]);
        database.Time.Advance(TimeSpan.FromMinutes(1));
        var refused = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["刘洋"], ActionKind.Approve), county["张伟"]);

        Assert.True(revoked.IsOk, revoked.ToString());
        Assert.Equal("R7", refused.Refusal!.RuleId);
        await using var db = database.Context();
        Assert.True(await db.LedgerEntries.AnyAsync(e => e.Kind == "delegation.revoked" && e.SubjectId == created.Id.Value));
        Assert.Empty(await DelegationOperations.ActiveForAsync(db, county.County, county["刘洋"], database.Time.GetUtcNow()));
        Assert.False((await delegations.RevokeAsync(county.County, created.Id, county["张伟"])).IsOk);
    }

    [Theory]
    [Trait("Rule", "R7")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExpiredDelegation_DoesNotCount(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        Assert.True((await new DelegationOperations(database.Writer).CreateAsync(Away(county, "张伟", "刘洋", database, days: 1))).IsOk);
        var matter = await ReviewedStaffExpenseAsync(county);
        database.Time.Advance(TimeSpan.FromDays(2));

        var refused = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["刘洋"], ActionKind.Approve), county["张伟"]);

        Assert.Equal("R7", refused.Refusal!.RuleId);
        await using var db = database.Context();
        Assert.Equal(MatterState.Pending, (await db.Matters.SingleAsync(m => m.Id == matter.Id)).State);
    }

    [Theory]
    [Trait("Rule", "R6")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DelegateWhoIsPaidByTheMatter_IsRefusedNamingR6(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        Assert.True((await new DelegationOperations(database.Writer).CreateAsync(Away(county, "张伟", "刘洋", database))).IsOk);
        var command = new SubmitMatter(county.County, county.Unit, MatterKind.Expense, "代垫费用", 800m, Payee.Person(county["刘洋"], "刘洋"), county["周杰"], InitiatorKind.Staff, MatterFlags.None, MatterDate);
        var matter = (await county.Matters.SubmitAsync(command)).Value;
        Assert.True((await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["赵敏"], ActionKind.Review))).IsOk);

        var refused = await county.Matters.ActAsync(county.County, matter.Id, new ActRequest(county["刘洋"], ActionKind.Approve), county["张伟"]);

        Assert.Equal("R6", refused.Refusal!.RuleId);
    }
}
