using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance;

/// <summary>A line item of an expense claim (R4, R7: each signer sees what the money is for); made only by <see cref="Claim.Itemise"/>.</summary>
public sealed class ClaimLine
{
    public const int MaxCategory = 50;

    private ClaimLine()
    {
        Category = string.Empty;
    }

    internal ClaimLine(CountyId county, MatterId matter, int number, string category, decimal quantity, decimal unitPrice, decimal amount)
    {
        Id = Guid.CreateVersion7();
        CountyId = county;
        MatterId = matter;
        Number = number;
        Category = category;
        Quantity = quantity;
        UnitPrice = unitPrice;
        Amount = amount;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public MatterId MatterId { get; private set; }

    /// <summary>From 1, in the order entered.</summary>
    public int Number { get; private set; }

    /// <summary>What the line is for (住宿费, 交通费, 办公用品 …).</summary>
    public string Category { get; private set; }

    public decimal Quantity { get; private set; }

    /// <summary>Yuan per unit.</summary>
    public decimal UnitPrice { get; private set; }

    /// <summary>Yuan: the quantity times the unit price, to the fen.</summary>
    public decimal Amount { get; private set; }
}
