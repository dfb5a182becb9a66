namespace Fenquan.Core.Matters;

/// <summary>
/// Where a matter stands. Changed only by <see cref="Matter"/>'s methods:
/// <code>
/// Submit ──► Pending ──(last step done)──► Approved ──(material edit, R42)──► Pending (round + 1)
///            Pending ──Reject──► Rejected                      (final)
///            Pending ──Return──► Returned ──Resubmit──► Pending (round + 1)
///            Pending ──(material edit, R42)──► Pending (round + 1, step 0)
///            Pending / Returned ──Withdraw──► Withdrawn       (final)
/// </code>
/// </summary>
public enum MatterState
{
    /// <summary>Waiting for the current step of the current round.</summary>
    Pending,

    /// <summary>Every step of the current round is done.</summary>
    Approved,

    /// <summary>Refused by an eligible actor on a deciding step. Final.</summary>
    Rejected,

    /// <summary>Returned for changes: the initiator may edit and resubmit (a new round).</summary>
    Returned,

    /// <summary>Withdrawn by the initiator. Final.</summary>
    Withdrawn,
}
