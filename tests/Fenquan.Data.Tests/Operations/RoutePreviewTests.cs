using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Operations;

// Issue 14: the submission form's route preview comes from the same path as a real submission, on SQLite and PostgreSQL.
public class RoutePreviewTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static SubmitMatter Command(TestCounty county, MatterKind kind, decimal amount, string initiator, Payee payee, InitiatorKind initiatorKind = InitiatorKind.Staff, string? itemCode = null) =>
        new(county.County, county.Unit, kind, "预览与提交", amount, payee, county[initiator], initiatorKind, MatterFlags.None, Today) { ItemCode = itemCode };

    [Theory]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Preview_IsTheRouteTheSameSubmissionTakes_SmallLargeMeetingAndRerouted(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var company = Payee.Named(TestCounty.Companies[0]);
        var cases = new[]
        {
            Command(county, MatterKind.Expense, 800m, "周杰", company),
            Command(county, MatterKind.Expense, 4_000m, "周杰", company),
            Command(county, MatterKind.Expense, 12_000m, "周杰", company),
            Command(county, MatterKind.Expense, 500_000m, "周杰", company),
            Command(county, MatterKind.Expense, 1_200m, "周杰", Payee.Person(county["周杰"], "周杰")),
            Command(county, MatterKind.Expense, 1_200m, "张伟", Payee.Person(county["张伟"], "张伟"), InitiatorKind.Deputy), // R6: the finance deputy's own claim
            Command(county, MatterKind.PurchasePlan, 8_000m, "吴斌", company, InitiatorKind.Section, itemCode: "none"),
            Command(county, MatterKind.Promotion, 0m, "吴斌", Payee.None, InitiatorKind.Section),
        };
        var meetings = 0;
        foreach (var command in cases)
        {
            RoutePreview preview;
            await using (var db = database.Context())
            {
                var previewed = MatterOperations.Preview(db, database.Time.GetUtcNow(), command);
                Assert.True(previewed.IsOk, command.Kind + " " + command.Amount + ": " + previewed);
                preview = previewed.Value;
            }

            var submitted = await county.Matters.SubmitAsync(command);
            Assert.True(submitted.IsOk, submitted.ToString());
            Assert.Equal(submitted.Value.Route.Steps, preview.Steps.Select(s => s.Step));
            Assert.Equal(submitted.Value.Route.Rules, preview.Rules);
            Assert.Equal(submitted.Value.Route.Steps.Any(s => s.Actor.Kind == ActorKind.Team), preview.NeedsMeeting);
            meetings += preview.NeedsMeeting ? 1 : 0;

            // Who acts: the first step's people are those the core lets act on the submitted matter now.
            await using var read = database.Context();
            var org = OrganizationOperations.LoadUnitView(read, county.County, county.Unit);
            if (!preview.Steps[0].IsMeeting)
            {
                Assert.Equal(submitted.Value.WhoMayActNow(org).Order(), preview.Steps[0].People.Order());
            }

            Assert.All(preview.Steps, s => Assert.DoesNotContain(command.InitiatorId, s.People));
        }

        Assert.True(meetings > 0, "the large expense goes to a meeting");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Preview_NamesTheDeputyInCharge_AndWritesNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        await using var db = database.Context();
        var ledger = await db.LedgerEntries.CountAsync();

        var preview = MatterOperations.Preview(db, database.Time.GetUtcNow(), Command(county, MatterKind.Expense, 2_500m, "周杰", Payee.Named(TestCounty.Companies[0])));

        Assert.True(preview.IsOk, preview.ToString());
        var deputyStep = Assert.Single(preview.Value.Steps, s => s.Step.Actor.Kind == ActorKind.DeputyInCharge);
        Assert.Equal([county["张伟"]], deputyStep.People);
        await using var after = database.Context();
        Assert.Equal(ledger, await after.LedgerEntries.CountAsync());
        Assert.Equal(0, await after.Matters.CountAsync());
    }

    [Theory]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Preview_OfAPurchaseWithoutACatalogueEntry_IsRefusedAsTheSubmissionIs(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var command = Command(county, MatterKind.PurchasePlan, 8_000m, "吴斌", Payee.Named(TestCounty.Companies[0]), InitiatorKind.Section, itemCode: "NO-SUCH-CODE");
        await using var db = database.Context();

        var preview = MatterOperations.Preview(db, database.Time.GetUtcNow(), command);
        var submitted = await county.Matters.SubmitAsync(command);

        Assert.False(preview.IsOk);
        Assert.False(submitted.IsOk);
        Assert.Equal(submitted.Refusal!.Key, preview.Refusal!.Key);
    }
}
