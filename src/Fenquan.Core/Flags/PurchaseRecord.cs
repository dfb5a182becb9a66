using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Flags;

/// <summary>
/// The facts of one submitted purchase plan that the flags of R47 read: unit, day of submission,
/// supplier (the payee counterparty), catalogue category, amount and the limit it was at or under.
/// Written with the matter at submission (its id is the matter's), read by the inline check through
/// the indexes (unit, supplier or category, day) and, in that order, by the batch scan. Amounts are
/// in fen, so the window's sums are integer sums in SQL and in the scan alike.
/// </summary>
public sealed class PurchaseRecord
{
    public const int MaxCategory = 50;

    private PurchaseRecord()
    {
    }

    public PurchaseRecord(Guid id, CountyId countyId, UnitId unitId, DateOnly submittedOn, CounterpartyId? counterpartyId, string? category, long amountFen, long? limitFen)
    {
        Id = id;
        CountyId = countyId;
        UnitId = unitId;
        SubmittedDay = submittedOn.DayNumber;
        CounterpartyId = counterpartyId;
        Category = category;
        AmountFen = amountFen;
        LimitFen = limitFen;
    }

    /// <summary>The matter's id (<see cref="MatterId"/>); bench rows have ids of their own.</summary>
    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    /// <summary>The day of submission as <see cref="DateOnly.DayNumber"/>: an integer, so the window is integer arithmetic on every database.</summary>
    public int SubmittedDay { get; private set; }

    public DateOnly SubmittedOn => DateOnly.FromDayNumber(SubmittedDay);

    /// <summary>The supplier: the registered counterparty paid; null when the purchase pays no counterparty.</summary>
    public CounterpartyId? CounterpartyId { get; private set; }

    /// <summary>The procurement-catalogue category of the item; null for an item not in the catalogue.</summary>
    public string? Category { get; private set; }

    public long AmountFen { get; private set; }

    /// <summary>The lowest limit deciding the route at or above the amount (<see cref="FlagLimits.Nearest"/>); null when the amount is above them all.</summary>
    public long? LimitFen { get; private set; }

    public MatterId MatterId => new(Id);

    /// <summary>The record of a purchase plan as submitted.</summary>
    public static PurchaseRecord Of(Matter matter, string? category, decimal? limit)
    {
        ArgumentNullException.ThrowIfNull(matter);
        return new PurchaseRecord(matter.Id.Value, matter.CountyId, matter.UnitId, matter.SubmittedOn, matter.Payee.CounterpartyId,
            string.IsNullOrWhiteSpace(category) ? null : category.Trim(), Fen(matter.Amount), limit is { } l ? Fen(l) : null);
    }

    public static long Fen(decimal yuan) => checked((long)decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero));

    public static decimal Yuan(long fen) => fen / 100m;
}
