using Fenquan.Core.Policy;

namespace Fenquan.Core.Matters;

/// <summary>What an actor did on a step. Every step kind has exactly one action that completes it.</summary>
public enum ActionKind
{
    /// <summary>Completes a <see cref="StepKind.Propose"/> step (提出).</summary>
    Propose,

    /// <summary>审核.</summary>
    Review,

    /// <summary>考核 / 推荐 (R12, R14).</summary>
    Assess,

    /// <summary>审批.</summary>
    Approve,

    /// <summary>会签 (R7).</summary>
    Countersign,

    /// <summary>同意 (R17, R23).</summary>
    Consent,

    /// <summary>Records the team's collective decision, with the meeting / minutes reference (R43).</summary>
    RecordCollectiveDecision,

    /// <summary>Records the hand-off to the procurement centre or tender office, with its reference (R18, R20).</summary>
    HandOff,

    /// <summary>Records the public notice (公示) (R12, R22).</summary>
    RecordPublicNotice,

    /// <summary>Records that the team was informed (R6 [design]).</summary>
    InformTeam,

    /// <summary>Refuses the matter on a deciding step; final.</summary>
    Reject,

    /// <summary>Returns the matter to its initiator for changes on a deciding step.</summary>
    Return,
}

/// <summary>How step kinds and action kinds relate.</summary>
public static class StepActions
{
    /// <summary>The one action that completes a step of this kind.</summary>
    public static ActionKind CompletingAction(StepKind step) => step switch
    {
        StepKind.Propose => ActionKind.Propose,
        StepKind.Review => ActionKind.Review,
        StepKind.Assess => ActionKind.Assess,
        StepKind.Approve => ActionKind.Approve,
        StepKind.Countersign => ActionKind.Countersign,
        StepKind.Consent => ActionKind.Consent,
        StepKind.CollectiveDecision => ActionKind.RecordCollectiveDecision,
        StepKind.HandOff => ActionKind.HandOff,
        StepKind.PublicNotice => ActionKind.RecordPublicNotice,
        StepKind.InformTeam => ActionKind.InformTeam,
    };

    /// <summary>Whether the action completes a step (everything but Reject and Return).</summary>
    public static bool CompletesStep(this ActionKind kind) => kind switch
    {
        ActionKind.Reject or ActionKind.Return => false,
        ActionKind.Propose or ActionKind.Review or ActionKind.Assess or ActionKind.Approve or ActionKind.Countersign
            or ActionKind.Consent or ActionKind.RecordCollectiveDecision or ActionKind.HandOff
            or ActionKind.RecordPublicNotice or ActionKind.InformTeam => true,
    };

    /// <summary>
    /// A deciding step is one whose actor may say no: it can be rejected or returned on. Hand-off,
    /// public notice and informing the team record what happened; they decide nothing.
    /// </summary>
    public static bool IsDeciding(StepKind step) => step switch
    {
        StepKind.Propose or StepKind.Review or StepKind.Assess or StepKind.Approve or StepKind.Countersign
            or StepKind.Consent or StepKind.CollectiveDecision => true,
        StepKind.HandOff or StepKind.PublicNotice or StepKind.InformTeam => false,
    };

    /// <summary>
    /// A recording step is one whose actor writes down what someone else decided or did: the team's
    /// decision (a <see cref="ActorKind.Team"/> step, recorded by the office or a principal), an
    /// external hand-off, a public notice, the team being informed. Its recorder is not a decider, so acting on it does not count as "acting
    /// on two steps" (an office reviewer may review and later record the meeting's decision).
    /// The initiator and the payee still may not record on their own matter.
    /// </summary>
    public static bool IsRecording(RouteStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        // A CollectiveDecision step whose actor is not the Team would be one person deciding: it is
        // not treated as recording (and a verified policy never has one).
        return step.Actor.Kind is ActorKind.Team or ActorKind.External
            || step.Kind is StepKind.HandOff or StepKind.PublicNotice or StepKind.InformTeam;
    }
}
