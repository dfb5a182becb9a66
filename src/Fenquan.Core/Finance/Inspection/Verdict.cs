namespace Fenquan.Core.Finance.Inspection;

/// <summary>A principal's finding on one inspected claim's vouchers (R8).</summary>
public enum Verdict
{
    InOrder,
    Problem,
}
