namespace Fenquan.Core.Finance.Reception;

/// <summary>The level of a reception's guests, by which the county sets its per-person standards (R31).</summary>
public enum GuestLevel
{
    /// <summary>省部级.</summary>
    Provincial,

    /// <summary>厅局级.</summary>
    Prefectural,

    /// <summary>县处级.</summary>
    County,

    /// <summary>一般工作人员.</summary>
    Staff,
}
