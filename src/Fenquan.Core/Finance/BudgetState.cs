namespace Fenquan.Core.Finance;

/// <summary>A unit's budget for a year: imported and waiting for a second official, or confirmed and in force (R5).</summary>
public enum BudgetState
{
    Pending,

    Confirmed,
}
