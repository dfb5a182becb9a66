namespace Fenquan.Core.Licensing;

/// <summary>
/// One item of the county's register of administrative approval items (行政审批事项目录, R24): its
/// published content (code and name), legal basis (设定依据), promised time limit in working days
/// (承诺时限, R46), fee standard (收费标准), and whether the county marks it major (R23).
/// </summary>
public sealed record ApprovalItemEntry(string Code, string Name, string LegalBasis, int PromisedWorkingDays, string FeeStandard, bool IsMajor);
