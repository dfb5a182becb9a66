using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Finance;

// Claims submitted with their line items and invoices, on SQLite and PostgreSQL (R4, R8).
public class ClaimOperationsTests
{
    private static readonly ClaimLineInput[] Lines = [new("住宿费", 2m, 380m, 760m), new("城际交通费", 1m, 240m, 240m)];

    private static SubmitMatter Claim(TestCounty county, decimal amount, string initiator = "周杰") =>
        new(county.County, county.Unit, MatterKind.Expense, "赴市参加培训差旅费", amount, Payee.Person(county[initiator], initiator), county[initiator], InitiatorKind.Staff, MatterFlags.None, new DateOnly(2026, 3, 2));

    [Theory]
    [Trait("Rule", "R8")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnInvoiceOnAnotherClaimOfTheCounty_IsRefused_AndTheSecondClaimIsNotSubmitted(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);

        var first = await county.Matters.SubmitAsync(Claim(county, 1_000m), new ClaimDetails(Lines, [new(null, "24332000000012345678"), new("3300231130", "04567890")]));
        Assert.True(first.IsOk, first.ToString());
        // Another claimant, the same digital invoice: refused naming R8, and nothing of the claim is kept.
        var second = await county.Matters.SubmitAsync(Claim(county, 1_000m, "吴斌") with { InitiatorKind = InitiatorKind.Section }, new ClaimDetails(Lines, [new(null, "24332000000012345678")]));
        MeetingScenario.AssertRefused(second, "R8", "already on another claim in the county");
        MeetingScenario.AssertRefused(await county.Matters.SubmitAsync(Claim(county, 1_200m), new ClaimDetails(Lines, [])), "R4", "add up to 1,000.00");

        await using var db = database.Context();
        Assert.Equal(1, await db.Matters.CountAsync(m => m.CountyId == county.County));
        Assert.Equal([760m, 240m], ClaimOperations.LinesOf(db, county.County, first.Value.Id).Select(l => l.Amount));
        Assert.Equal(["24332000000012345678", "3300231130-04567890"], ClaimOperations.VouchersOf(db, county.County, first.Value.Id).Select(v => v.Key));
        Assert.Equal(2, await db.LedgerEntries.CountAsync(e => e.CountyId == county.County.Value && e.SubjectType == nameof(Voucher)));

        // R4: the claim's amount stays the sum of its lines.
        MeetingScenario.AssertRefused(await county.Matters.EditAsync(county.County, first.Value.Id, new EditMatter(county["周杰"], NewAmount: 1_500m)), "R4", "add up to 1,000.00");
        await database.AssertLedgerIntactAsync();
    }
}
