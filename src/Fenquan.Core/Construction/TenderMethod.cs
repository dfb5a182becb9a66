namespace Fenquan.Core.Construction;

/// <summary>
/// How a project is tendered through the district tender office (R20): 公开招标, 邀请招标, 竞争性谈判
/// or 单一来源. Single source needs a written justification and is itself a red flag (R47).
/// </summary>
public enum TenderMethod
{
    Open,
    Invited,
    CompetitiveNegotiation,
    SingleSource,
}
