using Fenquan.Core.Finance;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Meetings;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Fenquan.Data.Tests.Finance;

// Budgets by line on SQLite and PostgreSQL (R4, R5): import, four eyes, matters charged to a line, no approval below zero.
public class BudgetOperationsTests
{
    private static readonly BudgetSheetRow[] Sheet = [new(2, "30201", "办公费", "10000"), new(3, "30211", "差旅费", "5000")];

    /// <summary>The test county with finance staff 钱会计 and a confirmed 2026 budget (confirmed by the finance deputy 张伟).</summary>
    public static async Task<(TestCounty County, BudgetOperations Budgets, PersonId Finance)> BudgetedAsync(TestDatabase database, IReadOnlyList<BudgetSheetRow>? sheet = null)
    {
        var county = await TestCounty.CreateAsync(database);
        var finance = await county.AddPersonAsync("钱会计", Role.FinanceStaff);
        var budgets = new BudgetOperations(database.Writer);
        var imported = await budgets.ImportAsync(county.County, county.Unit, 2026, "清财预〔2026〕3号", sheet ?? Sheet, finance);
        Assert.True(imported.IsOk, imported.ToString());
        var confirmed = await budgets.ConfirmAsync(county.County, county.Unit, imported.Value.Id, county["张伟"]);
        Assert.True(confirmed.IsOk, confirmed.ToString());
        return (county, budgets, finance);
    }

    private static SubmitMatter Expense(TestCounty county, decimal amount) =>
        new(county.County, county.Unit, MatterKind.Expense, "购置办公用品", amount, Payee.Named("县城文具店"), county["周杰"], InitiatorKind.Staff, MatterFlags.None, new DateOnly(2026, 3, 2));

    // Office review, then the finance deputy approves (small expense, R4).
    private static async Task<Result<MatterAction>> ApproveAsync(TestCounty county, MatterId matter)
    {
        Assert.True((await county.Matters.ActAsync(county.County, matter, new ActRequest(county["赵敏"], ActionKind.Review, "票据齐全"))).IsOk);
        return await county.Matters.ActAsync(county.County, matter, new ActRequest(county["张伟"], ActionKind.Approve, "同意"));
    }

    [Theory]
    [Trait("Rule", "R5")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheImportIsPendingUntilASecondOfficialConfirms_AndBothAreLedgered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await TestCounty.CreateAsync(database);
        var finance = await county.AddPersonAsync("钱会计", Role.FinanceStaff);
        var budgets = new BudgetOperations(database.Writer);

        MeetingScenario.AssertRefused(await budgets.ImportAsync(county.County, county.Unit, 2026, "清财预〔2026〕3号", [new(2, "30201", "办公费", "x")], finance), "Invalid", "row 2, 预算金额（元）");
        var imported = await budgets.ImportAsync(county.County, county.Unit, 2026, "清财预〔2026〕3号", Sheet, finance);
        Assert.True(imported.IsOk, imported.ToString());
        MeetingScenario.AssertRefused(await budgets.ImportAsync(county.County, county.Unit, 2026, "清财预〔2026〕4号", Sheet, finance), "R5", "already imported");

        // Not yet in force: nothing is charged to a pending budget.
        MeetingScenario.AssertRefused(await county.Matters.SubmitAsync(Expense(county, 1_000m), budgetLine: "30201"), "R4", "no confirmed 2026 budget line 30201");
        MeetingScenario.AssertRefused(await budgets.ConfirmAsync(county.County, county.Unit, imported.Value.Id, finance), "R5", "a second official confirms it");
        MeetingScenario.AssertRefused(await budgets.ConfirmAsync(county.County, UnitId.New(), imported.Value.Id, county["张伟"]), "NotFound");
        Assert.True((await budgets.ConfirmAsync(county.County, county.Unit, imported.Value.Id, county["张伟"])).IsOk);

        await using var db = database.Context();
        var stored = BudgetOperations.BudgetOf(db, county.County, county.Unit, 2026)!;
        Assert.Equal((BudgetState.Confirmed, county["张伟"], finance), (stored.State, stored.ConfirmedBy!.Value, stored.ImportedBy));
        Assert.Equal([10_000m, 5_000m], stored.Lines.OrderBy(l => l.Code).Select(l => l.Amount));
        var kinds = db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county.County.Value && e.SubjectType == nameof(Budget)).AsEnumerable()
            .Select(e => LedgerEntry.Parse(e.Bytes).Kind).ToList();
        Assert.Equal(["budget.imported", "budget.confirmed"], kinds);
        await database.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R4")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnApprovalThatWouldTakeTheLineBelowZero_IsRefusedNamingTheLineAndItsBalance_AndCommitmentsAndPaymentsShowApart(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, _, finance) = await BudgetedAsync(database);

