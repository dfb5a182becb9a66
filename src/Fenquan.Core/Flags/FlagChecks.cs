using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Flags;

/// <summary>
/// The checks of R47, pure: plain facts in, a finding or null out. The data layer loads the facts
/// through indexed queries at submission (and approval); the batch scan runs the same arithmetic
/// (<see cref="SplitWindow"/>) over history.
/// </summary>
public static class FlagChecks
{
    /// <summary>
    /// Split purchase: <paramref name="current"/> and the <paramref name="earlier"/> purchases of the
    /// same unit and supplier (or category) submitted 0 to <see cref="FlagSettings.WindowDays"/> days
    /// before it, each at or under the current purchase's limit, together over it. The finding names
    /// the other matters. No limit (the amount above every limit): no split under it.
    /// </summary>
    public static FlagFinding? SplitPurchase(PurchaseRecord current, IEnumerable<PurchaseRecord> earlier, SplitBasis basis, FlagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(settings);
        if (current.LimitFen is not { } limit || current.AmountFen > limit)
        {
            return null;
        }

        var others = earlier
            .Where(e => e.Id != current.Id && e.UnitId == current.UnitId && InWindow(e.SubmittedDay, current.SubmittedDay, settings) && e.AmountFen <= limit)
            .Where(e => basis == SplitBasis.Supplier ? e.CounterpartyId is not null && e.CounterpartyId == current.CounterpartyId : e.Category is not null && e.Category == current.Category)
            .OrderBy(e => e.SubmittedDay).ThenBy(e => e.Id)
            .ToList();
        var total = current.AmountFen + others.Sum(e => e.AmountFen);
        return others.Count > 0 && total > limit
            ? new FlagFinding(RedFlagKind.SplitPurchase, PurchaseRecord.Yuan(limit), PurchaseRecord.Yuan(total), basis) { Related = [.. others.Select(e => e.MatterId)] }
            : null;
    }

    /// <summary>Whether a purchase of <paramref name="earlierDay"/> is in the window of one of <paramref name="day"/>: 0 to <see cref="FlagSettings.WindowDays"/> days before, both ends included.</summary>
    public static bool InWindow(int earlierDay, int day, FlagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return day - earlierDay >= 0 && day - earlierDay <= settings.WindowDays;
    }

    /// <summary>The first day still in the window of a purchase of <paramref name="day"/>.</summary>
    public static int WindowStart(int day, FlagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return day - settings.WindowDays;
    }

    /// <summary>Threshold hugging: the amount in [share × L, L] for a route-deciding limit L (the limit itself included, as "up to L" routes it on the lower side).</summary>
    public static FlagFinding? ThresholdHugging(decimal amount, IReadOnlyList<decimal> limits, FlagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return FlagLimits.Nearest(limits, amount) is { } limit && Hugs(amount, limit, settings)
            ? new FlagFinding(RedFlagKind.ThresholdHugging, limit, amount)
            : null;
    }

    public static bool Hugs(decimal amount, decimal limit, FlagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return amount > 0m && amount <= limit && amount >= limit * settings.HuggingShare;
    }

    /// <summary>Fast approval: the matter approved at most <see cref="FlagSettings.FastApprovalSeconds"/> after it was submitted.</summary>
    public static FlagFinding? FastApproval(Matter matter, DateTimeOffset approvedAt, FlagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(settings);
        return matter.State == MatterState.Approved && approvedAt - matter.SubmittedAt <= TimeSpan.FromSeconds(settings.FastApprovalSeconds)
            ? new FlagFinding(RedFlagKind.FastApproval, Total: (decimal)(approvedAt - matter.SubmittedAt).TotalSeconds)
            : null;
    }

    /// <summary>
    /// Repeated supplier: of the unit's <paramref name="unitPurchases"/> in the calendar year (the
    /// current one included), the supplier won <paramref name="supplierPurchases"/>: at least the
    /// minimum and more than the share.
    /// </summary>
    public static FlagFinding? RepeatedSupplier(int supplierPurchases, int unitPurchases, FlagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return supplierPurchases >= settings.RepeatedSupplierMinimum && supplierPurchases > settings.RepeatedSupplierShare * unitPurchases
            ? new FlagFinding(RedFlagKind.RepeatedSupplier, unitPurchases, supplierPurchases)
            : null;
    }

    /// <summary>
    /// How many of the unit's purchases need counting at most to decide <see cref="RepeatedSupplier"/>:
    /// past this many the supplier's share is below the county's, so a query may stop there.
    /// </summary>
    public static int UnitPurchasesWorthCounting(int supplierPurchases, FlagSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (int)Math.Floor(supplierPurchases / settings.RepeatedSupplierShare) + 1;
    }

    /// <summary>The calendar year of a day, as its first and last day numbers.</summary>
    public static (int First, int Last) YearOf(int day)
    {
        var year = DateOnly.FromDayNumber(day).Year;
        return (new DateOnly(year, 1, 1).DayNumber, new DateOnly(year, 12, 31).DayNumber);
    }
}
