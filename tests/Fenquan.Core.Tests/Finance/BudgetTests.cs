using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;
using static Fenquan.Core.Tests.Meetings.MeetingFixture;

namespace Fenquan.Core.Tests.Finance;

// Budgets by line: imported from the approval sheet all or nothing, confirmed by a second official, and never overdrawn by an approval.
public class BudgetTests
{
    private readonly TestOrg _org = TestOrg.Township().With("钱会计", Role.FinanceStaff);

    private static readonly BudgetSheetRow[] GoodSheet =
    [
        new(2, "30201", "办公费", "120000"),
        new(3, "30211", "差旅费", "80,000.50"),
        new(4, "30217", "公务接待费", "20000"),
    ];

    private Result<Budget> Import(IReadOnlyList<BudgetSheetRow>? rows = null, string by = "钱会计", Budget? existing = null) =>
        Budget.Import(_org.County, _org.Unit, 2025, "清财预〔2025〕12号", rows ?? GoodSheet, _org[by], existing, _org.View(), TestOrg.Now);

    [Fact]
    [Trait("Rule", "R5")]
    public void AGoodSheet_IsImportedPending_WithItsLinesNamedByTheClassification()
    {
        var budget = Import();

        Assert.True(budget.IsOk, budget.ToString());
        Assert.Equal(BudgetState.Pending, budget.Value.State);
        Assert.Equal([("30201", "办公费", 120_000m), ("30211", "差旅费", 80_000.50m), ("30217", "公务接待费", 20_000m)],
            budget.Value.Lines.Select(l => (l.Code, l.Name, l.Amount)));
        Assert.All(budget.Value.Lines, l => Assert.Equal((2025, budget.Value.Id), (l.Year, l.BudgetId)));
    }

    [Fact]
    [Trait("Rule", "R5")]
    public void ABadSheet_ImportsNothing_AndNamesEveryBadRowAndColumn()
    {
        var budget = Import([new(2, "30201", "办公费", "1000"), new(3, "30298", "不存在", "5"), new(4, "30201", "办公费", "7"), new(5, "30211", "差旅费", "-3"), new(6, "30215", "会议费", "1.005")]);

        Assert.False(budget.IsOk);
        var reason = budget.Refusal!.Reason;
        Assert.Contains("4 problem(s)", reason, StringComparison.Ordinal);
        Assert.Contains("row 3, 经济分类科目编码: 30298 is not an economic classification code", reason, StringComparison.Ordinal);
        Assert.Contains("row 4, 经济分类科目编码: 30201 is already on row 2", reason, StringComparison.Ordinal);
        Assert.Contains("row 5, 预算金额（元）: \"-3\"", reason, StringComparison.Ordinal);
        Assert.Contains("row 6, 预算金额（元）: \"1.005\"", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("row 2,", reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R5")]
    public void OnlyFinanceStaffOrTheFinanceDeputyImport_AndAYearIsImportedOnce()
    {
        AssertRefused(Import(by: "孙磊"), "R5", "孙磊 is neither finance staff nor the finance deputy");
        Assert.True(Import(by: "王志强").IsOk);
        var first = Import().Value;
        var again = Import(existing: first);
        AssertRefused(again, "R5", "already imported (Pending)");
        Assert.Equal("R5.BudgetExists", again.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R5")]
    public void TheImporterMayNotConfirm_ASecondOfficialDoes_Once()
    {
        var budget = Import().Value;

        var own = budget.Confirm(_org["钱会计"], _org.View(), TestOrg.Now);
        AssertRefused(own, "R5", "钱会计 imported the 2025 budget; a second official confirms it");
        Assert.Equal("R5.BudgetFourEyes", own.Refusal!.Key);
        AssertRefused(budget.Confirm(_org["陈明"], _org.View(), TestOrg.Now), "R5", "neither the finance deputy nor a principal");
        Assert.Equal(BudgetState.Pending, budget.State);

        Assert.True(budget.Confirm(_org["王志强"], _org.View(), TestOrg.Now).IsOk);
        Assert.Equal((BudgetState.Confirmed, _org["王志强"], TestOrg.Now), (budget.State, budget.ConfirmedBy!.Value, budget.ConfirmedAt!.Value));
        AssertRefused(budget.Confirm(_org["张建国"], _org.View(), TestOrg.Now), "R5", "already confirmed");
    }

    [Fact]
    [Trait("Rule", "R5")]
    public void TheFinanceDeputyWhoImported_IsConfirmedByAPrincipal()
    {
        var budget = Import(by: "王志强").Value;

        AssertRefused(budget.Confirm(_org["王志强"], _org.View(), TestOrg.Now), "R5", "王志强 imported");
        Assert.True(budget.Confirm(_org["李秀英"], _org.View(), TestOrg.Now).IsOk);
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void APosition_CountsCommitmentsAndPaymentsApart_AndAnApprovalBelowZeroIsRefusedNamingLineAndBalance()
    {
        var line = Import().Value.Lines.Single(l => l.Code == "30211");

        // Two approved claims: 30,000 half paid, 40,000 fully paid.
        var position = BudgetPosition.Of(line, [(30_000m, 15_000m), (40_000m, 40_000m)]);

        Assert.Equal((80_000.50m, 15_000m, 55_000m, 10_000.50m), (position.Budget, position.Commitments, position.Paid, position.Balance));
        Assert.True(position.CheckApproval(10_000.50m).IsOk);
        var over = position.CheckApproval(10_000.51m);
        AssertRefused(over, "R4", "would take the 2025 budget line 30211 差旅费 below zero: its balance is 10,000.50");
        Assert.Equal(("R4.BudgetLineExceeded", "10,000.50", "30211 差旅费"), (over.Refusal!.Key, over.Refusal.Argument("balance"), over.Refusal.Argument("line")));
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void AMatterIsChargedOnlyToALineOfTheConfirmedBudgetOfItsYear()
    {
        var budget = Import().Value;
        var matter = _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);
        var line = budget.Lines.Single(l => l.Code == "30201");

        AssertRefused(BudgetCharge.Name(matter, "30298", null), "R4", "30298 is not an economic classification code");
        AssertRefused(BudgetCharge.Name(matter, "30211", null), "R4", "no confirmed 2025 budget line 30211");
        AssertRefused(BudgetCharge.Name(matter, "30211", line), "R4", "no confirmed 2025 budget line 30211");
        var charge = BudgetCharge.Name(matter, "30201", line);
        Assert.True(charge.IsOk, charge.ToString());
        Assert.Equal((matter.Id, line.Id, "30201", 2025), (charge.Value.MatterId, charge.Value.BudgetLineId, charge.Value.Code, charge.Value.Year));
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void TheClassification_KnowsTheCommonCodes_AndNothingElse()
    {
        Assert.Equal("公务接待费", EconomicClassification.NameOf(EconomicClassification.Reception));
        Assert.Equal("差旅费", EconomicClassification.NameOf("30211"));
        Assert.Null(EconomicClassification.NameOf("3021"));
        Assert.All(EconomicClassification.All, c => Assert.Matches("^3(02|03|10)[0-9]{2}$", c.Code));
    }
}
