namespace Fenquan.Core.Licensing;

/// <summary>Where an application stands; derived only through <see cref="ApprovalApplication"/>'s methods.</summary>
public enum ApplicationState
{
    /// <summary>已提交: waiting for the unit to accept it, refuse it, or ask for what is missing.</summary>
    Submitted,

    /// <summary>待补正: the unit asked, once and for all, for the missing documents (Art. 32).</summary>
    AwaitingCorrection,

    /// <summary>已受理: in its procedure's steps.</summary>
    Accepted,

    /// <summary>办结（准予）: granted, with a decision document.</summary>
    Completed,

    /// <summary>不予受理 / 不予许可: refused with reasons, with a decision document.</summary>
    Refused,
}

/// <summary>What happened to an application: each is its own row, never overwritten.</summary>
public enum ApplicationEventKind
{
    Submitted,
    CorrectionRequested,
    Corrected,
    Accepted,
    StepCompleted,
    PauseStarted,
    PauseEnded,
    FeeCharged,
    Granted,
    Refused,

    /// <summary>R23: a major item's decision is referred to the unit's route for major items (the team decides).</summary>
    ReferredToTeam,
}

/// <summary>Art. 45: what the clock pauses for (听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审).</summary>
public enum PauseReason
{
    Hearing,
    ExpertReview,
    Inspection,
    Tender,
    Other,
}
