using Fenquan.Core.CountyAdministration;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Notifications;
using Fenquan.Data.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Operations;

// County administrators under four eyes (R40), on SQLite and PostgreSQL: the only administrator's
// grant of a second takes effect at once and the ledgered row says it was a bootstrap; then a third
// waits for a different administrator; every step ledgered, the discipline inspection told (R29).
public class AdministratorOperationsTests
{
    private static readonly CountyOfficial First = new("first", "王强");
    private static readonly CountyOfficial Second = new("second", "李静");

    private static async Task<(TestCounty County, Core.Primitives.PersonId Inspector, AdministratorOperations Operations)> CountyWithInspectionAsync(TestDatabase database)
    {
        var county = await TestCounty.CreateAsync(database);
        var inspector = (await county.Organization.AddPersonAsync(county.County, "钱正清")).Value.Id;
        Assert.True((await new CountyChangeOperations(database.Writer).NameDisciplineInspectionAsync(county.County, inspector, First)).IsOk);
        return (county, inspector, new AdministratorOperations(database.Writer));
    }

    [Theory]
    [Trait("Rule", "R40")]
    [Trait("Rule", "R29")]
    [Trait("Rule", "R44")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SecondAdministrator_Bootstraps_ThirdWaitsForADifferentAdministrator_EveryStepLedgered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, inspector, operations) = await CountyWithInspectionAsync(database);

        var second = await operations.ProposeAsync(county.County, AdministratorChangeKind.Grant, "second", null, First, ["first"]);
        Assert.True(second.IsOk, second.ToString());
        Assert.Equal(AdministratorGrantState.Confirmed, second.Value.State);

        var third = await operations.ProposeAsync(county.County, AdministratorChangeKind.Grant, "third", inspector, First, ["first", "second"]);
        Assert.True(third.IsOk, third.ToString());
        Assert.Equal(AdministratorGrantState.Pending, third.Value.State);
        var own = await operations.ConfirmAsync(county.County, third.Value.Id, First, ["first", "second"]);
        Assert.Equal("R40.AdministratorProposerCannotConfirm", own.Refusal?.Key);
        var otherCounty = await operations.ConfirmAsync(Core.Primitives.CountyId.New(), third.Value.Id, Second, ["first", "second"]);
        Assert.Equal(Core.Primitives.Refusal.NotFoundId, otherCounty.Refusal?.RuleId);

        var confirmed = await operations.ConfirmAsync(county.County, third.Value.Id, Second, ["first", "second"]);

        Assert.True(confirmed.IsOk, confirmed.ToString());
        await using var db = database.Context();
        var rows = AdministratorOperations.Changes(db, county.County);
        Assert.Equal(["third", "second"], rows.Select(r => r.Account));
        Assert.Equal(inspector, rows[0].PersonId);
        Assert.Equal("second", rows[0].ConfirmedBy);
        Assert.Equal(["first", "second", "third"], AdministratorGrant.Administrators(["first"], AdministratorOperations.Confirmed(db)).Order());
        var ledger = await db.LedgerEntries.Where(e => e.SubjectType == nameof(AdministratorGrant)).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["county-administrator.proposed", "county-administrator.proposed", "county-administrator.confirmed"], ledger.Select(e => e.Kind));
        Assert.Contains("\"Bootstrap\":true", System.Text.Encoding.UTF8.GetString(ledger[0].Bytes), StringComparison.Ordinal);
        // Two notices of each kind: the bootstrap's proposal and effect come in one unit of work, whose
        // ids (v7, the same millisecond) do not order them.
        var notices = await db.Set<Notification>().Where(n => n.RecipientId == inspector).Select(n => n.Kind).ToListAsync();
        Assert.Equal(
            [NotificationKind.AdministratorChangeProposed, NotificationKind.AdministratorChangeProposed, NotificationKind.AdministratorChangeConfirmed, NotificationKind.AdministratorChangeConfirmed],
            notices.Order());
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    [Theory]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Revoke_WaitsForASecondAdministrator_AndIsWithdrawnByItsProposerOnly(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, _, operations) = await CountyWithInspectionAsync(database);

        var last = await operations.ProposeAsync(county.County, AdministratorChangeKind.Revoke, "first", null, First, ["first"]);
        Assert.Equal("R40.LastAdministrator", last.Refusal?.Key);
        var revoke = (await operations.ProposeAsync(county.County, AdministratorChangeKind.Revoke, "second", null, First, ["first", "second"])).Value;
        Assert.Equal("R40.AdministratorOnlyProposerWithdraws", (await operations.WithdrawAsync(county.County, revoke.Id, Second)).Refusal?.Key);
        Assert.True((await operations.WithdrawAsync(county.County, revoke.Id, First)).IsOk);

        await using var db = database.Context();
        Assert.Equal(AdministratorGrantState.Withdrawn, Assert.Single(AdministratorOperations.Changes(db, county.County)).State);
        Assert.Empty(AdministratorOperations.Confirmed(db));
    }
}
