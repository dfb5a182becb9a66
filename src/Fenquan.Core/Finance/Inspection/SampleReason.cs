namespace Fenquan.Core.Finance.Inspection;

/// <summary>Why a paid claim is in an inspection sample (R8).</summary>
public enum SampleReason
{
    /// <summary>Hit by monetary-unit sampling: every yuan paid had the same chance, so a claim's chance grows with its amount.</summary>
    MonetaryUnit,

    /// <summary>Above the amount at which every claim is inspected.</summary>
    AboveThreshold,
}
