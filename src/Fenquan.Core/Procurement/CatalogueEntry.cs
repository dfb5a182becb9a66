namespace Fenquan.Core.Procurement;

/// <summary>
/// One entry of the county's government procurement catalogue (政府采购目录): an item by code, name
/// and category (货物 goods, 工程 works, 服务 services), with the amounts in yuan from which it is
/// bought through the district procurement centre (集中采购限额) and by open tender (公开招标数额标准).
/// </summary>
public sealed record CatalogueEntry(string Code, string Name, string Category, decimal CentralisedPurchaseThreshold, decimal TenderThreshold)
{
    /// <summary>
    /// R18: how a catalogue purchase of <paramref name="amount"/> is handed off after the collective
    /// decision: by open tender from the tender threshold, through the procurement centre from the
    /// centralised-purchase threshold, otherwise under the centre's framework agreement (协议供货).
    /// </summary>
    public ProcurementMethod MethodFor(decimal amount) =>
        amount >= TenderThreshold ? ProcurementMethod.OpenTender
        : amount >= CentralisedPurchaseThreshold ? ProcurementMethod.ProcurementCentre
        : ProcurementMethod.FrameworkAgreement;
}

/// <summary>How a catalogue purchase is handed off (R18).</summary>
public enum ProcurementMethod
{
    /// <summary>协议供货 / 定点采购: below the centralised-purchase threshold.</summary>
    FrameworkAgreement,

    /// <summary>集中采购: through the district procurement centre.</summary>
    ProcurementCentre,

    /// <summary>公开招标.</summary>
    OpenTender,
}
