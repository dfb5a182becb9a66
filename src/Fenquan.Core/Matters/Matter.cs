using System.Globalization;
using Fenquan.Core.Access;
using Fenquan.Core.Delegation;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Matters;

/// <summary>
/// A matter in a restricted area — expense claim, purchase request, personnel action, construction
/// decision, approval application — and the actions taken on it. The route and the policy version
/// are frozen on it when it is submitted (R41). The current step is derived from the action rows of
/// the current round; the state changes only through <see cref="Act"/>, <see cref="Edit"/>,
/// <see cref="Resubmit"/> and <see cref="Withdraw"/>, each of which checks its rule and says why not.
/// See <see cref="MatterState"/> for the state machine.
/// </summary>
public sealed class Matter
{
    private readonly List<MatterAction> _actions = [];
    private readonly List<MatterChange> _changes = [];

    private Matter()
    {
        Title = string.Empty;
        Payee = Payee.None;
        Route = new Route([], []);
    }

    private Matter(SubmitMatter command, DateOnly submittedOn, Route route, PolicyVersionId policyVersionId, DateTimeOffset now)
    {
        Id = MatterId.New();
        CountyId = command.CountyId;
        UnitId = command.UnitId;
        Area = command.Area;
        Kind = command.Kind;
        Title = command.Title.Trim();
        Amount = command.Amount;
        Payee = command.Payee;
        InitiatorId = command.InitiatorId;
        InitiatorKind = command.InitiatorKind;
        Flags = command.Flags;
        ItemCode = string.IsNullOrWhiteSpace(command.ItemCode) ? null : command.ItemCode.Trim();
        OccurredOn = command.OccurredOn;
        SubmittedOn = submittedOn;
        PayeeRelatives = [.. command.PayeeRelatives.Distinct()];
        SubmittedAt = now;
        PolicyVersionId = policyVersionId;
        Route = route;
        Round = 1;
        State = MatterState.Pending;
    }

    public MatterId Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public Area Area { get; private set; }

    public MatterKind Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>Yuan. Above zero for money matters; 0 for personnel actions (see <see cref="MatterRules.CheckAmount"/>).</summary>
    public decimal Amount { get; private set; }

    public Payee Payee { get; private set; }

    public PersonId InitiatorId { get; private set; }

    public InitiatorKind InitiatorKind { get; private set; }

    /// <summary>
    /// The flags the route was chosen by. Since R40 they come from county data: the data layer sets
    /// them from the entry named by <see cref="ItemCode"/> (see <see cref="Policy.CountyFacts"/>).
    /// </summary>
    public MatterFlags Flags { get; private set; }

    /// <summary>
    /// The county register entry the matter names: a procurement-catalogue code (or "none") for a
    /// purchase plan (R18), an approval-item register code for an approval item (R23, R24); null otherwise.
    /// </summary>
    public string? ItemCode { get; private set; }

    /// <summary>
    /// R4: the economic classification code of the budget line the matter is charged to (its
    /// <see cref="Finance.BudgetCharge"/>), or null for a matter charged to no line.
    /// </summary>
    public string? BudgetCode { get; private set; }

    /// R40: the day of submission, whose policy and role-holders decide: every actor is checked
    /// against the organisation on this date, whatever date the matter itself carries.
    /// </summary>
    public DateOnly SubmittedOn { get; private set; }

    /// <summary>The matter's own date (e.g. when the expense was incurred): a fact shown to reviewers, never deciding the route or who may act.</summary>
    public DateOnly OccurredOn { get; private set; }

    /// <summary>
    /// R6: the payee's declared relatives when the matter was submitted (or its payee last changed):
    /// like the payee, none of them acts on it.
    /// </summary>
    public IReadOnlyList<PersonId> PayeeRelatives { get; private set; } = [];

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>R41: the policy version in force when the matter was submitted; never changes.</summary>
    public PolicyVersionId PolicyVersionId { get; private set; }

    /// <summary>R41: the current round's route, a frozen copy. A new round (R42) re-routes under the same policy version.</summary>
    public Route Route { get; private set; }

    /// <summary>The approval round, from 1. R42: a material edit or a resubmission starts the next.</summary>
    public int Round { get; private set; }

    public MatterState State { get; private set; }

    /// <summary>
    /// R43: what the meeting decided (amount, payee, conditions), set by
    /// <see cref="RecordCollectiveDecision"/>; null until then. Execution beyond it is refused.
    /// </summary>
    public CollectiveDecisionTerms? DecidedTerms { get; private set; }

    /// <summary>Every action of every round, in order.</summary>
    public IReadOnlyList<MatterAction> Actions => _actions;

    /// <summary>Every edit, resubmission and withdrawal, in order.</summary>
    public IReadOnlyList<MatterChange> Changes => _changes;

    /// <summary>The facts the policy routes on (for re-routing under <see cref="PolicyVersionId"/>).</summary>
    public MatterFacts Facts => new(Area, Kind, Amount, InitiatorKind, Flags);

    /// <summary>Derived: how many steps of the current round are done.</summary>
    public int CurrentStepIndex => _actions.Count(a => a.Round == Round && a.Kind.CompletesStep());

    /// <summary>The step waiting for an action; null unless <see cref="MatterState.Pending"/>.</summary>
    public RouteStep? CurrentStep => State == MatterState.Pending && CurrentStepIndex < Route.Steps.Count ? Route.Steps[CurrentStepIndex] : null;

    public IEnumerable<MatterAction> CurrentRoundActions => _actions.Where(a => a.Round == Round);

