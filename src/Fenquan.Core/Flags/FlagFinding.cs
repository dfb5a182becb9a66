using Fenquan.Core.Primitives;

namespace Fenquan.Core.Flags;

/// <summary>
/// What a check of R47 found: the kind, and its evidence — for a split purchase what the purchases
/// share, the limit, their total and the other matters; for hugging the limit; for a repeated
/// supplier its count (in <see cref="Total"/>) of the unit's purchases that year (in <see cref="Limit"/>).
/// </summary>
public sealed record FlagFinding(RedFlagKind Kind, decimal? Limit = null, decimal? Total = null, SplitBasis? Basis = null)
{
    public IReadOnlyList<MatterId> Related { get; init; } = [];
}
