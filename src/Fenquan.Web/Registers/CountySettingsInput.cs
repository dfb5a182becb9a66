using Fenquan.Core.Organization;

namespace Fenquan.Web.Registers;

/// <summary>
/// New county bounds and switches as the settings form and <c>POST /api/v1/county/settings</c> send
/// them, in yuan; a field left out keeps the value in force. The core decides whether they can be
/// proposed (R2, R3, R4, R5, R16) and a second county administrator confirms them (R40). A new
/// <see cref="Name"/> is its own change, proposed alone.
/// </summary>
public sealed record CountySettingsInput
{
    /// <summary>A new name for the county (R40, four eyes); proposed on its own, never with bounds.</summary>
    public string? Name { get; init; }

    /// <summary>R22: the county's registered OCDS prefix (R40, four eyes); proposed on its own, never with bounds or a name.</summary>
    public string? OcdsPrefix { get; init; }

    public decimal? SmallExpenseMin { get; init; }

    public decimal? SmallExpenseMax { get; init; }

    public decimal? PurchaseMin { get; init; }

    public decimal? PurchaseMax { get; init; }

    public decimal? CollectiveLimit { get; init; }

    public bool? LawEnforcementEnabled { get; init; }

    public bool? ForbidSingleDeputyHoldingAll { get; init; }

    public bool? ForbidDisciplineMemberPortfolio { get; init; }

    /// <summary>What changes and why, in the proposer's words (shown to the confirmer and the discipline inspection).</summary>
    public string? Summary { get; init; }

    /// <summary>Whether any bound or switch is given.</summary>
    public bool ChangesBounds =>
        SmallExpenseMin is not null || SmallExpenseMax is not null || PurchaseMin is not null || PurchaseMax is not null || CollectiveLimit is not null
        || LawEnforcementEnabled is not null || ForbidSingleDeputyHoldingAll is not null || ForbidDisciplineMemberPortfolio is not null;

    /// <summary>The bounds proposed: these fields over <paramref name="current"/>.</summary>
    public CountyBounds Over(CountyBounds current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.With(SmallExpenseMin, SmallExpenseMax, PurchaseMin, PurchaseMax, CollectiveLimit, LawEnforcementEnabled, ForbidSingleDeputyHoldingAll, ForbidDisciplineMemberPortfolio);
    }
}
