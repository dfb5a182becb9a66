using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Matters;

/// <summary>
/// Who is paid (R6): a person of the county, or an external counterparty of the county's register
/// (<see cref="Counterparties.Counterparty"/>: a company by its credit code, an individual by ID
/// number), with the name shown. <see cref="None"/> for matters that pay nobody. A bare name
/// (<see cref="Named"/>) is what older matters carry; a new or edited matter is refused one
/// (<see cref="CheckRegistered"/>), so that who is paid is always definite.
/// </summary>
public sealed record Payee(PersonId? PersonId, string Name, CounterpartyId? CounterpartyId = null)
{
    public static Payee None { get; } = new(null, string.Empty);

    public static Payee Person(PersonId id, string name) => new(id, name);

    public static Payee Counterparty(CounterpartyId id, string name) => new(null, name, id);

    /// <summary>A payee by name only: refused for new matters (R6); kept for matters submitted before the register.</summary>
    public static Payee Named(string name) => new(null, name);

    public bool IsNone => PersonId is null && CounterpartyId is null && Name.Length == 0;

    /// <summary>Whether both name the same payee: the same person or registered counterparty, whatever their name reads today; a bare name by its text.</summary>
    public bool IsSameAs(Payee other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return PersonId is not null || CounterpartyId is not null
            ? PersonId == other.PersonId && CounterpartyId == other.CounterpartyId
            : other.PersonId is null && other.CounterpartyId is null && Name == other.Name;
    }

    /// <summary>R6: a payee is a person of the county or a registered counterparty (or nobody), never a bare name, and never both.</summary>
    public Outcome CheckRegistered() =>
        PersonId is not null && CounterpartyId is not null
            ? Refusal.Because(Refusal.InvalidId, "PayeePersonOrCounterparty", "payee: a person of the county or a registered counterparty, not both.")
            : PersonId is null && CounterpartyId is null && Name.Length > 0
                ? NotRegistered(Name)
                : Outcome.Ok;

    /// <summary>R6: the refusal of a payee named but not registered.</summary>
    public static Refusal NotRegistered(string name) =>
        Refusal.Because("R6", "PayeeNotRegistered", "{name} is neither a person of the county nor a registered counterparty: register the payee (a company by its unified social credit code, an individual by ID number) and name that entry.",
            ("name", name));
}

/// <summary>
/// A matter as submitted. <see cref="OccurredOn"/> is the matter's own date (when the expense was
/// incurred), a fact shown to reviewers; it never chooses the policy or who may act (R40).
/// <see cref="SubmittedOn"/> is the day of submission in the county's calendar, set by the server
/// from its clock (null: the date of the submission time): its policy and role-holders decide.
/// </summary>
public sealed record SubmitMatter(
    CountyId CountyId,
    UnitId UnitId,
    MatterKind Kind,
    string Title,
    decimal Amount,
    Payee Payee,
    PersonId InitiatorId,
    InitiatorKind InitiatorKind,
    MatterFlags Flags,
    DateOnly OccurredOn)
{
    /// <summary>The day of submission in the county's calendar (the server's today); null: the date of the submission time.</summary>
    public DateOnly? SubmittedOn { get; init; }

    /// <summary>R6: the payee's declared relatives at submission (the operation reads them); none of them acts on the matter.</summary>
    public IReadOnlyList<PersonId> PayeeRelatives { get; init; } = [];

    public Area Area => MatterRules.AreaOf(Kind);

    /// <summary>
    /// The county register entry named: a procurement-catalogue code or "none" (purchase plans, R18),
    /// an approval-item register code (approval items, R23). The route-deciding flags are then
    /// decided from county data by the submit operation (R40), whatever <see cref="Flags"/> says.
    /// </summary>
    public string? ItemCode { get; init; }

    /// <summary>The facts the policy routes on (call the router with these, then <see cref="Matter.Submit"/>).</summary>
    public MatterFacts Facts => new(Area, Kind, Amount, InitiatorKind, Flags);
}

/// <summary>
/// An action on the current step. <see cref="ExternalReference"/> is the meeting / minutes
/// reference for a collective decision (R43) or the procurement-centre / tender reference for a
/// hand-off (R18, R20). <see cref="OnBehalfOf"/> names the person the actor stands in for under a
/// delegation (代理); null when the actor acts in their own right.
/// </summary>
public sealed record ActRequest(PersonId ActorId, ActionKind Kind, string? Comment = null, string? ExternalReference = null, PersonId? OnBehalfOf = null);

/// <summary>An edit by the initiator; null members are left unchanged.</summary>
public sealed record EditMatter(PersonId EditorId, decimal? NewAmount = null, Payee? NewPayee = null, string? NewTitle = null)
{
    /// <summary>R6: the new payee's declared relatives (the operation reads them when the payee changes).</summary>
    public IReadOnlyList<PersonId>? NewPayeeRelatives { get; init; }
}
