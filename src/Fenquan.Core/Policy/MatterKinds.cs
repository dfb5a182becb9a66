using Fenquan.Core.Organization;

namespace Fenquan.Core.Policy;

/// <summary>
/// The domain of matters, in one place: which matter kinds exist in each area, which initiator
/// kinds may submit each, which flags apply, and whether the matter carries an amount. The router
/// refuses facts outside this domain (fail closed) and the verifier checks completeness over it (R40).
/// </summary>
public static class MatterKinds
{
    private static readonly MatterKind[] FinanceKinds = [MatterKind.Expense, MatterKind.Reception, MatterKind.BudgetRaise];
    private static readonly MatterKind[] PersonnelKinds = [MatterKind.Promotion, MatterKind.TransferIn, MatterKind.Secondment, MatterKind.KeyPostChange];
    private static readonly MatterKind[] ProcurementKinds = [MatterKind.PurchasePlan];
    private static readonly MatterKind[] ConstructionKinds = [MatterKind.ConstructionProject, MatterKind.ContractorChoice, MatterKind.VariationOrder];
    private static readonly MatterKind[] ApprovalKinds = [MatterKind.ApprovalItem];
    private static readonly MatterKind[] EnforcementKinds = [MatterKind.EnforcementAction];

    private static readonly InitiatorKind[] Everyone = [InitiatorKind.Staff, InitiatorKind.Section, InitiatorKind.Deputy, InitiatorKind.Principal];
    private static readonly InitiatorKind[] SectionDeputyPrincipal = [InitiatorKind.Section, InitiatorKind.Deputy, InitiatorKind.Principal];
    private static readonly InitiatorKind[] SectionOrDeputy = [InitiatorKind.Section, InitiatorKind.Deputy];
    private static readonly InitiatorKind[] HandlerOrDeputy = [InitiatorKind.Staff, InitiatorKind.Deputy];

    private static readonly MatterFlags[] NoFlags = [MatterFlags.None];
    private static readonly MatterFlags[] CatalogueOrNot = [MatterFlags.None, MatterFlags.CatalogueItem];
    private static readonly MatterFlags[] MajorOrNot = [MatterFlags.None, MatterFlags.MajorApprovalItem];
    private static readonly MatterFlags[] BeyondShareOrNot = [MatterFlags.None, MatterFlags.BeyondVariationShare];

    /// <summary>The matter kinds of an area.</summary>
    public static IReadOnlyList<MatterKind> For(Area area) => area switch
    {
        Area.Finance => FinanceKinds,
        Area.Personnel => PersonnelKinds,
        Area.Procurement => ProcurementKinds,
        Area.Construction => ConstructionKinds,
        Area.AdministrativeApproval => ApprovalKinds,
        Area.LawEnforcement => EnforcementKinds,
        _ => [],
    };

    /// <summary>
    /// The initiator kinds that may submit a matter of this kind. Personnel and construction
    /// matters are proposed by a section head or a deputy (R14, R20); approval and enforcement
    /// matters are started by a handler (经办人, <see cref="InitiatorKind.Staff"/>) or a deputy
    /// (R23); reception requests come from the office (a section) or a leader (R31).
    /// </summary>
    public static IReadOnlyList<InitiatorKind> Initiators(Area area, MatterKind kind) => (area, kind) switch
    {
        (Area.Finance, MatterKind.Expense or MatterKind.BudgetRaise) => Everyone,
        (Area.Finance, MatterKind.Reception) => SectionDeputyPrincipal,
        (Area.Procurement, MatterKind.PurchasePlan) => SectionDeputyPrincipal,
        (Area.Personnel, MatterKind.Promotion or MatterKind.TransferIn or MatterKind.Secondment or MatterKind.KeyPostChange) => SectionOrDeputy,
        (Area.Construction, MatterKind.ConstructionProject or MatterKind.ContractorChoice or MatterKind.VariationOrder) => SectionOrDeputy,
        (Area.AdministrativeApproval, MatterKind.ApprovalItem) => HandlerOrDeputy,
        (Area.LawEnforcement, MatterKind.EnforcementAction) => HandlerOrDeputy,
        _ => [],
    };

    /// <summary>Every flag combination a matter of this kind may carry (R18 catalogue items, R23 major items).</summary>
    public static IReadOnlyList<MatterFlags> FlagCombinations(Area area, MatterKind kind) => (area, kind) switch
    {
        (Area.Procurement, MatterKind.PurchasePlan) => CatalogueOrNot,
        (Area.AdministrativeApproval, MatterKind.ApprovalItem) => MajorOrNot,
        (Area.Construction, MatterKind.VariationOrder) => BeyondShareOrNot,
        _ => NoFlags,
    };

    /// <summary>The flags that mean something for this kind; any other flag on a matter is refused.</summary>
    public static MatterFlags ApplicableFlags(Area area, MatterKind kind) => (area, kind) switch
    {
        (Area.Procurement, MatterKind.PurchasePlan) => MatterFlags.CatalogueItem,
        (Area.AdministrativeApproval, MatterKind.ApprovalItem) => MatterFlags.MajorApprovalItem,
        (Area.Construction, MatterKind.VariationOrder) => MatterFlags.BeyondVariationShare,
        _ => MatterFlags.None,
    };

    /// <summary>
    /// Whether the kind carries an amount that selects the route. Personnel matters, approval items
    /// and enforcement actions do not: their rules cover any amount and their amount may be zero.
    /// </summary>
    public static bool HasAmount(MatterKind kind) => kind switch
    {
        MatterKind.Expense or MatterKind.Reception or MatterKind.BudgetRaise or MatterKind.PurchasePlan
            or MatterKind.ConstructionProject or MatterKind.ContractorChoice or MatterKind.VariationOrder => true,
        MatterKind.Promotion or MatterKind.TransferIn or MatterKind.Secondment or MatterKind.KeyPostChange
            or MatterKind.ApprovalItem or MatterKind.EnforcementAction => false,
        _ => false,
    };

    /// <summary>Whether (area, kind) is in the domain.</summary>
    public static bool Exists(Area area, MatterKind kind) => Initiators(area, kind).Count > 0;

    /// <summary>Whether (area, kind, initiator, flags) is in the domain.</summary>
    public static bool Exists(Area area, MatterKind kind, InitiatorKind initiator, MatterFlags flags) =>
        Initiators(area, kind).Contains(initiator) && (flags & ~ApplicableFlags(area, kind)) == MatterFlags.None;
}
