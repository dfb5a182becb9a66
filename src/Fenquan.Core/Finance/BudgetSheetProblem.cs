namespace Fenquan.Core.Finance;

/// <summary>A bad cell of a budget sheet: its row, its column (the sheet's Chinese header) and what is wrong.</summary>
public sealed record BudgetSheetProblem(int Row, string Column, string Problem)
{
    public override string ToString() => $"row {Row}, {Column}: {Problem}";
}
