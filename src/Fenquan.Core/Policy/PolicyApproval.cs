using Fenquan.Core.CountyChanges;

namespace Fenquan.Core.Policy;

/// <summary>
/// A county approval of a policy proposal: the proposal's step, the county's four-eyes change it
/// proposed (first approval) or confirmed (second), and on the second the version it published.
/// </summary>
public sealed record PolicyApproval(PolicyProposalStep Step, CountyChange Change, PolicyVersion? Version);
