using Fenquan.Core.Policy;

namespace Fenquan.Core.Calendar;

/// <summary>
/// R46: how long a matter's step may wait before it is overdue, per kind of step, as a unit's policy
/// sets it (<see cref="PolicyDocument.StepLimits"/>): a default, and a limit of its own for any kind
/// that needs one (a notice period counted in calendar days by law). A policy written before limits
/// were in the policy reads as <see cref="Standard"/>: 3 working days for every step, yellow at 80 %.
/// </summary>
public sealed record StepTimeLimits(StepLimit Default, IReadOnlyDictionary<StepKind, StepLimit> ByKind)
{
    public static StepTimeLimits Standard { get; } = new(StepLimit.Standard, new Dictionary<StepKind, StepLimit>());

    public StepLimit For(StepKind kind) => ByKind.TryGetValue(kind, out var limit) ? limit : Default;

    public bool Equals(StepTimeLimits? other) =>
        other is not null && Default == other.Default && ByKind.Count == other.ByKind.Count
        && ByKind.All(p => other.ByKind.TryGetValue(p.Key, out var limit) && limit == p.Value);

    public override int GetHashCode() => HashCode.Combine(Default, ByKind.Count);
}
