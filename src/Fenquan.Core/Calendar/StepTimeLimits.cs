using Fenquan.Core.Policy;

namespace Fenquan.Core.Calendar;

/// <summary>
/// R46: how long a matter's step may wait before it is overdue, per kind of step — working days
/// unless a kind is set to calendar days (a notice period fixed by law). Default: 3 working days.
/// </summary>
public sealed record StepTimeLimits(TimeLimit Default, IReadOnlyDictionary<StepKind, TimeLimit> ByKind)
{
    public static StepTimeLimits Standard { get; } = new(TimeLimit.Working(3), new Dictionary<StepKind, TimeLimit>());

    public TimeLimit For(StepKind kind) => ByKind.TryGetValue(kind, out var limit) ? limit : Default;
}
