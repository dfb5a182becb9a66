namespace Fenquan.Core.Meetings;

/// <summary>The kind of leadership meeting that decides collectively (R43).</summary>
public enum MeetingKind
{
    /// <summary>班子会议: the unit's leadership-team meeting.</summary>
    TeamMeeting,

    /// <summary>党委会: a township's party-committee meeting.</summary>
    PartyCommittee,

    /// <summary>局务会: a department's bureau meeting.</summary>
    BureauMeeting,
}

/// <summary>
/// Where a meeting stands. Changed only by <see cref="Meeting"/>'s methods:
/// <code>
/// Schedule ──► Scheduled ──Open──► InSession ──DrawUpMinutes──► Closed
///              Scheduled ──Cancel──► Cancelled                    (final)
/// </code>
/// The agenda changes only while Scheduled; attendance, recusals, opinions and outcomes are
/// recorded only while InSession; Closed is final for recording (a correction is a new minutes
/// record, see <see cref="MinutesRecord"/>).
/// </summary>
public enum MeetingState
{
    /// <summary>Agenda open: items may be added; members are notified.</summary>
    Scheduled,

    /// <summary>The meeting is held: attendance, recusals, opinions and outcomes are recorded.</summary>
    InSession,

    /// <summary>Every item has its outcome and the minutes are drawn up: nothing more is recorded.</summary>
    Closed,

    /// <summary>The minutes are final (every member present signed, or the discipline member recorded why not) and the outcomes bound their matters.</summary>
    Bound,

    /// <summary>Called off before it opened; its matters go back to the queue. Final.</summary>
    Cancelled,
}

/// <summary>A member's opinion on an item (表态).</summary>
public enum OpinionKind
{
    /// <summary>同意.</summary>
    Agree,

    /// <summary>不同意.</summary>
    Disagree,

    /// <summary>弃权.</summary>
    Abstain,
}

/// <summary>
/// What the meeting decided on an item:
/// <code>
/// (undecided) ──Approve──► Approved   (binds the matter's decided terms)
/// (undecided) ──Reject───► Rejected   (rejects the matter)
/// (undecided) ──Defer────► Deferred   (the matter goes back to the unit's queue)
/// </code>
/// </summary>
public enum ItemOutcomeKind
{
    Approved,
    Rejected,
    Deferred,

    /// <summary>R6 [design]: the team heard an item that informs it (no vote).</summary>
    Noted,
}

/// <summary>Why a member is recused (回避) on an item.</summary>
public enum RecusalGround
{
    /// <summary>Declared by the member, with a reason.</summary>
    Declared,

    /// <summary>Automatic: the member initiated the matter.</summary>
    Initiator,

    /// <summary>Automatic: the matter pays the member.</summary>
    Payee,

    /// <summary>Automatic: the matter concerns the member (a candidate, a person transferred…).</summary>
    Concerned,

    /// <summary>Automatic: a declared relative of the initiator, the payee or a person concerned.</summary>
    Relative,
}

/// <summary>Whether minutes still wait for signatures.</summary>
public enum MinutesState
{
    /// <summary>Some present attendee has not signed yet.</summary>
    Draft,

    /// <summary>Every present attendee signed: final and immutable.</summary>
    Final,
}

/// <summary>What a majority is counted against.</summary>
public enum VoteBase
{
    /// <summary>The members entitled to vote on the item: present and not recused.</summary>
    EntitledPresent,

    /// <summary>All team members of the meeting, present or absent, except those recused on the item.</summary>
    AllNotRecused,
}