    /// <summary>
    /// Submits a matter on the route the policy gave it (R41: route and policy version frozen).
    /// Refused when the kind does not belong to an area, the title is empty, the amount breaks the
    /// amount rules, the route is empty, the submission day is not today or the matter's own date is
    /// after it (R40), the initiator is not in the unit on the day of submission (R1)
    /// or the initiator kind does not match their role (R6: it decides who approves).
    /// </summary>
    public static Result<Matter> Submit(SubmitMatter command, Route route, PolicyVersionId policyVersionId, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(org);
        var rule = MatterRules.AreaRule(command.Area);

        if (string.IsNullOrWhiteSpace(command.Title))
        {
            return Refusal.Because(rule, "NoTitle", "A matter needs a title.");
        }

        var amount = MatterRules.CheckAmount(command.Kind, command.Amount);
        if (!amount.IsOk)
        {
            return amount.Refusal!;
        }

        if (command.Payee is null)
        {
            return Refusal.Because(rule, "NoPayee", "A matter needs a payee, or Payee.None when it pays nobody.");
        }

        var registered = command.Payee.CheckRegistered();
        if (!registered.IsOk)
        {
            return registered.Refusal!;
        }

        if (route.Steps.Count == 0)
        {
            return Refusal.Because("R40", "EmptyRoute", "The route is empty: no matter in a restricted area is approved without a step.");
        }

        // R40: the day of submission decides, never a date the submitter chooses. The server gives
        // its today in the county's calendar; anything but the submission time's date (give or take
        // a day of time zone) is refused, so a matter cannot be backdated into another policy or team.
        // Unless the caller gives it, the day of submission is the county's (China) date of the instant:
        // the UTC date lagged it from 00:00 to 08:00 China time, and a matter dated today was then
        // refused as dated in the future.
        var today = ChinaTime.DateOf(now);
        var submittedOn = command.SubmittedOn ?? today;
        if (Math.Abs(submittedOn.DayNumber - today.DayNumber) > 1)
        {
            return Refusal.Because("R40", "SubmittedOnIsToday", "A matter is submitted on the day it is submitted ({today}), not on {claimed}: the policy and role-holders of the day of submission decide its route.",
                ("today", MatterRules.Day(today)), ("claimed", MatterRules.Day(submittedOn)));
        }

        if (command.OccurredOn > submittedOn)
        {
            return Refusal.Because(rule, "OccurredInTheFuture", "The matter's date {occurred} is after the day it is submitted ({today}).",
                ("occurred", MatterRules.Day(command.OccurredOn)), ("today", MatterRules.Day(submittedOn)));
        }

        var who = org.NameOf(command.InitiatorId);
        var date = MatterRules.Day(submittedOn);
        if (!org.BelongsTo(command.UnitId, command.InitiatorId, submittedOn))
        {
            return Refusal.Because("R1", "NotInUnit", "{person} does not belong to the unit on {date}, the day of submission.", ("person", who), ("date", date));
        }

        var initiator = CheckInitiatorKind(command, submittedOn, org);
        if (!initiator.IsOk)
        {
            return initiator.Refusal!;
        }

        return Result<Matter>.Ok(new Matter(command, submittedOn, route, policyVersionId, now));
    }

    /// <summary>
    /// Takes an action on the current step. Checked in this precedence (a segregation-of-duties
    /// conflict beats a missing role, which beats OK): the matter is pending; the action fits the
    /// current step — Reject and Return only on a deciding step, and no skipping (R7); the actor is
    /// neither the initiator nor the payee (R6); the actor has not acted on another step of this
    /// round unless the route allows it (general rule); the actor holds what the step requires on
    /// the matter's date (R3, R4, R16…, R43, R18/R20).
    /// </summary>
    public Result<MatterAction> Act(ActRequest request, IOrganizationView org, DateTimeOffset now) =>
        Act(request, org, DelegationSet.None, now);

    /// <summary>
    /// As <see cref="Act(ActRequest, IOrganizationView, DateTimeOffset)"/>; when
    /// <see cref="ActRequest.OnBehalfOf"/> is set the actor stands in for that person under a
    /// delegation (代理), and a delegation never lets anyone act where the rules forbid them: every
    /// segregation-of-duties check (R6 initiator and payee, one person on two steps) applies to BOTH
    /// the delegate and the delegator; a principal never acts on a deputy-in-charge step (五不直接分管,
    /// the area's rule); authority is the delegator's on the matter's date; and a delegation in force
    /// <paramref name="now"/> must cover the area and the step's role, with the delegate still able to
    /// hold that role. The action row records both the actor and <see cref="MatterAction.OnBehalfOf"/>.
    /// </summary>
    public Result<MatterAction> Act(ActRequest request, IOrganizationView org, IDelegationView delegations, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(delegations);
        var check = CheckAction(request.ActorId, request.Kind, request.ExternalReference, org, requireReference: true, new Standing(request.OnBehalfOf, delegations, now));
        if (!check.IsOk)
        {
            return check.Refusal!;
        }

        var stepIndex = CurrentStepIndex;
        var reference = string.IsNullOrWhiteSpace(request.ExternalReference) ? null : request.ExternalReference.Trim();
        var action = new MatterAction(ActionId.New(), Id, CountyId, Round, stepIndex, request.Kind, request.ActorId, request.Comment?.Trim() ?? string.Empty, reference, now, request.OnBehalfOf);
        _actions.Add(action);
        State = request.Kind switch
        {
            ActionKind.Reject => MatterState.Rejected,
            ActionKind.Return => MatterState.Returned,
            ActionKind.Propose or ActionKind.Review or ActionKind.Assess or ActionKind.Approve or ActionKind.Countersign
                or ActionKind.Consent or ActionKind.RecordCollectiveDecision or ActionKind.HandOff
                or ActionKind.RecordPublicNotice or ActionKind.InformTeam
                => stepIndex + 1 == Route.Steps.Count ? MatterState.Approved : MatterState.Pending,
        };
        return Result<MatterAction>.Ok(action);
    }

