using Fenquan.Core.Organization;

namespace Fenquan.Core.Policy;

/// <summary>
/// Rules a policy written before them lacks, offered as a new version for the unit to propose, agree
/// in its team's meeting and have approved at the county (R40) — never applied to a verified version
/// in force, which stays as it was verified (R41: matters keep the version they were submitted under).
/// Until the unit adopts the new version, what the old one lacks fails closed (a variation beyond the
/// share is refused, <see cref="Construction.ConstructionProject.AddVariation"/>).
/// </summary>
public static class PolicyUpgrade
{
    /// <summary>
    /// R19: a policy from before variation orders beyond the project's share of the contract
    /// (<see cref="MatterFlags.BeyondVariationShare"/>) went to a collective decision: the same
    /// policy, its variation rules excluding the flag, with the default's beyond-share rules added, as
    /// version <c>current.Version + 1</c> from <paramref name="effectiveFrom"/>. Null when the policy
    /// already routes such variations by a rule of their own.
    /// </summary>
    public static PolicyDocument? WithVariationShare(PolicyDocument current, CountyBounds bounds, DateOnly effectiveFrom)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(bounds);
        static bool IsVariation(PolicyRule r) => r.Kind == MatterKind.VariationOrder;
        if (current.Rules.Any(r => IsVariation(r) && r.RequiredFlags.HasFlag(MatterFlags.BeyondVariationShare)))
        {
            return null;
        }

        var added = DefaultPolicy.Create(current.Limits, bounds).Rules.Where(r => IsVariation(r) && r.RequiredFlags.HasFlag(MatterFlags.BeyondVariationShare));
        var rules = current.Rules.Select(r => IsVariation(r) ? r with { ExcludedFlags = r.ExcludedFlags | MatterFlags.BeyondVariationShare } : r).Concat(added).ToList();
        return new PolicyDocument(current.Version + 1, effectiveFrom, current.Limits, rules) { StepLimits = current.StepLimits };
    }
}
