using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Policy;

/// <summary>
/// Routes a matter under one policy version (pure). The policy is compiled once into a flat table
/// indexed by (area, kind, initiator, flags) holding that slot's bands, resolved with the unit's
/// limits and sorted by lower bound, so routing is an array index and a short scan with no
/// allocation. Anything outside <see cref="MatterKinds"/>, or not matched by exactly one rule, is
/// refused with R40 (fail closed).
/// </summary>
public sealed class PolicyRouter
{
    private static readonly int AreaCount = Enum.GetValues<Area>().Length;
    private static readonly int KindCount = Enum.GetValues<MatterKind>().Length;
    private static readonly int InitiatorCount = Enum.GetValues<InitiatorKind>().Length;
    private const int FlagSlots = 8; // every combination of MatterFlags (three bits)

    private readonly Band[]?[] _slots;

    private PolicyRouter(PolicyDocument policy, Band[]?[] slots)
    {
        Policy = policy;
        _slots = slots;
    }

    public PolicyDocument Policy { get; }

    /// <summary>Compiles a policy. Verify it first (<see cref="PolicyVerifier"/>); the router still refuses gaps and overlaps it meets.</summary>
    public static PolicyRouter Compile(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var slots = new Band[]?[AreaCount * KindCount * InitiatorCount * FlagSlots];
        foreach (var area in Enum.GetValues<Area>())
        {
            foreach (var kind in MatterKinds.For(area))
            {
                foreach (var initiator in MatterKinds.Initiators(area, kind))
                {
                    foreach (var flags in MatterKinds.FlagCombinations(area, kind))
                    {
                        var bands = new List<(decimal Above, decimal UpTo, Route Route)>();
                        foreach (var rule in policy.Rules)
                        {
                            if (Matches(rule, area, kind, initiator, flags))
                            {
                                var low = rule.Amount.Above?.Resolve(policy.Limits) ?? decimal.MinValue;
                                var high = rule.Amount.UpTo?.Resolve(policy.Limits) ?? decimal.MaxValue;
                                bands.Add((low, high, rule.Route));
                            }
                        }

                        slots[Index(area, kind, initiator, flags)] = Segments(bands);
                    }
                }
            }
        }

        return new PolicyRouter(policy, slots);
    }

    /// <summary>Whether a rule covers (area, kind, initiator, flags), regardless of amount.</summary>
    public static bool Matches(PolicyRule rule, Area area, MatterKind kind, InitiatorKind initiator, MatterFlags flags)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Area != area || rule.Kind != kind || (flags & rule.RequiredFlags) != rule.RequiredFlags || (flags & rule.ExcludedFlags) != 0)
        {
            return false;
        }

        foreach (var i in rule.Initiators)
        {
            if (i == initiator)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The route for a matter, or a refusal citing R40 with the reason.</summary>
    public Result<Route> Route(in MatterFacts facts)
    {
        if ((uint)facts.Area >= (uint)AreaCount || (uint)facts.Kind >= (uint)KindCount
            || (uint)facts.Initiator >= (uint)InitiatorCount || (uint)facts.Flags >= FlagSlots)
        {
            return Refusal.Because("R40", "UnrecognisedFacts", "The matter ({area}, {kind}, {amount}, initiated by {initiator}, flags {flags}) is not a recognised area, kind, initiator or flag; it is refused until the policy routes it.", Facts(facts));
        }

        var bands = _slots[Index(facts.Area, facts.Kind, facts.Initiator, facts.Flags)];
        if (bands is null)
        {
            return Refusal.Because("R40", "OutsideDomain", "The matter ({area}, {kind}, {amount}, initiated by {initiator}, flags {flags}) is not a matter the policy domain knows (see MatterKinds); it is refused until the policy routes it.", Facts(facts));
        }

        var amount = facts.Amount;
        if (amount < 0m || (amount == 0m && MatterKinds.HasAmount(facts.Kind)))
        {
            return Refusal.Because("R40", "NonPositiveAmount", "The matter ({area}, {kind}, {amount}, initiated by {initiator}, flags {flags}) has a non-positive amount; it is refused until the policy routes it.", Facts(facts));
        }

        foreach (var segment in bands)
        {
            if (amount <= segment.UpTo)
            {
                return segment.Matches switch
                {
                    1 => Result<Route>.Ok(segment.Route!),
                    0 => Refusal.Because("R40", "NoRuleMatches", "The matter ({area}, {kind}, {amount}, initiated by {initiator}, flags {flags}) is matched by no rule; it is refused until the policy routes it.", Facts(facts)),
                    _ => Refusal.Because("R40", "SeveralRulesMatch", "The matter ({area}, {kind}, {amount}, initiated by {initiator}, flags {flags}) is matched by more than one rule; it is refused until the policy routes it.", Facts(facts)),
                };
            }
        }

        return Refusal.Because("R40", "NoRuleMatches", "The matter ({area}, {kind}, {amount}, initiated by {initiator}, flags {flags}) is matched by no rule; it is refused until the policy routes it.", Facts(facts));
    }

    // R40: each refusal's template is a whole constant (what is wrong included), so a translation words it whole.
    private static RefusalArgument[] Facts(in MatterFacts facts) =>
    [
        ("area", facts.Area.ToString()), ("kind", facts.Kind.ToString()),
        ("amount", facts.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
        ("initiator", facts.Initiator.ToString()), ("flags", facts.Flags.ToString()),
    ];

    private static int Index(Area area, MatterKind kind, InitiatorKind initiator, MatterFlags flags) =>
        ((((int)area * KindCount) + (int)kind) * InitiatorCount + (int)initiator) * FlagSlots + (int)flags;

    /// <summary>
    /// Cuts the amount line at every band bound into segments (previous bound, <c>UpTo</c>], on
    /// each of which every band either holds throughout or not at all, and records how many rules
    /// match there: routing is then exact, and gaps and overlaps are refused.
    /// </summary>
    private static Band[] Segments(List<(decimal Above, decimal UpTo, Route Route)> bands)
    {
        var cuts = new SortedSet<decimal> { decimal.MaxValue };
        foreach (var (above, upTo, _) in bands)
        {
            cuts.Add(above);
            cuts.Add(upTo);
        }

        var segments = new List<Band>(cuts.Count);
        var low = decimal.MinValue;
        foreach (var high in cuts)
        {
            if (high == decimal.MinValue)
            {
                continue;
            }

            var matches = 0;
            Route? route = null;
            foreach (var (above, upTo, r) in bands)
            {
                if (above <= low && upTo >= high)
                {
                    matches++;
                    route = r;
                }
            }

            segments.Add(new Band(high, matches, route));
            low = high;
        }

        return [.. segments];
    }

    private readonly record struct Band(decimal UpTo, int Matches, Route? Route);
}
