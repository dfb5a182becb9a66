namespace Fenquan.Core.Licensing;

/// <summary>One published step of an approval item's procedure (办理流程) with its own limit in working days (R24, R46).</summary>
public sealed record ProcedureStep(string Name, int WorkingDays);
