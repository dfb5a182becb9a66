namespace Fenquan.Core.Flags;

/// <summary>The red flags of R47. None blocks a matter: each is shown to its approvers and cleared with a written reason.</summary>
public enum RedFlagKind
{
    /// <summary>拆分采购: purchases of one unit from one supplier, or of one catalogue category, each at or under a limit and together over it within the window.</summary>
    SplitPurchase,

    /// <summary>An amount within the county's share (default 90 %) below a limit that decides the route, the limit itself included.</summary>
    ThresholdHugging,

    /// <summary>Approved within the county's interval (default one minute) of submission; raised at approval.</summary>
    FastApproval,

    /// <summary>One counterparty winning more than the county's share of a unit's purchases in a calendar year.</summary>
    RepeatedSupplier,

    /// <summary>单一来源: a construction project tendered to a single source, with its written justification (R20); raised when the tender is recorded.</summary>
    SingleSource,
}

/// <summary>What a split purchase's purchases have in common.</summary>
public enum SplitBasis
{
    /// <summary>The same payee counterparty.</summary>
    Supplier,

    /// <summary>The same procurement-catalogue category.</summary>
    Category,
}
