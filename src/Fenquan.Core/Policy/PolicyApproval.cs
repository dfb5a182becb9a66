namespace Fenquan.Core.Policy;

/// <summary>A county approval: the step recorded and, on the second approval, the version it published.</summary>
public sealed record PolicyApproval(PolicyProposalStep Step, PolicyVersion? Version);
