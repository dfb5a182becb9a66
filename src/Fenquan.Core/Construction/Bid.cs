using Fenquan.Core.Primitives;

namespace Fenquan.Core.Construction;

/// <summary>
/// A bid on a construction project's tender (R20): a registered counterparty (R6) and its price, and
/// the rank the bid evaluation committee (评标委员会) gave it. A row of its own; recorded through
/// <see cref="ConstructionProject.RecordBid"/> and ranked by <see cref="ConstructionProject.Rank"/>.
/// </summary>
public sealed class Bid
{
    public const int MaxName = 200;

    private Bid()
    {
        BidderName = string.Empty;
    }

    internal Bid(ConstructionProject project, CounterpartyId bidder, string name, decimal price, PersonId by, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = project.CountyId;
        ProjectId = project.Id;
        BidderId = bidder;
        BidderName = name;
        Price = price;
        RecordedBy = by;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public Guid ProjectId { get; private set; }

    public CounterpartyId BidderId { get; private set; }

    public string BidderName { get; private set; }

    /// <summary>Yuan, above zero.</summary>
    public decimal Price { get; private set; }

    /// <summary>The evaluation committee's rank, from 1; null until ranked.</summary>
    public int? Rank { get; private set; }

    public PersonId RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    internal void RankAs(int rank) => Rank = rank;
}