        var first = await county.Matters.SubmitAsync(Expense(county, 3_000m), budgetLine: "30211");
        var second = await county.Matters.SubmitAsync(Expense(county, 2_500m), budgetLine: "30211");
        Assert.True(first.IsOk && second.IsOk, first.ToString() + second);
        MeetingScenario.AssertRefused(await county.Matters.SubmitAsync(Expense(county, 100m), budgetLine: "30299"), "R4", "no confirmed 2026 budget line 30299");
        Assert.True((await ApproveAsync(county, first.Value.Id)).IsOk);

        var refused = await ApproveAsync(county, second.Value.Id);
        MeetingScenario.AssertRefused(refused, "R4", "would take the 2026 budget line 30211 差旅费 below zero: its balance is 2,000.00");
        await using (var db = database.Context())
        {
            Assert.Equal(MatterState.Pending, (await db.Matters.SingleAsync(m => m.Id == second.Value.Id)).State);
        }

        // A payment moves money from commitments to paid; the balance stays.
        var paid = await new PaymentOperations(database.Writer).RecordAsync(county.County, first.Value.Id,
            new RecordPayment(finance, 1_200m, Payee.None, PaymentMethod.BankTransfer, "YH-1", new DateOnly(2026, 3, 2)));
        Assert.True(paid.IsOk, paid.ToString());
        await using (var db = database.Context())
        {
            var travel = BudgetOperations.Positions(db, county.County, county.Unit, 2026).Single(p => p.Line.Code == "30211");
            Assert.Equal((5_000m, 1_800m, 1_200m, 2_000m), (travel.Budget, travel.Commitments, travel.Paid, travel.Balance));
            Assert.Equal("30211", BudgetOperations.LineOf(db, county.County, first.Value.Id)!.Code);
            Assert.Equal("30211", (await db.Matters.SingleAsync(m => m.Id == first.Value.Id)).BudgetCode);
            Assert.Equal(2, await db.Set<BudgetCharge>().CountAsync(c => c.CountyId == county.County));
        }

        // Within the balance, the same approval passes.
        var third = await county.Matters.SubmitAsync(Expense(county, 2_000m), budgetLine: "30211");
        Assert.True((await ApproveAsync(county, third.Value.Id)).IsOk);
        await database.AssertLedgerIntactAsync();
    }

    // A data folder upgraded from before matters carried their budget code: the column comes back
    // empty (nothing is filled in behind the ledger's back), yet a matter charged before it is still
    // checked against its line (R4).
    [Theory]
    [Trait("Rule", "R4")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AfterTheUpgradeToMattersWithABudgetCode_AnOlderChargedMatterIsStillCheckedAgainstItsLine(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, _, _) = await BudgetedAsync(database);
        var first = await county.Matters.SubmitAsync(Expense(county, 3_000m), budgetLine: "30211");
        var second = await county.Matters.SubmitAsync(Expense(county, 2_500m), budgetLine: "30211");
        Assert.True(first.IsOk && second.IsOk);
        Assert.True(first.Value.SubmittedAt < BudgetOperations.CodeRecordedSince || first.Value.BudgetCode == "30211");

        await using (var db = database.Context())
        {
            var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var added = migrations.FindIndex(m => m.EndsWith("_MatterBudgetCode", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[added - 1]);
            await migrator.MigrateAsync();
            Assert.Null((await db.Matters.SingleAsync(m => m.Id == second.Value.Id)).BudgetCode);
        }

        // A writer that reads the matters as they now are (no code): 5,000 budgeted on travel, the
        // 3,000 is approved, then the 2,500 would overdraw it.
        await database.RestartWriterAsync();
        var matters = new MatterOperations(database.Writer);
        async Task<Result<MatterAction>> Approve(MatterId matter)
        {
            Assert.True((await matters.ActAsync(county.County, matter, new ActRequest(county["赵敏"], ActionKind.Review, "票据齐全"))).IsOk);
            return await matters.ActAsync(county.County, matter, new ActRequest(county["张伟"], ActionKind.Approve, "同意"));
        }

        Assert.True((await Approve(first.Value.Id)).IsOk);
        MeetingScenario.AssertRefused(await Approve(second.Value.Id), "R4", "30211");

        // (No verify here: migrating down drops codes these matters' entries recorded, which a real
        // upgrade never has; UpgradeTests verifies a data folder of the first schema after upgrading.)
    }
}
