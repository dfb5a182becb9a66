namespace Fenquan.Core.Primitives;

/// <summary>
/// Every rule id of SPEC.md (R1–R33 and R40–R47; R34–R39 do not exist) with a one-line title, and
/// the ids refusals use that are not rules. A refusal or a test's <c>Rule</c> trait naming an id
/// that is in neither list is a mistake; docs/rules.md is generated from this catalogue and the code.
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<RuleDefinition> Rules { get; } =
    [
        new("R1", "Scope: every department and township; each has a team of one or two principals and deputies, an office, sections and staff", "部门 / 乡镇"),
        new("R2", "The five restricted areas (law enforcement can be enabled as a sixth)", "财务 人事 物资采购 工程建设 行政审批"),
        new("R3", "Each restricted area is assigned to exactly one deputy, never to a principal; assignment history is kept", "分管"),
        new("R4", "Small-expense limit S within county bounds; up to it the office reviews and the finance deputy approves"),
        new("R5", "Above the collective limit the finance deputy reviews and the team decides; the band between S and C is routed explicitly", "集体研究决定"),
        new("R6", "A deputy's own expense goes to a principal; nobody approves a matter they initiated or that pays them", "分管领导的财务支出"),
        new("R7", "Countersign with tiered responsibility: each signs their own step, no step is skipped", "会签制"),
        new("R8", "The principal periodically inspects expense vouchers and has problems corrected", "票据"),
        new("R9", "Income and expenditure disclosed quarterly to team members and staff"),
        new("R10", "One deputy in charge of personnel"),
        new("R11", "Promotions, transfers in, secondments and important-post changes are decided by the team collectively", "干部提拔任用 人员调入/借调 重要岗位人员变动"),
        new("R12", "Promotions follow the cadre selection regulations, with a pre-appointment public notice", "任前公示"),
        new("R13", "Important-post changes are open, competitive and merit-based", "公开、竞争、择优"),
        new("R14", "Transfer in: proposed, assessed, heard and agreed by the team, then the formalities", "德、能、勤、绩、廉"),
        new("R15", "The principal supervises the whole personnel process"),
        new("R16", "Purchase limit P within county bounds; up to it the section proposes and the procurement deputy approves"),
        new("R17", "Purchases above the collective limit: the procurement deputy asks a principal's consent, then approves"),
        new("R18", "Government procurement catalogue items: collective decision, then the procurement centre or a tender", "政府采购目录"),
        new("R19", "Construction: one deputy in charge; the principal supervises at any time"),
        new("R20", "Projects are tendered through the district tender office, open and fair"),
        new("R21", "The contractor is chosen by a collective decision of the team"),
        new("R22", "Tender method, procedure and result are published to staff and the public"),
        new("R23", "Major approval items: a principal's consent, then collective study, then approval"),
        new("R24", "Every approval item has a published procedure, legal basis, time limit and fee, and follows it"),
        new("R25", "Not directly in charge is not \"not caring\": the principal's supervision duties are tracked, neglect is visible", "不管不问"),
        new("R26", "The principal stays accountable alongside the deputy"),
        new("R27", "The principal guides and reminds deputies, including on sensitive work"),
        new("R28", "Each unit names who is responsible for this work; the county tracks rollout"),
        new("R29", "Inspection and accountability: findings, rectification with deadlines, heavier for principals", "督查 责任追究"),
        new("R30", "Report hotline and supervision mailbox for staff and the public", "举报"),
        new("R31", "Official reception: no banquets or gifts at public expense", "公务接待"),
        new("R32", "Efficiency complaints network and efficiency monitoring", "效能投诉"),
        new("R33", "Major matters touching many people: public notice, consultation, hearings; openness of government affairs", "公示"),
        new("R40", "A unit's policy is versioned data, checked complete, within bounds and safe, and agreed before it takes effect"),
        new("R41", "The policy in force at submission is frozen with the matter"),
        new("R42", "A matter edited after approval goes back through approval"),
        new("R43", "Collective decisions only in recorded meetings: quorum, majority, recusal, the principal speaks last, signed minutes", "末位表态"),
        new("R44", "Every state change is appended to a tamper-evident log, verifiable by anyone entitled and cosigned by outside witnesses"),
        new("R45", "Reports about a unit's principal go to the level above; anonymous reporters follow up with a receipt code"),
        new("R46", "Time limits count working days on the official calendar, with warnings before and after", "调休"),
        new("R47", "Split purchases and amounts just under limits are flagged when submitted"),
    ];

    /// <summary>
    /// Ids refusals use that are not rules: <see cref="Refusal.NotFoundId"/>, <see cref="Refusal.InvalidId"/>,
    /// the web's <c>Problems.TooLargeId</c>, <c>Problems.ScopeId</c> and <c>Problems.TooManyRequestsId</c>, and <c>ApiToken.UnauthenticatedId</c>
    /// (written out here: the primitives reference neither the web nor access).
    /// </summary>
    public static IReadOnlyList<string> NonRuleIds { get; } = [Refusal.NotFoundId, Refusal.InvalidId, "TooLarge", "Scope", "Unauthenticated", "TooManyRequests"];

    /// <summary>The rule with this id; null when SPEC.md has none.</summary>
    public static RuleDefinition? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);

    /// <summary>Whether a refusal may carry this id: a rule of the catalogue, or one of <see cref="NonRuleIds"/>.</summary>
    public static bool IsKnown(string id) => Find(id) is not null || NonRuleIds.Contains(id);
}
