using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Policy;

/// <summary>
/// The speech as a policy: SPEC R4–R24, R31 and the "Default routes" table, for one unit's limits.
/// Every (area, kind, initiator, flags) of <see cref="MatterKinds"/> and every amount has exactly
/// one rule; <c>docs/policy-format.md</c> shows it as a table.
/// </summary>
public static class DefaultPolicy
{
    /// <summary>The limits the demo and the embedded example use: S 3,000, P 2,000, C 5,000.</summary>
    public static UnitLimits ExampleLimits { get; } = new(3_000m, 2_000m, 5_000m);

    /// <summary>
    /// The embedded example policy file (<c>Policy/default-policy.json</c>): the default policy for
    /// <see cref="ExampleLimits"/>, as a unit would keep it. Reading its own resource is the only I/O here.
    /// </summary>
    public static Result<PolicyDocument> Example()
    {
        using var stream = typeof(DefaultPolicy).Assembly.GetManifestResourceStream("Fenquan.Core.Policy.default-policy.json")
            ?? throw new InvalidOperationException("The default policy resource is missing from the build.");
        using var reader = new StreamReader(stream);
        return PolicyJson.Parse(reader.ReadToEnd());
    }

    public static PolicyDocument Create(UnitLimits limits, CountyBounds bounds, int version = 1, DateOnly effectiveFrom = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(bounds);
        var rules = new List<PolicyRule>();

        // Finance: expense (R4–R7).
        AddFinance(rules, limits, MatterKind.Expense, "expense", [InitiatorKind.Staff, InitiatorKind.Section]);

        // Finance: raising a budget line (R4–R6): routed as an expense of the raise's amount.
        AddFinance(rules, limits, MatterKind.BudgetRaise, "budget-raise", [InitiatorKind.Staff, InitiatorKind.Section]);

        // Finance: reception (R31): office review, finance deputy approval; above C collective (R5).
        rules.Add(Rule("finance-reception", Area.Finance, MatterKind.Reception, [InitiatorKind.Section], UpTo(LimitName.Collective), ["R31", "R4"],
            Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Approve, ActorSpec.DeputyInCharge)));
        rules.Add(Rule("finance-reception-collective", Area.Finance, MatterKind.Reception, [InitiatorKind.Section], Above(LimitName.Collective), ["R31", "R5"],
            Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Review, ActorSpec.DeputyInCharge), Collective()));
        AddLeadersOwn(rules, Area.Finance, MatterKind.Reception, "finance-reception", MatterFlags.None, ["R31"]);

        // Procurement: purchase plan (R16, R17), not in the catalogue.
        rules.Add(Rule("procurement-plan-small", Area.Procurement, MatterKind.PurchasePlan, [InitiatorKind.Section], UpTo(LimitName.Purchase), ["R16"],
            Step(StepKind.Approve, ActorSpec.DeputyInCharge)) with { ExcludedFlags = MatterFlags.CatalogueItem });
        if (limits.Purchase < limits.Collective)
        {
            rules.Add(Rule("procurement-plan-countersigned", Area.Procurement, MatterKind.PurchasePlan, [InitiatorKind.Section],
                new AmountBand(LimitRef.Of(LimitName.Purchase), LimitRef.Of(LimitName.Collective)), ["R16", "R7"],
                Step(StepKind.Approve, ActorSpec.DeputyInCharge), Step(StepKind.Countersign, ActorSpec.Office)) with { ExcludedFlags = MatterFlags.CatalogueItem });
        }

        rules.Add(Rule("procurement-plan-consent", Area.Procurement, MatterKind.PurchasePlan, [InitiatorKind.Section], Above(LimitName.Collective), ["R17"],
            Step(StepKind.Review, ActorSpec.DeputyInCharge),
            Step(StepKind.Consent, ActorSpec.Principal),
            Step(StepKind.Approve, ActorSpec.DeputyInCharge) with { SameActorAs = 0 }) with { ExcludedFlags = MatterFlags.CatalogueItem });
        AddLeadersOwn(rules, Area.Procurement, MatterKind.PurchasePlan, "procurement-plan", MatterFlags.CatalogueItem, ["R17"]);

        // Procurement: catalogue items (R18), any amount.
        rules.Add(Rule("procurement-catalogue", Area.Procurement, MatterKind.PurchasePlan, [InitiatorKind.Section, InitiatorKind.Principal], AmountBand.Any, ["R18"],
            Step(StepKind.Review, ActorSpec.DeputyInCharge), Collective(), Step(StepKind.HandOff, ActorSpec.External)) with { RequiredFlags = MatterFlags.CatalogueItem });
        rules.Add(Rule("procurement-catalogue-deputy", Area.Procurement, MatterKind.PurchasePlan, [InitiatorKind.Deputy], AmountBand.Any, ["R18", "R6"],
            Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Review, ActorSpec.Principal), Collective(), Step(StepKind.HandOff, ActorSpec.External))
            with { RequiredFlags = MatterFlags.CatalogueItem });

        // Personnel (R10–R15): proposal, assessment, collective decision; promotions are publicly noticed.
        foreach (var (kind, name, cite) in new[]
        {
            (MatterKind.Promotion, "promotion", "R12"),
            (MatterKind.TransferIn, "transfer-in", "R14"),
            (MatterKind.Secondment, "secondment", "R14"),
            (MatterKind.KeyPostChange, "key-post", "R13"),
        })
        {
            RouteStep[] tail = kind == MatterKind.Promotion
                ? [Collective(), Step(StepKind.PublicNotice, ActorSpec.Office)]
                : [Collective()];
            rules.Add(Rule($"personnel-{name}", Area.Personnel, kind, [InitiatorKind.Section], AmountBand.Any, ["R11", cite],
                [Step(StepKind.Propose, ActorSpec.DeputyInCharge), Step(StepKind.Assess, ActorSpec.Office), .. tail]));

            // The deputy's own proposal: the deputy in charge may be the initiator, so nobody "in charge" acts on it.
            rules.Add(Rule($"personnel-{name}-deputy", Area.Personnel, kind, [InitiatorKind.Deputy], AmountBand.Any, ["R11", cite],
                [Step(StepKind.Assess, ActorSpec.Office), .. tail]));
        }

        // Construction: projects and contractor choice (R20, R21), any amount; the office then publishes
        // the tender's method, procedure and result (R22).
        foreach (var (kind, name) in new[] { (MatterKind.ConstructionProject, "project"), (MatterKind.ContractorChoice, "contractor") })
        {
            rules.Add(Rule($"construction-{name}", Area.Construction, kind, [InitiatorKind.Section], AmountBand.Any, ["R20", "R21", "R22"],
                Step(StepKind.Review, ActorSpec.DeputyInCharge), Collective(), Step(StepKind.HandOff, ActorSpec.External), Step(StepKind.PublicNotice, ActorSpec.Office)));
            rules.Add(Rule($"construction-{name}-deputy", Area.Construction, kind, [InitiatorKind.Deputy], AmountBand.Any, ["R20", "R21", "R22", "R6"],
                Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Review, ActorSpec.Principal), Collective(), Step(StepKind.HandOff, ActorSpec.External),
                Step(StepKind.PublicNotice, ActorSpec.Office)));
        }

        // Construction: variation orders [design]: deputy approval and principal consent up to C, collective above;
        // collective at any amount once the project's variations pass the county's share of its contract (R19).
        rules.Add(Rule("construction-variation", Area.Construction, MatterKind.VariationOrder, [InitiatorKind.Section], UpTo(LimitName.Collective), ["R19"],
            Step(StepKind.Approve, ActorSpec.DeputyInCharge), Step(StepKind.Consent, ActorSpec.Principal)) with { ExcludedFlags = MatterFlags.BeyondVariationShare });
        rules.Add(Rule("construction-variation-collective", Area.Construction, MatterKind.VariationOrder, [InitiatorKind.Section], Above(LimitName.Collective), ["R19", "R5"],
            Step(StepKind.Review, ActorSpec.DeputyInCharge), Collective()) with { ExcludedFlags = MatterFlags.BeyondVariationShare });
        AddDeputyOwn(rules, Area.Construction, MatterKind.VariationOrder, "construction-variation", MatterFlags.BeyondVariationShare, ["R19"]);
        rules.Add(Rule("construction-variation-beyond-share", Area.Construction, MatterKind.VariationOrder, [InitiatorKind.Section], AmountBand.Any, ["R19", "R21"],
            Step(StepKind.Review, ActorSpec.DeputyInCharge), Collective()) with { RequiredFlags = MatterFlags.BeyondVariationShare });
        rules.Add(Rule("construction-variation-beyond-share-deputy", Area.Construction, MatterKind.VariationOrder, [InitiatorKind.Deputy], AmountBand.Any, ["R19", "R21", "R6"],
            Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Review, ActorSpec.Principal), Collective()) with { RequiredFlags = MatterFlags.BeyondVariationShare });

        // Administrative approval: routine items follow the published procedure (R24); major items R23.
        rules.Add(Rule("approval-routine", Area.AdministrativeApproval, MatterKind.ApprovalItem, [InitiatorKind.Staff], AmountBand.Any, ["R24"],
            Step(StepKind.Review, ActorSpec.Of(Role.SectionHead)), Step(StepKind.Approve, ActorSpec.DeputyInCharge)) with { ExcludedFlags = MatterFlags.MajorApprovalItem });
        rules.Add(Rule("approval-routine-deputy", Area.AdministrativeApproval, MatterKind.ApprovalItem, [InitiatorKind.Deputy], AmountBand.Any, ["R24", "R6"],
            Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Approve, ActorSpec.Principal)) with { ExcludedFlags = MatterFlags.MajorApprovalItem });
        rules.Add(Rule("approval-major", Area.AdministrativeApproval, MatterKind.ApprovalItem, [InitiatorKind.Staff], AmountBand.Any, ["R23"],
            Step(StepKind.Review, ActorSpec.DeputyInCharge),
            Step(StepKind.Consent, ActorSpec.Principal),
            Collective(),
            Step(StepKind.Approve, ActorSpec.DeputyInCharge) with { SameActorAs = 0 }) with { RequiredFlags = MatterFlags.MajorApprovalItem });
        rules.Add(Rule("approval-major-deputy", Area.AdministrativeApproval, MatterKind.ApprovalItem, [InitiatorKind.Deputy], AmountBand.Any, ["R23", "R6"],
            Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Consent, ActorSpec.Principal), Collective()) with { RequiredFlags = MatterFlags.MajorApprovalItem });

        // Law enforcement (R2), when the county enables it [design]: the approval-item pattern.
        if (bounds.LawEnforcementEnabled)
        {
            rules.Add(Rule("enforcement", Area.LawEnforcement, MatterKind.EnforcementAction, [InitiatorKind.Staff], AmountBand.Any, ["R2"],
                Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Approve, ActorSpec.DeputyInCharge)));
            rules.Add(Rule("enforcement-deputy", Area.LawEnforcement, MatterKind.EnforcementAction, [InitiatorKind.Deputy], AmountBand.Any, ["R2", "R6"],
                Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Approve, ActorSpec.Principal)));
        }

        return new PolicyDocument(version, effectiveFrom == default ? new DateOnly(2025, 1, 1) : effectiveFrom, limits, rules);
    }

    private static void AddFinance(List<PolicyRule> rules, UnitLimits limits, MatterKind kind, string name, InitiatorKind[] staff)
    {
        var prefix = $"finance-{name}";

        // R4: up to S, office review then the finance deputy approves.
        rules.Add(Rule($"{prefix}-small", Area.Finance, kind, staff, UpTo(LimitName.SmallExpense), ["R4"],
            Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Approve, ActorSpec.DeputyInCharge)));

        // R5 [design]: the band between S and C gets a countersign by a second team member (R7).
        if (limits.SmallExpense < limits.Collective)
        {
            rules.Add(Rule($"{prefix}-countersigned", Area.Finance, kind, staff,
                new AmountBand(LimitRef.Of(LimitName.SmallExpense), LimitRef.Of(LimitName.Collective)), ["R5", "R7"],
                Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Approve, ActorSpec.DeputyInCharge), Step(StepKind.Countersign, ActorSpec.TeamMember)));
        }

        // R5: above C, the deputy reviews and the team decides.
        rules.Add(Rule($"{prefix}-collective", Area.Finance, kind, staff, Above(LimitName.Collective), ["R5"],
            Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Review, ActorSpec.DeputyInCharge), Collective()));

        AddLeadersOwn(rules, Area.Finance, kind, prefix, MatterFlags.None, []);
    }

    /// <summary>A deputy's own matter (R6) and a principal's own matter (R6 [design]).</summary>
    private static void AddLeadersOwn(List<PolicyRule> rules, Area area, MatterKind kind, string prefix, MatterFlags excluded, string[] cites)
    {
        AddDeputyOwn(rules, area, kind, prefix, excluded, cites);

        // A principal's own: the deputy in charge approves and the team is informed; above C collective.
        rules.Add(Rule($"{prefix}-principal", area, kind, [InitiatorKind.Principal], UpTo(LimitName.Collective), [.. cites, "R6"],
            Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Approve, ActorSpec.DeputyInCharge), Step(StepKind.InformTeam, ActorSpec.Team))
            with { ExcludedFlags = excluded });
        rules.Add(Rule($"{prefix}-principal-collective", area, kind, [InitiatorKind.Principal], Above(LimitName.Collective), [.. cites, "R6", "R5"],
            Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Review, ActorSpec.DeputyInCharge), Collective())
            with { ExcludedFlags = excluded });
    }

    /// <summary>R6: a deputy's matter goes to a principal after office review; above C collective.</summary>
    private static void AddDeputyOwn(List<PolicyRule> rules, Area area, MatterKind kind, string prefix, MatterFlags excluded, string[] cites)
    {
        rules.Add(Rule($"{prefix}-deputy", area, kind, [InitiatorKind.Deputy], UpTo(LimitName.Collective), [.. cites, "R6"],
            Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Approve, ActorSpec.Principal))
            with { ExcludedFlags = excluded });
        rules.Add(Rule($"{prefix}-deputy-collective", area, kind, [InitiatorKind.Deputy], Above(LimitName.Collective), [.. cites, "R6", "R5"],
            Step(StepKind.Review, ActorSpec.Office), Step(StepKind.Review, ActorSpec.Principal), Collective())
            with { ExcludedFlags = excluded });
    }

    private static AmountBand UpTo(LimitName limit) => new(null, LimitRef.Of(limit));

    private static AmountBand Above(LimitName limit) => new(LimitRef.Of(limit), null);

    private static RouteStep Step(StepKind kind, ActorSpec actor) => new(kind, actor);

    private static RouteStep Collective() => new(StepKind.CollectiveDecision, ActorSpec.Team);

    private static PolicyRule Rule(string id, Area area, MatterKind kind, InitiatorKind[] initiators, AmountBand amount, string[] cites, params RouteStep[] steps) =>
        new(area, kind, initiators, amount, MatterFlags.None, MatterFlags.None, new Route(steps, cites)) { Id = id };
}
