namespace Fenquan.Core.Finance.Reception;

/// <summary>
/// One line of a reception claim: what it pays for, the day, how many people for how many meals or
/// nights, its amount, and the goods lines of its invoice (货物或应税劳务名称) as printed, which are
/// checked whatever the category the claimant chose.
/// </summary>
public sealed record ReceptionLine(int Number, ReceptionCost Cost, string Category, DateOnly Day, int Persons, int Times, decimal Amount, IReadOnlyList<string> Goods);
