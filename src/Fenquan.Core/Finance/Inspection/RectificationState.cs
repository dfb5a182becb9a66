namespace Fenquan.Core.Finance.Inspection;

/// <summary>A rectification task's state, derived from its steps.</summary>
public enum RectificationState
{
    /// <summary>Waiting for the deputy's evidence (at first, and after being sent back).</summary>
    Open,

    /// <summary>Evidence given, waiting for the inspector.</summary>
    AwaitingAcceptance,

    /// <summary>Accepted by the inspector: closed.</summary>
    Closed,
}
