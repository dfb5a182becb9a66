namespace Fenquan.Core.Finance;

/// <summary>One line of a claim: what was bought or spent on, how many, at what unit price, and the line's amount.</summary>
public sealed record ClaimLineInput(string? Category, decimal Quantity, decimal UnitPrice, decimal Amount);
