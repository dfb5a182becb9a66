namespace Fenquan.Core.Finance;

/// <summary>
/// One row of the finance bureau's budget approval (预算批复) as read from the sheet, unparsed: the
/// core checks every cell and names the row and column of each problem (<see cref="Budget.Import"/>).
/// <paramref name="Row"/> is the sheet's row number, the header being row 1.
/// </summary>
public sealed record BudgetSheetRow(int Row, string? Code, string? Name, string? Amount);