    /// <summary>
    /// R43 (and R6 for a team-informing step): the outcome of a recorded meeting whose minutes every
    /// member present has signed, bound into the matter. Only <see cref="Meeting"/> calls this (it is
    /// internal to the core): no person, page, endpoint or command records a team step by hand.
    /// <paramref name="kind"/> is <see cref="ActionKind.RecordCollectiveDecision"/> (with the decided
    /// <paramref name="terms"/>), <see cref="ActionKind.Reject"/> (a collective decision that refused
    /// the matter) or <see cref="ActionKind.InformTeam"/> (the meeting heard a team-informing step).
    /// The action names who recorded the outcome in the meeting (<paramref name="recorder"/>) and the meeting's reference. Refused when
    /// the matter no longer waits at a team step, or changed since it was tabled (amount, payee).
    /// </summary>
    /// <summary>R4: records the budget line the matter is charged to, as its charge is made (<see cref="Finance.BudgetCharge.Name"/>).</summary>
    internal void ChargeTo(string code) => BudgetCode = code;

    internal Result<MatterAction> BindMeetingOutcome(ActionKind kind, CollectiveDecisionTerms? terms, string reference, string comment, PersonId recorder, DateTimeOffset now)
    {
        if (CurrentStep is not { Actor.Kind: ActorKind.Team } step)
        {
            return CurrentStep is { } other
                ? Refusal.Because("R43", "NotAtTeamStep", "The matter \"{title}\" no longer waits for its team (it waits for {step}); the meeting's outcome does not bind it.",
                    ("title", Title), ("step", other.ToString()))
                : Refusal.Because("R43", "NoLongerPending", "The matter \"{title}\" no longer waits for its team (it is {state}); the meeting's outcome does not bind it.",
                    ("title", Title), ("state", State.ToString()));
        }

        var fits = (kind, step.Kind) switch
        {
            (ActionKind.RecordCollectiveDecision, StepKind.CollectiveDecision) => terms is not null,
            (ActionKind.Reject, StepKind.CollectiveDecision) => true,
            (ActionKind.InformTeam, StepKind.InformTeam) => true,
            _ => false,
        };
        if (!fits)
        {
            return Refusal.Because("R43", "OutcomeDoesNotFitStep", "{kind} does not fit {step} of the matter \"{title}\".",
                ("kind", kind.ToString()), ("step", step.ToString()), ("title", Title));
        }

        if (terms is not null)
        {
            var amount = MatterRules.CheckAmount(Kind, terms.Amount);
            if (!amount.IsOk)
            {
                return amount.Refusal!;
            }

            if (terms.Amount > Amount)
            {
                return Refusal.Because("R43", "DecidedAboveProposed", "The matter proposes {proposed}; a meeting may decide that or less, never {decided}.",
                    RefusalArgument.Amount("proposed", Amount), RefusalArgument.Amount("decided", terms.Amount));
            }

            if (terms.Payee != Payee)
            {
                return Refusal.Because("R43", "DecidedOtherPayee", "The matter pays {payee}; the decision names {decided}. Another payee needs a new matter.",
                    ("payee", PayeeName(Payee)), ("decided", PayeeName(terms.Payee)));
            }
        }

        var action = new MatterAction(ActionId.New(), Id, CountyId, Round, CurrentStepIndex, kind, recorder, comment.Trim(), reference, now, null);
        _actions.Add(action);
        if (kind == ActionKind.Reject)
        {
            State = MatterState.Rejected;
        }
        else
        {
            State = action.StepIndex + 1 == Route.Steps.Count ? MatterState.Approved : MatterState.Pending;
            DecidedTerms = terms ?? DecidedTerms;
        }

        return Result<MatterAction>.Ok(action);
    }

    /// <summary>
    /// Whether the matter, waiting at a team step, may be tabled with these facts: the step a meeting
    /// decides (<see cref="StepKind.CollectiveDecision"/>) or hears (<see cref="StepKind.InformTeam"/>).
    /// </summary>
    public bool WaitsForTeam => CurrentStep is { Actor.Kind: ActorKind.Team, Kind: StepKind.CollectiveDecision or StepKind.InformTeam };

    /// <summary>
    /// Whether paying <paramref name="amount"/> to <paramref name="payee"/> stays within what was
    /// decided: the matter is approved; after a collective decision, at most the decided amount and
    /// only to the decided payee (R43); a matter routed through a collective step without recorded
    /// terms is refused (fail closed); otherwise at most the approved amount, to the approved payee (R42).
    /// </summary>
    public Outcome CheckExecution(decimal amount, Payee payee) => CheckExecution(amount, payee, 0m);

