namespace Fenquan.Core.Organization;

/// <summary>
/// The bounds a county sets for every unit's policy (R4, R16, R5) and its optional constraints
/// (R2 sixth area, R3 [design] constraints). Amounts are yuan.
/// </summary>
public sealed record CountyBounds
{
    /// <summary>R4: small-expense limit range (speech: 2,000–5,000).</summary>
    public decimal SmallExpenseMin { get; init; } = 2_000m;

    public decimal SmallExpenseMax { get; init; } = 5_000m;

    /// <summary>R16: purchase limit range (speech: 1,000–5,000).</summary>
    public decimal PurchaseMin { get; init; } = 1_000m;

    public decimal PurchaseMax { get; init; } = 5_000m;

    /// <summary>R5: above this a matter goes to a collective decision (speech: 5,000).</summary>
    public decimal CollectiveLimit { get; init; } = 5_000m;

    /// <summary>R2: 执法 as a sixth restricted area.</summary>
    public bool LawEnforcementEnabled { get; init; }

    /// <summary>R3 [design]: forbid one deputy holding every restricted area.</summary>
    public bool ForbidSingleDeputyHoldingAll { get; init; }

    /// <summary>R3 [design]: forbid the discipline-inspection member holding any portfolio.</summary>
    public bool ForbidDisciplineMemberPortfolio { get; init; }

    public static CountyBounds Default { get; } = new();

    /// <summary>These bounds with the values given replaced (a setting left null keeps its value): a proposal from a form, the API or the command line.</summary>
    public CountyBounds With(
        decimal? smallExpenseMin = null,
        decimal? smallExpenseMax = null,
        decimal? purchaseMin = null,
        decimal? purchaseMax = null,
        decimal? collectiveLimit = null,
        bool? lawEnforcementEnabled = null,
        bool? forbidSingleDeputyHoldingAll = null,
        bool? forbidDisciplineMemberPortfolio = null) => new()
    {
        SmallExpenseMin = smallExpenseMin ?? SmallExpenseMin,
        SmallExpenseMax = smallExpenseMax ?? SmallExpenseMax,
        PurchaseMin = purchaseMin ?? PurchaseMin,
        PurchaseMax = purchaseMax ?? PurchaseMax,
        CollectiveLimit = collectiveLimit ?? CollectiveLimit,
        LawEnforcementEnabled = lawEnforcementEnabled ?? LawEnforcementEnabled,
        ForbidSingleDeputyHoldingAll = forbidSingleDeputyHoldingAll ?? ForbidSingleDeputyHoldingAll,
        ForbidDisciplineMemberPortfolio = forbidDisciplineMemberPortfolio ?? ForbidDisciplineMemberPortfolio,
    };

    /// <summary>R4, R16, R5: ranges that are ranges (minimum up to maximum, above zero) and a collective limit above zero.</summary>
    public Primitives.Outcome Check()
    {
        if (SmallExpenseMin <= 0m || SmallExpenseMin > SmallExpenseMax)
        {
            return Primitives.Refusal.Because("R4", "BoundsRange", "The small-expense range must run from above zero up to its maximum.");
        }

        if (PurchaseMin <= 0m || PurchaseMin > PurchaseMax)
        {
            return Primitives.Refusal.Because("R16", "BoundsRange", "The purchase-limit range must run from above zero up to its maximum.");
        }

        return CollectiveLimit <= 0m
            ? Primitives.Refusal.Because("R5", "BoundsRange", "The collective limit must be above zero.")
            : Primitives.Outcome.Ok;
    }

    /// <summary>The restricted areas in force under these bounds.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<Area> RestrictedAreas => LawEnforcementEnabled
        ? [Area.Finance, Area.Personnel, Area.Procurement, Area.Construction, Area.AdministrativeApproval, Area.LawEnforcement]
        : [Area.Finance, Area.Personnel, Area.Procurement, Area.Construction, Area.AdministrativeApproval];
}
