namespace Fenquan.Core.Finance.Inspection;

/// <summary>What happened on a rectification task (R8).</summary>
public enum RectificationStepKind
{
    /// <summary>The responsible deputy reports what was corrected, with evidence.</summary>
    Evidence,

    /// <summary>The inspector finds the evidence not enough and sends the task back.</summary>
    SentBack,

    /// <summary>The inspector accepts the evidence: the task is closed.</summary>
    Accepted,
}