    /// <summary>
    /// As <see cref="CheckExecution(decimal, Payee)"/>, for a partial payment after
    /// <paramref name="alreadyPaid"/> was paid: all payments together stay within what was approved
    /// or decided. The payee is compared by who it is (the person or the registered counterparty),
    /// not by how its name is written today.
    /// </summary>
    public Outcome CheckExecution(decimal amount, Payee payee, decimal alreadyPaid)
    {
        ArgumentNullException.ThrowIfNull(payee);
        if (State != MatterState.Approved)
        {
            return Refusal.Because("R7", "ExecutionNotApproved", "The matter \"{title}\" is {state}; only an approved matter is executed.", ("title", Title), ("state", State.ToString()));
        }

        if (amount < 0m)
        {
            return Refusal.Because(MatterRules.AreaRule(Area), "NegativeAmount", "The amount {amount} is negative.", RefusalArgument.Amount("amount", amount));
        }

        var total = alreadyPaid + amount;
        if (DecidedTerms is { } decided)
        {
            if (total > decided.Amount)
            {
                return alreadyPaid > 0m
                    ? Refusal.Because("R43", "PaymentsAboveDecided", "Paying {amount} after {paid} already paid exceeds the {decided} the meeting decided ({meeting}); at most {left} is left to pay.",
                        RefusalArgument.Amount("amount", amount), RefusalArgument.Amount("paid", alreadyPaid), RefusalArgument.Amount("decided", decided.Amount), ("meeting", decided.MeetingReference),
                        RefusalArgument.Amount("left", Math.Max(0m, decided.Amount - alreadyPaid)))
                    : Refusal.Because("R43", "ExecutionAboveDecided", "Paying {amount} exceeds the {decided} the meeting decided ({meeting}); paying more needs a new collective decision.",
                        RefusalArgument.Amount("amount", amount), RefusalArgument.Amount("decided", decided.Amount), ("meeting", decided.MeetingReference));
            }

            return payee.IsSameAs(decided.Payee)
                ? Outcome.Ok
                : Refusal.Because("R43", "ExecutionOtherPayee", "The meeting decided to pay {decided} ({meeting}), not {payee}; another payee needs a new collective decision.",
                    ("decided", PayeeName(decided.Payee)), ("meeting", decided.MeetingReference), ("payee", PayeeName(payee)));
        }

        if (Route.Steps.Any(s => s.Kind == StepKind.CollectiveDecision))
        {
            return Refusal.Because("R43", "NoDecidedTerms", "The matter \"{title}\" was decided collectively but no decided terms were recorded; record the decision through its meeting.", ("title", Title));
        }

        if (total > Amount)
        {
            return alreadyPaid > 0m
                ? Refusal.Because("R42", "PaymentsAboveApproved", "Paying {amount} after {paid} already paid exceeds the approved {approved}; at most {left} is left to pay.",
                    RefusalArgument.Amount("amount", amount), RefusalArgument.Amount("paid", alreadyPaid), RefusalArgument.Amount("approved", Amount), RefusalArgument.Amount("left", Math.Max(0m, Amount - alreadyPaid)))
                : Refusal.Because("R42", "ExecutionAboveApproved", "Paying {amount} exceeds the approved {approved}; edit the matter and have it approved again.",
                    RefusalArgument.Amount("amount", amount), RefusalArgument.Amount("approved", Amount));
        }

        return payee.IsSameAs(Payee)
            ? Outcome.Ok
            : Refusal.Because("R42", "ExecutionOtherPayee", "The matter was approved to pay {approved}, not {payee}; edit the matter and have it approved again.",
                ("approved", PayeeName(Payee)), ("payee", PayeeName(payee)));
    }

    private static string PayeeName(Payee payee) => payee.Name.Length > 0 ? payee.Name : payee.PersonId?.ToString() ?? "nobody";

    /// <summary>
    /// Whether the person may complete the current step now (for the workbench). For a collective
    /// decision or a hand-off the reference is not asked for here; <see cref="Act"/> requires it.
    /// </summary>
    public bool IsWaitingFor(PersonId person, IOrganizationView org)
    {
        ArgumentNullException.ThrowIfNull(org);
        return CurrentStep is { } step
            && CheckAction(person, StepActions.CompletingAction(step.Kind), null, org, requireReference: false, Standing.Own).IsOk;
    }

    /// <summary>Everyone who may complete the current step now; empty unless pending.</summary>
    public IReadOnlyList<PersonId> WhoMayActNow(IOrganizationView org)
    {
        ArgumentNullException.ThrowIfNull(org);
        if (CurrentStep is not { } step)
        {
            return [];
        }

        // Everyone holding a role of the step's one table (StepAuthority); the core's own check then decides.
        // MayFill first is the test CheckAuthority makes, without wording a refusal for each holder of
        // the role whose step it is not (the step's notices ask this on every action).
        var candidates = StepAuthority.RolesFor(step.Actor).SelectMany(role => org.PeopleWithRole(UnitId, role, SubmittedOn));
        return candidates.Distinct().Where(p => StepAuthority.MayFill(step.Actor, p, UnitId, Area, SubmittedOn, org) && IsWaitingFor(p, org)).ToList();
    }

