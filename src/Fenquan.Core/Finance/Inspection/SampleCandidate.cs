namespace Fenquan.Core.Finance.Inspection;

/// <summary>One paid claim of the population a sample is drawn from: the matter and what was paid on it in the period.</summary>
public readonly record struct SampleCandidate(Guid MatterId, decimal Amount);
