using Fenquan.Core.Policy;
using Fenquan.Core.Procurement;

namespace Fenquan.Core.Flags;

/// <summary>
/// R47: the limits that decide a matter's route — the bounds of the amount bands of every policy
/// rule that covers its area, kind, initiator and flags, and for a catalogue item the entry's
/// procurement-centre and tender thresholds (R18). Amounts hug these, and purchases are split under them.
/// </summary>
public static class FlagLimits
{
    /// <summary>The route-deciding limits above zero, ascending and distinct.</summary>
    public static IReadOnlyList<decimal> Of(PolicyDocument policy, MatterFacts facts, CatalogueEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var limits = new SortedSet<decimal>();
        foreach (var rule in policy.Rules.Where(r => PolicyRouter.Matches(r, facts.Area, facts.Kind, facts.Initiator, facts.Flags)))
        {
            if (rule.Amount.Above is { } above)
            {
                limits.Add(above.Resolve(policy.Limits));
            }

            if (rule.Amount.UpTo is { } upTo)
            {
                limits.Add(upTo.Resolve(policy.Limits));
            }
        }

        if (entry is not null)
        {
            limits.Add(entry.CentralisedPurchaseThreshold);
            limits.Add(entry.TenderThreshold);
        }

        return [.. limits.Where(l => l > 0m)];
    }

    /// <summary>The lowest limit at or above the amount ("up to X" includes X), or null when the amount is above them all.</summary>
    public static decimal? Nearest(IReadOnlyList<decimal> limits, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(limits);
        foreach (var limit in limits)
        {
            if (amount <= limit)
            {
                return limit;
            }
        }

        return null;
    }
}