    /// <summary>
    /// The initiator edits the matter. R42: a material edit (amount up, or payee changed) of a
    /// pending or approved matter starts the next round from step 0 on <paramref name="reroutedWithFrozenPolicy"/>
    /// (the caller re-routes <see cref="Facts"/> under <see cref="PolicyVersionId"/>, R41) and the
    /// matter is pending again. An immaterial edit (amount down, title) keeps state, round and route.
    /// A returned matter is edited in place; <see cref="Resubmit"/> starts its next round.
    /// Rejected and withdrawn matters are final.
    /// </summary>
    public Result<MatterChange> Edit(EditMatter edit, Route reroutedWithFrozenPolicy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(reroutedWithFrozenPolicy);
        var final = CheckInitiatorMayChange(edit.EditorId, "edit");
        if (!final.IsOk)
        {
            return final.Refusal!;
        }

        var newAmount = edit.NewAmount ?? Amount;
        var newPayee = edit.NewPayee ?? Payee;
        var newTitle = edit.NewTitle?.Trim() ?? Title;
        if (newTitle.Length == 0)
        {
            return Refusal.Because(MatterRules.AreaRule(Area), "NoTitle", "A matter needs a title.");
        }

        var amount = MatterRules.CheckAmount(Kind, newAmount);
        if (!amount.IsOk)
        {
            return amount.Refusal!;
        }

        var payeeChanged = newPayee != Payee;
        if (payeeChanged)
        {
            var registered = newPayee.CheckRegistered();
            if (!registered.IsOk)
            {
                return registered.Refusal!;
            }
        }

        if (newAmount == Amount && !payeeChanged && newTitle == Title)
        {
            return Refusal.Because("R42", "EditChangesNothing", "The edit changes nothing.");
        }

        // R43: after a meeting decided, more money or another payee is not a re-route: it needs a new decision.
        if (DecidedTerms is { } decided && (newAmount > decided.Amount || newPayee != decided.Payee))
        {
            return Refusal.Because("R43", "EditBeyondDecision", "The meeting decided {decided} to {payee} ({meeting}); raising the amount or changing the payee needs a new collective decision.",
                RefusalArgument.Amount("decided", decided.Amount), ("payee", PayeeName(decided.Payee)), ("meeting", decided.MeetingReference));
        }

        var material = newAmount > Amount || payeeChanged;
        var newRound = material && State is MatterState.Pending or MatterState.Approved;
        if (newRound && reroutedWithFrozenPolicy.Steps.Count == 0)
        {
            return Refusal.Because("R40", "EmptyEditedRoute", "The new route is empty: an edited matter goes back through approval (R42).");
        }

        var change = new MatterChange(Guid.CreateVersion7(), this, MatterChangeKind.Edit, edit.EditorId, now);
        Amount = newAmount;
        if (payeeChanged)
        {
            PayeeRelatives = [.. (edit.NewPayeeRelatives ?? []).Distinct()];
        }

        Payee = newPayee;
        Title = newTitle;
        if (newRound)
        {
            StartRound(reroutedWithFrozenPolicy);
        }

        _changes.Add(change.After(this, material));
        return Result<MatterChange>.Ok(change);
    }

    /// <summary>
    /// The initiator sends a returned matter back into approval: the next round from step 0 on the
    /// route the caller re-routed under the frozen policy version (R41).
    /// </summary>
    public Result<MatterChange> Resubmit(PersonId by, Route reroutedWithFrozenPolicy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reroutedWithFrozenPolicy);
        var check = CheckInitiatorMayChange(by, "resubmit");
        if (!check.IsOk)
        {
            return check.Refusal!;
        }

        if (State != MatterState.Returned)
        {
            return Refusal.Because("R7", "NotReturned", "Only a returned matter is resubmitted; this one is {state}.", ("state", State.ToString()));
        }

        if (reroutedWithFrozenPolicy.Steps.Count == 0)
        {
            return Refusal.Because("R40", "EmptyRoute", "The route is empty: no matter in a restricted area is approved without a step.");
        }

