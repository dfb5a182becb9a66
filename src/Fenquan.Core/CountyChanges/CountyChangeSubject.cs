namespace Fenquan.Core.CountyChanges;

/// <summary>
/// County data that decides routes (R40) and so changes only under four eyes: each subject has its
/// own line of proposals, and a new proposal supersedes the subject's pending one.
/// </summary>
public enum CountyChangeSubject
{
    /// <summary>The county's bounds on every unit's limits (R4, R5, R16) and its R2/R3 options.</summary>
    Bounds,

    /// <summary>政府采购目录: decides which purchases are catalogue purchases (R18).</summary>
    ProcurementCatalogue,

    /// <summary>行政审批事项目录: decides which approval items are major (R23) and publishes each item (R24).</summary>
    ApprovalItemRegister,

    /// <summary>
    /// R40: a unit's policy proposal, agreed by its team, approved at the county; the subject id is
    /// the <see cref="Policy.PolicyProposal"/>'s, and the confirmation publishes the version. Proposed
    /// and confirmed only through <see cref="Policy.PolicyProposal.ApproveAtCounty"/>.
    /// </summary>
    UnitPolicy,

    /// <summary>
    /// R46: one year of the official working-day calendar (holidays and adjusted working days); the
    /// subject id is the year's (<see cref="Calendar.CalendarYear.SubjectIdOf"/>), so each year has its own line.
    /// </summary>
    WorkingCalendarYear,

    /// <summary>R31: the official reception standards per guest level and the accompanying-staff rule.</summary>
    ReceptionStandards,

    /// <summary>
    /// The county's name (<see cref="CountyRename"/>): it decides no route, but it is how every page,
    /// the public register and the people of the county know the county, so it too changes only under four eyes.
    /// </summary>
    CountyName,

    /// <summary>
    /// R22: the county's OCDS prefix, registered with the Open Contracting Partnership (<see cref="Ocds.OcdsPrefixSetting"/>):
    /// every ocid the county publishes starts with it, so it changes only under four eyes; until one is
    /// confirmed the configured placeholder is used.
    /// </summary>
    OcdsPrefix,
}
