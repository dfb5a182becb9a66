namespace Fenquan.Core.Finance.Inspection;

/// <summary>A claim the draw chose, and why.</summary>
public readonly record struct SampledClaim(Guid MatterId, decimal Amount, SampleReason Reason);
