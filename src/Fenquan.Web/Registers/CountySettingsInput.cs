using Fenquan.Core.Organization;

namespace Fenquan.Web.Registers;

/// <summary>
/// New county bounds and switches as the settings form and <c>POST /api/v1/county/settings</c> send
/// them, in yuan; a field left out keeps the value in force. The core decides whether they can be
/// proposed (R2, R3, R4, R5, R16) and a second county administrator confirms them (R40).
/// </summary>
public sealed record CountySettingsInput
{
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

    /// <summary>The bounds proposed: these fields over <paramref name="current"/>.</summary>
    public CountyBounds Over(CountyBounds current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.With(SmallExpenseMin, SmallExpenseMax, PurchaseMin, PurchaseMax, CollectiveLimit, LawEnforcementEnabled, ForbidSingleDeputyHoldingAll, ForbidDisciplineMemberPortfolio);
    }
}
