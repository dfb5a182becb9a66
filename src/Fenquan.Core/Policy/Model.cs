using Fenquan.Core.Calendar;
using Fenquan.Core.Organization;

namespace Fenquan.Core.Policy;

/// <summary>What kind of matter, within its area.</summary>
public enum MatterKind
{
    // Finance
    Expense,
    Reception,

    // Procurement
    PurchasePlan,

    // Personnel
    Promotion,
    TransferIn,
    Secondment,
    KeyPostChange,

    // Construction
    ConstructionProject,
    ContractorChoice,
    VariationOrder,

    // Administrative approval
    ApprovalItem,

    // Law enforcement (R2 sixth area)
    EnforcementAction,

    // Finance, added later (kept last so that the earlier kinds keep their numbers): raising a
    // budget line is itself a matter routed by the policy, like an expense of that amount (R4–R6).
    BudgetRaise,
}

/// <summary>Who submitted the matter, as far as routing is concerned.</summary>
public enum InitiatorKind
{
    Staff,
    Section,

    /// <summary>A deputy, for their own matter (R6) or one they propose.</summary>
    Deputy,

    /// <summary>A principal, for their own matter (R6 [design]).</summary>
    Principal,
}

/// <summary>Facts about a matter that select its route.</summary>
[Flags]
public enum MatterFlags
{
    None = 0,

    /// <summary>R18: the item is in the government procurement catalogue.</summary>
    CatalogueItem = 1,

    /// <summary>R23: the county marks this approval item as major.</summary>
    MajorApprovalItem = 2,

    /// <summary>R19 [design]: with this variation order the project's variations pass the county's share of its contract (default 10 %), so it needs a collective decision; decided from the project's data, never declared.</summary>
    BeyondVariationShare = 4,
}

/// <summary>What a step asks of its actor.</summary>
public enum StepKind
{
    /// <summary>提出: a proposal (e.g. the deputy in charge proposes a transfer-in candidate, R14).</summary>
    Propose,

    /// <summary>审核.</summary>
    Review,

    /// <summary>考核 / 推荐: assessment or recommendation (R12, R14).</summary>
    Assess,

    /// <summary>审批.</summary>
    Approve,

    /// <summary>会签 (R7).</summary>
    Countersign,

    /// <summary>同意: a principal's consent (R17, R23).</summary>
    Consent,

    /// <summary>集体研究决定: decided in a recorded team meeting (R5, R11, R18, R21, R23, R43).</summary>
    CollectiveDecision,

    /// <summary>Hand-off to the district procurement centre or tender office, with its reference (R18, R20).</summary>
    HandOff,

    /// <summary>公示: public notice before the matter takes effect (R12, R22).</summary>
    PublicNotice,

    /// <summary>Reported to the team (R6 [design], a principal's own expense).</summary>
    InformTeam,
}

/// <summary>Who may act on a step.</summary>
public enum ActorKind
{
    /// <summary>An office reviewer of the unit on the matter's date.</summary>
    Office,

    /// <summary>The deputy in charge of the matter's area in the unit on the matter's date.</summary>
    DeputyInCharge,

    /// <summary>A principal of the unit on that date.</summary>
    Principal,

    /// <summary>Any team member (principal or deputy) who has not acted on this matter yet.</summary>
    TeamMember,

    /// <summary>Anyone holding <see cref="ActorSpec.Role"/> in the unit on that date.</summary>
    NamedRole,

    /// <summary>The leadership team in a recorded meeting (collective decision).</summary>
    Team,

    /// <summary>The district procurement centre or tender office: recorded by the office with an external reference.</summary>
    External,
}

/// <summary>Who may act on a step: a kind, and for <see cref="ActorKind.NamedRole"/> the role.</summary>
public sealed record ActorSpec(ActorKind Kind, Role? Role = null)
{
    public static ActorSpec Office { get; } = new(ActorKind.Office);
    public static ActorSpec DeputyInCharge { get; } = new(ActorKind.DeputyInCharge);
    public static ActorSpec Principal { get; } = new(ActorKind.Principal);
    public static ActorSpec TeamMember { get; } = new(ActorKind.TeamMember);
    public static ActorSpec Team { get; } = new(ActorKind.Team);
    public static ActorSpec External { get; } = new(ActorKind.External);

    public static ActorSpec Of(Role role) => new(ActorKind.NamedRole, role);

    public override string ToString() => Kind == ActorKind.NamedRole ? $"role:{Role}" : Kind.ToString();
}

/// <summary>One step of a route.</summary>
public sealed record RouteStep(StepKind Kind, ActorSpec Actor)
{
    /// <summary>
    /// The 0-based index of an earlier step of the same route whose actor may also act on this one
    /// (e.g. R17: the procurement deputy reviews, a principal consents, then the same deputy
    /// approves). Null: the actor of this step must differ from the actor of every other step.
    /// Runtime reads it pairwise: two steps j &lt; i may have the same person only when step i's
    /// <see cref="SameActorAs"/> is j. It never lets the initiator or payee act.
    /// </summary>
    public int? SameActorAs { get; init; }

