namespace Fenquan.Core.Finance;

/// <summary>One line of a claim: what was bought or spent on, how many, at what unit price, and the line's amount.</summary>
public sealed record ClaimLineInput(string? Category, decimal Quantity, decimal UnitPrice, decimal Amount)
{
    /// <summary>A reception claim's facts of the line (R31), checked against its request at submission; null on other claims.</summary>
    public Reception.ReceptionLineFacts? Reception { get; init; }
}
