namespace Fenquan.Core.Construction;

/// <summary>
/// Where a construction project stands (R19–R22): proposed (立项, decided collectively on its proposal
/// matter), tendered through the district tender office, bids ranked by the evaluation committee,
/// candidates publicly noticed (中标候选人公示), contractor proposed to the team (R21), contract signed,
/// accepted (竣工验收) and its settlement audited (结算审计).
/// </summary>
public enum ConstructionStage
{
    Proposed,
    Tendered,
    Ranked,
    Noticed,
    ContractorProposed,
    Contracted,
    Accepted,
    Audited,
}