    /// <summary>
    /// R6: the actor the policy gave this step before it was rerouted because that actor is paid by
    /// the matter or a declared relative of the payee (<c>PayeeReroute</c>); null when not rerouted.
    /// </summary>
    public ActorSpec? ReroutedFrom { get; init; }

    public override string ToString() =>
        (SameActorAs is { } k ? $"{Kind}({Actor}, same as step {k})" : $"{Kind}({Actor})")
        + (ReroutedFrom is { } from ? $" [R6: instead of {from}]" : string.Empty);
}

/// <summary>
/// An ordered list of steps a matter takes after it is submitted, with the rule ids it implements.
/// Immutable: a route is frozen on a matter when it is submitted (R41).
/// </summary>
public sealed record Route(IReadOnlyList<RouteStep> Steps, IReadOnlyList<string> Rules)
{
    public bool Equals(Route? other) =>
        other is not null && Steps.SequenceEqual(other.Steps) && Rules.SequenceEqual(other.Rules);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var step in Steps)
        {
            hash.Add(step);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(" → ", Steps);
}

/// <summary>
/// A bound of an amount band: a fixed amount, or one of the unit's limits by name
/// (S small-expense, P purchase, C collective).
/// </summary>
public sealed record LimitRef(LimitName? Name, decimal? Amount)
{
    public static LimitRef Of(LimitName name) => new(name, null);

    public static LimitRef Of(decimal amount) => new(null, amount);

    public decimal Resolve(UnitLimits limits) => Name switch
    {
        LimitName.SmallExpense => limits.SmallExpense,
        LimitName.Purchase => limits.Purchase,
        LimitName.Collective => limits.Collective,
        null => Amount ?? throw new InvalidOperationException("A limit reference has neither a name nor an amount."),
        _ => throw new InvalidOperationException($"Unknown limit {Name}."),
    };

    public override string ToString() => Name?.ToString() ?? Amount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public enum LimitName
{
    /// <summary>S: the unit's small-expense limit (R4).</summary>
    SmallExpense,

    /// <summary>P: the unit's purchase limit (R16).</summary>
    Purchase,

    /// <summary>C: the collective limit (R5).</summary>
    Collective,
}

/// <summary>A unit's limits in yuan: S, P and C.</summary>
public sealed record UnitLimits(decimal SmallExpense, decimal Purchase, decimal Collective);

/// <summary>
/// The amounts a rule covers: above <see cref="Above"/> (exclusive; null: from zero) and up to
/// <see cref="UpTo"/> (inclusive; null: no upper bound). "Up to X" includes X, "above X" excludes it.
/// </summary>
public sealed record AmountBand(LimitRef? Above, LimitRef? UpTo)
{
    public static AmountBand Any { get; } = new(null, null);

    public bool Contains(decimal amount, UnitLimits limits) =>
        (Above is null || amount > Above.Resolve(limits)) && (UpTo is null || amount <= UpTo.Resolve(limits));

    public override string ToString() => $"({Above?.ToString() ?? "0"}, {UpTo?.ToString() ?? "∞"}]";
}

/// <summary>
/// One rule of a policy: the matters it covers (area, kind, initiator kinds, amount band, required
/// and excluded flags) and the route they take.
/// </summary>
public sealed record PolicyRule(
    Area Area,
    MatterKind Kind,
    IReadOnlyList<InitiatorKind> Initiators,
    AmountBand Amount,
    MatterFlags RequiredFlags,
    MatterFlags ExcludedFlags,
    Route Route)
{
    /// <summary>A short name for the rule, cited in verifier counterexamples (e.g. "finance-expense-small").</summary>
    public string? Id { get; init; }

    public bool Equals(PolicyRule? other) =>
        other is not null && Id == other.Id && Area == other.Area && Kind == other.Kind && Initiators.SequenceEqual(other.Initiators)
        && Amount == other.Amount && RequiredFlags == other.RequiredFlags && ExcludedFlags == other.ExcludedFlags
        && Route == other.Route;

    public override int GetHashCode() => HashCode.Combine(Area, Kind, Amount, RequiredFlags, ExcludedFlags, Route);
}

/// <summary>
/// A unit's policy version: its limits and rules. Versioned data, checked by the verifier before
/// it takes effect (R40), frozen on each matter submitted under it (R41).
/// </summary>
public sealed record PolicyDocument(
    int Version,
    DateOnly EffectiveFrom,
    UnitLimits Limits,
    IReadOnlyList<PolicyRule> Rules)
{
    /// <summary>R46: each kind of step's time limit and yellow share; <see cref="StepTimeLimits.Standard"/> when the policy names none.</summary>
    public StepTimeLimits StepLimits { get; init; } = StepTimeLimits.Standard;

    public bool Equals(PolicyDocument? other) =>
        other is not null && Version == other.Version && EffectiveFrom == other.EffectiveFrom
        && Limits == other.Limits && Rules.SequenceEqual(other.Rules) && StepLimits == other.StepLimits;

    public override int GetHashCode() => HashCode.Combine(Version, EffectiveFrom, Limits, Rules.Count);
}

/// <summary>The facts of a matter that select its route.</summary>
public readonly record struct MatterFacts(
    Area Area,
    MatterKind Kind,
    decimal Amount,
    InitiatorKind Initiator,
    MatterFlags Flags);
