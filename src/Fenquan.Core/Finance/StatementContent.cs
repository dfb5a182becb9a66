namespace Fenquan.Core.Finance;

/// <summary>
/// A unit's quarterly statement of income and expenditure (R9), as built from the recorded data and
/// kept with each published version: income by kind; expenditure (payments made in the quarter) by
/// budget line and by category; the quarter's large items and its receptions. Names are kept as
/// they were, so a version reads the same later; the data is ready for a public summary.
/// </summary>
public sealed record StatementContent(
    string UnitName,
    int Year,
    int Quarter,
    decimal LargeItemThreshold,
    IReadOnlyList<StatementAmount> IncomeByKind,
    IReadOnlyList<StatementAmount> ExpenditureByLine,
    IReadOnlyList<StatementAmount> ExpenditureByCategory,
    IReadOnlyList<StatementItem> LargeItems,
    IReadOnlyList<StatementItem> Receptions)
{
    public decimal IncomeTotal => IncomeByKind.Sum(i => i.Amount);

    public decimal ExpenditureTotal => ExpenditureByLine.Sum(e => e.Amount);

    public decimal ReceptionTotal => Receptions.Sum(r => r.Amount);

    public Quarter Period => new(Year, Quarter);
}

/// <summary>A total under a key (an income kind, an economic code, a category) with its Chinese name.</summary>
public sealed record StatementAmount(string Key, string Name, decimal Amount, int Count);

/// <summary>One matter's payments in the quarter: a large item or a reception.</summary>
public sealed record StatementItem(Guid MatterId, string Title, string Payee, string Line, decimal Amount, DateOnly LastPaidOn);
