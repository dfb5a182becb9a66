namespace Fenquan.Core.Calendar;

/// <summary>R46: where something stands against its time limit.</summary>
public enum LimitColour
{
    /// <summary>Within the limit, before the warning share.</summary>
    Green,

    /// <summary>黄牌: the warning share of the limit is used.</summary>
    Yellow,

    /// <summary>红牌: the limit is exceeded.</summary>
    Red,
}