        var change = new MatterChange(Guid.CreateVersion7(), this, MatterChangeKind.Resubmit, by, now);
        StartRound(reroutedWithFrozenPolicy);
        _changes.Add(change.After(this, material: false));
        return Result<MatterChange>.Ok(change);
    }

    /// <summary>
    /// R18, R40: the office corrects the catalogue entry a purchase plan names (a wrong entry, or
    /// "none" for an item that is in the catalogue). <paramref name="flags"/> are what the county's
    /// catalogue decides for the new entry and <paramref name="reroutedWithFrozenPolicy"/> the route
    /// of the corrected facts under the frozen policy (R41), both worked out by the caller. When the
    /// flags change, the matter starts its next round from step 0 on the new route; otherwise only
    /// the entry changes. Only an office reviewer of the unit on the matter's date corrects, never
    /// the initiator; only while the matter is pending or returned, and not once a meeting decided it
    /// (R43: what was decided binds).
    /// </summary>
    public Result<MatterChange> CorrectItem(PersonId by, string itemCode, MatterFlags flags, Route reroutedWithFrozenPolicy, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemCode);
        ArgumentNullException.ThrowIfNull(reroutedWithFrozenPolicy);
        ArgumentNullException.ThrowIfNull(org);
        if (Kind != MatterKind.PurchasePlan)
        {
            return Refusal.Because(Refusal.InvalidId, "ItemCodeCorrection", "itemCode: only a purchase plan's catalogue entry is corrected.");
        }

        if (!org.PeopleWithRole(UnitId, Role.OfficeReviewer, SubmittedOn).Contains(by) || by == InitiatorId)
        {
            return Refusal.Because("R18", "OnlyOfficeCorrectsItem",
                "Only an office reviewer of the unit on {date}, other than the initiator, corrects a purchase's catalogue entry.",
                ("date", MatterRules.Day(SubmittedOn)));
        }

        if (State is not (MatterState.Pending or MatterState.Returned) || DecidedTerms is not null)
        {
            return Refusal.Because("R18", "ItemFixedOnceDecided",
                "The catalogue entry of a matter that is {state} or was decided by a meeting can no longer be corrected.",
                ("state", State.ToString()));
        }

        var code = itemCode.Trim();
        if (string.Equals(code, ItemCode, StringComparison.OrdinalIgnoreCase))
        {
            return Refusal.Because("R18", "ItemUnchanged", "The matter already names {code}.", ("code", code));
        }

        var reroute = flags != Flags;
        if (reroute && reroutedWithFrozenPolicy.Steps.Count == 0)
        {
            return Refusal.Because("R40", "EmptyRoute", "The route is empty: no matter in a restricted area is approved without a step.");
        }

        var change = new MatterChange(Guid.CreateVersion7(), this, MatterChangeKind.ItemCorrected, by, now);
        ItemCode = code;
        Flags = flags;
        if (reroute)
        {
            StartRound(reroutedWithFrozenPolicy);
        }

        _changes.Add(change.After(this, material: reroute));
        return Result<MatterChange>.Ok(change);
    }

    /// <summary>The initiator withdraws a pending or returned matter. Final.</summary>
    public Result<MatterChange> Withdraw(PersonId by, DateTimeOffset now)
    {
        var check = CheckInitiatorMayChange(by, "withdraw");
        if (!check.IsOk)
        {
            return check.Refusal!;
        }

        if (State is not (MatterState.Pending or MatterState.Returned))
        {
            return Refusal.Because("R7", "NotWithdrawable", "Only a pending or returned matter can be withdrawn; this one is {state}.", ("state", State.ToString()));
        }

        var change = new MatterChange(Guid.CreateVersion7(), this, MatterChangeKind.Withdraw, by, now);
        State = MatterState.Withdrawn;
        _changes.Add(change.After(this, material: false));
        return Result<MatterChange>.Ok(change);
    }

    private void StartRound(Route route)
    {
        Round++;
        Route = route;
        State = MatterState.Pending;
    }

    private Outcome CheckInitiatorMayChange(PersonId by, string what)
    {
        if (by != InitiatorId)
        {
            return Refusal.Because("R42", "InitiatorOnly", "Only the initiator may {change} this matter.", ("change", what));
        }

        return State switch
        {
            MatterState.Rejected or MatterState.Withdrawn => Refusal.Because("R42", "MatterFinal", "The matter is {state}, which is final; it cannot be changed. Submit a new matter instead.", ("state", State.ToString())),
            MatterState.Pending or MatterState.Approved or MatterState.Returned => Outcome.Ok,
        };
    }

    // R6: the initiator kind decides the route (a deputy's own expense goes to a principal), so it
    // must match the initiator's role on the day of submission; it cannot be chosen to pick a softer route.
    private static Outcome CheckInitiatorKind(SubmitMatter command, DateOnly submittedOn, IOrganizationView org)
    {
        var roles = org.RolesOf(command.UnitId, command.InitiatorId, submittedOn);
        var who = org.NameOf(command.InitiatorId);
        var date = MatterRules.Day(submittedOn);
        var isPrincipal = roles.Contains(Role.Principal);
        var isDeputy = roles.Contains(Role.Deputy);
        return command.InitiatorKind switch
        {
            InitiatorKind.Principal when !isPrincipal => Refusal.Because("R6", "InitiatorNotPrincipal", "{person} is not a principal of the unit on {date}; only a principal submits as a principal.", ("person", who), ("date", date)),
            InitiatorKind.Deputy when !isDeputy => Refusal.Because("R6", "InitiatorNotDeputy", "{person} is not a deputy of the unit on {date}; only a deputy submits as a deputy.", ("person", who), ("date", date)),
            InitiatorKind.Section when !roles.Contains(Role.SectionHead) => Refusal.Because("R6", "InitiatorNotSectionHead", "{person} is not a section head of the unit on {date}; only a section head submits for a section.", ("person", who), ("date", date)),
            InitiatorKind.Staff or InitiatorKind.Section when isPrincipal => Refusal.Because("R6", "PrincipalSubmitsAsPrincipal", "{person} is a principal of the unit on {date} and must submit as a principal (their own matters take the principal's route).", ("person", who), ("date", date)),
            InitiatorKind.Staff or InitiatorKind.Section when isDeputy => Refusal.Because("R6", "DeputySubmitsAsDeputy", "{person} is a deputy of the unit on {date} and must submit as a deputy (a deputy's own matters go to a principal, R6).", ("person", who), ("date", date)),
            InitiatorKind.Staff or InitiatorKind.Section or InitiatorKind.Deputy or InitiatorKind.Principal => Outcome.Ok,
        };
    }

    // Who the actor stands in for (代理), the delegations to check it against and the action time.
    private sealed record Standing(PersonId? OnBehalfOf, IDelegationView Delegations, DateTimeOffset Now)
    {
        public static Standing Own { get; } = new(null, DelegationSet.None, DateTimeOffset.MinValue);
    }

    private Outcome CheckAction(PersonId actor, ActionKind kind, string? reference, IOrganizationView org, bool requireReference, Standing standing)
    {
        // 1. Only a pending matter has a step waiting.
        if (State != MatterState.Pending)
        {
            return Refusal.Because("R7", "NotPending", "The matter is {state}; no step is waiting for an action.", ("state", State.ToString()));
        }

        var index = CurrentStepIndex;
        var step = Route.Steps[index];
        var here = new StepPosition(index, Route.Steps.Count, step); // formatted only into a refusal

        // 2. R43: a team step (a collective decision, or the team being informed) is completed,
        //    rejected or returned only by a recorded meeting whose minutes are signed, never by a
        //    person: not a principal, not the office, not through a delegation.
        if (step.Actor.Kind == ActorKind.Team || step.Kind == StepKind.CollectiveDecision)
        {
            return Refusal.Because("R43", "TeamStepOnlyInMeeting",
                "{step} belongs to the team: it is decided in a recorded meeting and binds when every member present has signed the minutes; {who} cannot {action} it alone.",
                ("step", here.ToString()), ("who", org.NameOf(actor)), ("action", kind.ToString().ToLowerInvariant()));
        }

        // 3. R7: the action fits the current step; no step can be skipped.
        var fits = FitsStep(kind, step, index, here);
        if (!fits.IsOk)
        {
            return fits;
        }

        // 4. R6: nobody acts on a matter they initiated or that pays them. Proposing is the
        //    initiator's own act, so a Propose step is the one exception for the initiator.
        //    Under a delegation both the delegate and the delegator are checked.
        PersonId[] people = standing.OnBehalfOf is { } principalActor ? [actor, principalActor] : [actor];
        foreach (var person in people)
        {
            var who = org.NameOf(person);
            var isInitiator = person == InitiatorId;
            var isPayee = Payee.PersonId is { } payee && payee == person;
            if (isInitiator && !InitiatorMayAct(step, kind))
            {
                return Refusal.Because("R6", "InitiatorActs", "{person} initiated this matter; nobody approves or acts on a matter they initiated, not even for someone else.", ("person", who));
            }

            if (isPayee && !(isInitiator && InitiatorMayAct(step, kind)))
            {
                return Refusal.Because("R6", "PayeeActs", "{person} is paid by this matter; nobody approves or acts on a matter that pays them.", ("person", who));
            }

            if (PayeeRelatives.Contains(person) && !(isInitiator && InitiatorMayAct(step, kind)))
            {
                return Payee.CounterpartyId is not null
                    ? Refusal.Because("R6", "PayeeTieActs", "{person} declared a tie to {payee}, whom this matter pays; nobody acts on a matter that pays a relative or a relative's business.",
                        ("person", who), ("payee", PayeeName(Payee)))
                    : Refusal.Because("R6", "PayeeRelativeActs", "{person} is a declared relative of {payee}, whom this matter pays; nobody acts on a matter that pays a relative.",
                    ("person", who), ("payee", PayeeName(Payee)));
            }
        }

        // 5. General rule: nobody acts on two deciding steps of one round unless the route says so.
        //    An action taken for someone else counts as both people's.
        if (!StepActions.IsRecording(step))
        {
            foreach (var person in people)
            {
                var earlier = CurrentRoundActions.FirstOrDefault(a =>
                    (a.ActorId == person || a.OnBehalfOf == person) && a.Kind.CompletesStep() && a.StepIndex != index
                    && !StepActions.IsRecording(Route.Steps[a.StepIndex])
                    && !SameActorAllowance.Allows(Route, a.StepIndex, index));
                if (earlier is not null)
                {
                    return Refusal.Because("R7", "TwoSteps", "{person} already acted on step {earlier} ({step}) of this round; one person may not act on two steps, not even through a delegation (a review and an approval by the same person are refused).",
                        ("person", org.NameOf(person)), ("earlier", (earlier.StepIndex + 1).ToString(CultureInfo.InvariantCulture)), ("step", Route.Steps[earlier.StepIndex].ToString()));
                }
            }
        }

        // 6. The actor holds what the step requires, on the matter's date; under a delegation the
        //    delegator's authority counts, after 五不直接分管: a principal never takes a deputy's step.
        if (standing.OnBehalfOf is { } delegator)
        {
            if (step.Actor.Kind == ActorKind.DeputyInCharge && org.HoldsRole(UnitId, actor, Role.Principal, SubmittedOn))
            {
                return Refusal.Because(MatterRules.AreaRule(Area), "PrincipalStandsInForDeputy", "{person} is a principal: principals do not directly take charge of {area} (五不直接分管), not even for an absent deputy ({step}).",
                    ("person", org.NameOf(actor)), ("area", Area.ToString()), ("step", here.ToString()));
            }

            var delegatorAuthority = CheckAuthority(delegator, step, here, org);
            if (!delegatorAuthority.IsOk)
            {
                return delegatorAuthority;
            }

            var delegated = DelegationRules.CheckActing(standing.Delegations, org, UnitId, Area, step, actor, delegator, SubmittedOn, standing.Now, here);
            if (!delegated.IsOk)
            {
                return delegated;
            }
        }
        else
        {
            var authority = CheckAuthority(actor, step, here, org);
            if (!authority.IsOk)
            {
                return authority;
            }
        }

        // 7. A recorded hand-off or notice or hand-off names its meeting or external reference.
        //    Asked by step kind and by actor kind, so a misconfigured route fails closed.
        if (requireReference && string.IsNullOrWhiteSpace(reference))
        {
            if (step.Kind == StepKind.HandOff || step.Actor.Kind == ActorKind.External)
            {
                return Refusal.Because(ExternalRule, "HandOffReference", "{step} is a hand-off: record it with the procurement centre's or tender office's reference.", ("step", here.ToString()));
            }

            if (step.Kind == StepKind.PublicNotice)
            {
                return Area == Area.Construction
                    ? Refusal.Because("R22", "NoticeReference", "{step} publishes the tender's method, procedure and result: record where and for how long they were published.", ("step", here.ToString()))
                    : Refusal.Because("R12", "NoticeReference", "{step} is a public notice: record where and for how long it was published.", ("step", here.ToString()));
            }
        }

        return Outcome.Ok;
    }

    // The initiator proposing their own matter is not deciding it; they may not reject or return
    // it on that step (they withdraw it instead).
    private static bool InitiatorMayAct(RouteStep step, ActionKind kind) => step.Kind == StepKind.Propose && kind == ActionKind.Propose;

    private string ExternalRule => Area == Area.Construction ? "R20" : "R18";

    private string RouteRule => Route.Rules.Count > 0 ? Route.Rules[0] : MatterRules.AreaRule(Area);

    private Outcome FitsStep(ActionKind kind, RouteStep step, int index, StepPosition here)
    {
        if (kind is ActionKind.Reject or ActionKind.Return)
        {
            return StepActions.IsDeciding(step.Kind)
                ? Outcome.Ok
                : Refusal.Because("R7", "RecordingStepDecidesNothing", "{step} records what happened and decides nothing; it cannot {action} the matter.", ("step", here.ToString()), ("action", kind.ToString().ToLowerInvariant()));
        }

        if (StepActions.CompletingAction(step.Kind) == kind)
        {
            return Outcome.Ok;
        }

        for (var later = index + 1; later < Route.Steps.Count; later++)
        {
            if (StepActions.CompletingAction(Route.Steps[later].Kind) == kind)
            {
                return Refusal.Because("R7", "StepSkipped", "{action} belongs to step {later} ({laterStep}); {step} comes first and no step can be skipped.",
                    ("action", kind.ToString()), ("later", (later + 1).ToString(CultureInfo.InvariantCulture)), ("laterStep", Route.Steps[later].ToString()), ("step", here.ToString()));
            }
        }

        return Refusal.Because("R7", "ActionDoesNotFitStep", "{step} waits for {expected}; {action} does not fit it.", ("step", here.ToString()), ("expected", StepActions.CompletingAction(step.Kind).ToString()), ("action", kind.ToString()));
    }

    // Whether the actor may fill the step is StepAuthority's table (the one the workbench and
    // delegations read too); this only words the refusal.
    private Outcome CheckAuthority(PersonId actor, RouteStep step, StepPosition here, IOrganizationView org)
    {
        if (StepAuthority.MayFill(step.Actor, actor, UnitId, Area, SubmittedOn, org))
        {
            return Outcome.Ok;
        }

        var who = org.NameOf(actor);
        var date = MatterRules.Day(SubmittedOn);
        bool Holds(Role role) => org.HoldsRole(UnitId, actor, role, SubmittedOn);
        var deputy = org.DeputyInCharge(UnitId, Area, SubmittedOn);

        switch (step.Actor.Kind)
        {
            case ActorKind.Office:
                return Refusal.Because(RouteRule, "OfficeOnly", "{step} is the office's: {person} was not an office reviewer of the unit on {date}.", ("step", here.ToString()), ("person", who), ("date", date));

            case ActorKind.DeputyInCharge:
                var rule = MatterRules.AreaRule(Area);
                if (deputy is null)
                {
                    return Refusal.Because("R3", "NoDeputyInCharge", "Nobody was in charge of {area} in the unit on {date}; assign a deputy first ({step}).", ("area", Area.ToString()), ("date", date), ("step", here.ToString()));
                }

                if (Holds(Role.Principal))
                {
                    return Refusal.Because(rule, "PrincipalNotInCharge", "{person} is a principal: the deputy in charge of {area} on {date} ({deputy}) acts on {step}; principals do not directly take charge of {area} (五不直接分管).",
                        ("person", who), ("area", Area.ToString()), ("date", date), ("deputy", org.NameOf(deputy.Value)), ("step", here.ToString()));
                }

                return Refusal.Because(rule, "NotDeputyInCharge", "{person} was not in charge of {area} on {date}; {deputy} was, and acts on {step}.",
                    ("person", who), ("area", Area.ToString()), ("date", date), ("deputy", org.NameOf(deputy.Value)), ("step", here.ToString()));

            case ActorKind.Principal:
                return Refusal.Because(RouteRule, "PrincipalOnly", "{step} is a principal's: {person} was not a principal of the unit on {date}.", ("step", here.ToString()), ("person", who), ("date", date));

            case ActorKind.TeamMember:
                return Refusal.Because(RouteRule, "TeamMemberOnly", "{step} is a team member's: {person} was not a principal or deputy of the unit on {date}.", ("step", here.ToString()), ("person", who), ("date", date));

            case ActorKind.NamedRole:
                return Refusal.Because(RouteRule, "RoleMissing", "{step} needs the role {role}: {person} did not hold it in the unit on {date}.",
                    ("step", here.ToString()), ("role", step.Actor.Role?.ToString() ?? "(none named)"), ("person", who), ("date", date));

            case ActorKind.Team:
                return Refusal.Because("R43", "TeamOnly", "{step} is the team's: only a recorded meeting whose minutes every member present signed completes it, never {person} alone.", ("step", here.ToString()), ("person", who));

            case ActorKind.External:
                return Refusal.Because(ExternalRule, "HandOffRecorder", "{step} is a hand-off; it is recorded by the office or the deputy in charge of {area}, and {person} was neither on {date}.",
                    ("step", here.ToString()), ("area", Area.ToString()), ("person", who), ("date", date));
        }

        // Fail closed on an actor kind this code does not know.
        return Refusal.Because(RouteRule, "UnknownActor", "{step} names an actor this version does not recognise ({actor}).", ("step", here.ToString()), ("actor", step.Actor.ToString()));
    }
}

/// <summary>
/// Where a step sits on its route, as refusals name it ("step 2 of 3 (Approve(DeputyInCharge))"):
/// a value, formatted only when a refusal is written, so an action that passes builds no text.
/// </summary>
public readonly record struct StepPosition(int Index, int Count, RouteStep Step)
{
    public override string ToString() => $"step {Index + 1} of {Count} ({Step})";
}
