namespace Fenquan.Core.Finance.Reception;

/// <summary>
/// What a reception claim's line adds to a claim line (R31): what it pays for, the day, how many
/// people for how many meals or nights, and the invoice's goods lines as printed.
/// </summary>
public sealed record ReceptionLineFacts(ReceptionCost Cost, DateOnly Day, int Persons, int Times, IReadOnlyList<string>? Goods);
