using System.Globalization;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Policy;

/// <summary>Where a policy proposal stands (R40), derived from its steps.</summary>
public enum PolicyProposalState
{
    /// <summary>Proposed by the unit administrator; waits for the team's agreement in a meeting.</summary>
    Proposed,

    /// <summary>Agreed by the team; waits for the county's first approval.</summary>
    Agreed,

    /// <summary>Approved by one county official; waits for a second, different one (four eyes).</summary>
    CountyApprovedOnce,

    /// <summary>Approved by two county officials: its version is published and takes effect on its date.</summary>
    Approved,

    Withdrawn,

    Superseded,
}

/// <summary>
/// A proposed new version of a unit's policy (R40): proposed by the unit administrator, agreed by
/// the unit's team in a meeting, approved at the county by two different officials; only then does
/// it become a <see cref="PolicyVersion"/>, which takes effect on the later of the requested date
/// and the day of the second approval. The document is verified before it can even be proposed.
/// The proposal itself never changes; each step is a <see cref="PolicyProposalStep"/> row and the
/// state is derived from them.
/// </summary>
public sealed class PolicyProposal
{
    private readonly List<PolicyProposalStep> _steps = [];

    private PolicyProposal()
    {
        DocumentJson = Summary = ProposedByName = string.Empty;
    }

    private PolicyProposal(Unit unit, PersonId proposer, string proposerName, string summary, DateOnly requestedEffectiveFrom, string documentJson, DateTimeOffset now)
    {
        Id = PolicyProposalId.New();
        CountyId = unit.CountyId;
        UnitId = unit.Id;
        ProposedById = proposer;
        ProposedByName = proposerName;
        Summary = summary;
        RequestedEffectiveFrom = requestedEffectiveFrom;
        DocumentJson = documentJson;
        ProposedAt = now;
    }

    public PolicyProposalId Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    /// <summary>The unit administrator who proposed it.</summary>
    public PersonId ProposedById { get; private set; }

    public string ProposedByName { get; private set; }

    /// <summary>What the change is, in the proposer's words: the agenda item's title.</summary>
    public string Summary { get; private set; }

    /// <summary>The date the proposer asks for; the version takes effect no earlier than its approval.</summary>
    public DateOnly RequestedEffectiveFrom { get; private set; }

    /// <summary>The verified policy document in the format of docs/policy-format.md.</summary>
    public string DocumentJson { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public IReadOnlyList<PolicyProposalStep> Steps => _steps;

    public PolicyProposalState State
    {
        get
        {
            if (_steps.Any(s => s.Kind == PolicyProposalStepKind.Withdrawn))
            {
                return PolicyProposalState.Withdrawn;
            }

            if (_steps.Any(s => s.Kind == PolicyProposalStepKind.Superseded))
            {
                return PolicyProposalState.Superseded;
            }

            return CountyApprovals.Count switch
            {
                >= 2 => PolicyProposalState.Approved,
                1 => PolicyProposalState.CountyApprovedOnce,
                _ => _steps.Any(s => s.Kind == PolicyProposalStepKind.Agreed) ? PolicyProposalState.Agreed : PolicyProposalState.Proposed,
            };
        }
    }

    /// <summary>Whether it is still on its way (neither approved nor withdrawn nor superseded).</summary>
    public bool IsOpen => State is PolicyProposalState.Proposed or PolicyProposalState.Agreed or PolicyProposalState.CountyApprovedOnce;

    public IReadOnlyList<PolicyProposalStep> CountyApprovals => _steps.Where(s => s.Kind == PolicyProposalStepKind.CountyApproval).ToList();

    /// <summary>The version the county's second approval published; null before.</summary>
    public PolicyVersionId? VersionId => _steps.FirstOrDefault(s => s.VersionId is not null)?.VersionId;

    /// <summary>
    /// R40: the unit administrator proposes a new version of the unit's policy. Refused unless the
    /// proposer is the unit administrator and belongs to the unit on <paramref name="today"/>,
    /// when the verifier found anything (nobody may even propose an unsafe or incomplete policy),
    /// or when the requested date is already past. Every open proposal of the unit in
    /// <paramref name="openProposals"/> is superseded by the new one.
    /// </summary>
    public static Result<PolicyProposal> Propose(
        Unit unit,
        PolicyProposer proposer,
        string summary,
        DateOnly requestedEffectiveFrom,
        string documentJson,
        IReadOnlyCollection<string> verifierFailures,
        IEnumerable<PolicyProposal> openProposals,
        IOrganizationView org,
        DateOnly today,
        DateTimeOffset now,
        IReadOnlyCollection<CountyChange>? pendingCountyApprovals = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(proposer);
        ArgumentNullException.ThrowIfNull(verifierFailures);
        ArgumentNullException.ThrowIfNull(openProposals);
        ArgumentNullException.ThrowIfNull(org);
        var name = org.NameOf(proposer.PersonId);
        if (!proposer.IsUnitAdministrator || !org.BelongsTo(unit.Id, proposer.PersonId, today))
        {
            return Refusal.Because("R40", "OnlyUnitAdministratorProposes", "{person} is not the administrator of {unit}; only the unit administrator proposes its policy.", ("person", name), ("unit", unit.Name));
        }

        if (verifierFailures.Count > 0)
        {
            return Refusal.Because("R40", "FailedVerification", "The policy failed verification and cannot be proposed: {failures}", ("failures", string.Join("; ", verifierFailures)));
        }

        if (string.IsNullOrWhiteSpace(summary))
        {
            return Refusal.Because("R40", "SummaryMissing", "A policy proposal needs a summary saying what changes; it becomes the meeting's agenda item.");
        }

        if (requestedEffectiveFrom < today)
        {
            return Refusal.Because(
                "R40",
                "EffectiveBeforeApproval",
                "A policy takes effect no earlier than the day the county approves it; {requested} is already past (today is {today}).",
                ("requested", Day(requestedEffectiveFrom)),
                ("today", Day(today)));
        }

        var proposal = new PolicyProposal(unit, proposer.PersonId, name, summary.Trim(), requestedEffectiveFrom, documentJson, now);
        foreach (var open in openProposals.Where(p => p.UnitId == unit.Id && p.Id != proposal.Id && p.IsOpen))
        {
            open.AddStep(PolicyProposalStepKind.Superseded, string.Empty, proposer.PersonId, name, proposal.Id.ToString(), string.Empty, null, now);
            foreach (var change in (pendingCountyApprovals ?? []).Where(c => c.SubjectId == open.Id.Value))
            {
                change.CloseWithItsProposal(now);
            }
        }

        return Result<PolicyProposal>.Ok(proposal);
    }

    /// <summary>
    /// R40, R43: the team's agreement, read from the meeting itself — never from a typed reference.
    /// Refused unless the proposal waits for it, the meeting is the unit's own, an item of the
    /// meeting about this proposal was approved (by quorum and majority, as any item), and the
    /// meeting's minutes are final (signed by every member present).
    /// </summary>
    public Result<PolicyProposalStep> RecordAgreement(Meeting meeting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (State != PolicyProposalState.Proposed)
        {
            return NotWaitingFor("the team's agreement");
        }

        if (meeting.CountyId != CountyId || meeting.UnitId != UnitId)
        {
            return Refusal.Because("R40", "AgreementOfAnotherUnit", "The meeting \"{meeting}\" is another unit's; only the unit's own team agrees to its policy.", ("meeting", meeting.Title));
        }

        if (meeting.ApprovedPolicyItem(Id) is not { } item)
        {
            return Refusal.Because("R43", "NoApprovedPolicyItem", "The meeting \"{meeting}\" approved no agenda item about this policy proposal.", ("meeting", meeting.Title));
        }

        if (!meeting.MinutesAreFinal)
        {
            return Refusal.Because("R43", "MinutesNotFinal", "The minutes of \"{meeting}\" are not signed by every member present; the team's agreement counts once they are final.", ("meeting", meeting.Title));
        }

        return Result<PolicyProposalStep>.Ok(AddStep(PolicyProposalStepKind.Agreed, string.Empty, null, meeting.Title, meeting.ReferenceOf(item), string.Empty, null, now));
    }

    /// <summary>
    /// R40: a county administrator approves the agreed proposal, under the county's four eyes
    /// (<see cref="CountyChange"/>, subject <see cref="CountyChangeSubject.UnitPolicy"/>): the first
    /// approval proposes the county change, the second — by another official, confirming it —
    /// publishes the version as number <paramref name="nextNumber"/>, in force from the later of the
    /// requested date and <paramref name="today"/>. <paramref name="pending"/> is the county change
    /// of the first approval (null before it). Refused before the team agreed, after withdrawal or
    /// supersession, to an official who belongs to the unit on the day or who proposed it (the unit
    /// does not approve its own policy), to the same official or person twice, and when the county
    /// named no discipline inspection to notify (R29, by <see cref="CountyChange.Propose"/>).
    /// </summary>
    public Result<PolicyApproval> ApproveAtCounty(
        CountyOfficial official,
        PersonId? officialPerson,
        CountyChange? pending,
        IReadOnlyCollection<PersonId> disciplineInspection,
        int nextNumber,
        IOrganizationView org,
        DateOnly today,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(official);
        ArgumentNullException.ThrowIfNull(disciplineInspection);
        ArgumentNullException.ThrowIfNull(org);
        if (State == PolicyProposalState.Superseded)
        {
            return Refusal.Because("R40", "ProposalSuperseded", "A newer proposal of the unit superseded this one; approve the newer one instead.");
        }

        if (State is not (PolicyProposalState.Agreed or PolicyProposalState.CountyApprovedOnce))
        {
            return NotWaitingFor("the county's approval");
        }

        if (officialPerson is { } person && (person == ProposedById || org.BelongsTo(UnitId, person, today)))
        {
            return Refusal.Because("R40", "ApproverOfTheUnit", "{official} belongs to the unit whose policy this is; the county approves it through officials outside the unit.", ("official", official.Name));
        }

        if (CountyApprovals.FirstOrDefault() is not { } first)
        {
            var proposed = CountyChange.Propose(CountyId, CountyChangeSubject.UnitPolicy, Id.Value, DocumentJson, Summary, official, [], disciplineInspection, now);
            if (!proposed.IsOk)
            {
                return proposed.Refusal!;
            }

            var step = AddStep(PolicyProposalStepKind.CountyApproval, official.Account, officialPerson, official.Name, proposed.Value.Change.Id.ToString("D"), string.Empty, null, now);
            return Result<PolicyApproval>.Ok(new PolicyApproval(step, proposed.Value.Change, null));
        }

        if (pending is null || pending.Subject != CountyChangeSubject.UnitPolicy || pending.SubjectId != Id.Value || first.Reference != pending.Id.ToString("D"))
        {
            throw new ArgumentException("The pending county change is not this proposal's first approval.", nameof(pending));
        }

        // Four eyes: another account (CountyChange.Confirm), and not the same person behind a second account.
        if (officialPerson is not null && officialPerson == first.ActorId)
        {
            return Refusal.Because("R40", "SameCountyOfficialTwice", "{official} already approved this proposal; a second, different county official must approve it (four eyes).", ("official", official.Name));
        }

        var confirmed = pending.Confirm(official, now);
        if (!confirmed.IsOk)
        {
            return confirmed.Refusal!;
        }

        if (nextNumber < 1)
        {
            return Refusal.Because(Refusal.InvalidId, "PolicyNumberFromOne", "A policy version number starts at 1.");
        }

        // R40: never in the past — at the earliest the day of the second approval.
        var effective = RequestedEffectiveFrom > today ? RequestedEffectiveFrom : today;
        var version = PolicyVersion.FromProposal(this, nextNumber, effective, now);
        var second = AddStep(PolicyProposalStepKind.CountyApproval, official.Account, officialPerson, official.Name, pending.Id.ToString("D"), string.Empty, version.Id, now);
        return Result<PolicyApproval>.Ok(new PolicyApproval(second, pending, version));
    }

    /// <summary>
    /// The unit administrator withdraws a proposal that is still open, with a reason; a pending
    /// county approval of it (<paramref name="pendingCountyApproval"/>, after the first county
    /// official approved) closes with it.
    /// </summary>
    public Result<PolicyProposalStep> Withdraw(PolicyProposer by, string reason, IOrganizationView org, DateOnly today, DateTimeOffset now, CountyChange? pendingCountyApproval = null)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(org);
        if (!IsOpen)
        {
            return NotWaitingFor("a withdrawal");
        }

        if (!by.IsUnitAdministrator || !org.BelongsTo(UnitId, by.PersonId, today))
        {
            return Refusal.Because("R40", "OnlyUnitAdministratorWithdraws", "{person} is not the unit's administrator; only the unit administrator withdraws its proposal.", ("person", org.NameOf(by.PersonId)));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Because("R40", "WithdrawalReasonMissing", "Withdrawing a policy proposal needs a reason.");
        }

        if (pendingCountyApproval is not null && pendingCountyApproval.SubjectId == Id.Value)
        {
            pendingCountyApproval.CloseWithItsProposal(now);
        }

        return Result<PolicyProposalStep>.Ok(AddStep(PolicyProposalStepKind.Withdrawn, string.Empty, by.PersonId, org.NameOf(by.PersonId), string.Empty, reason.Trim(), null, now));
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Refusal NotWaitingFor(string what) =>
        Refusal.Because("R40", "ProposalNotWaiting", "The policy proposal is {state}; it does not wait for {what}.", ("state", State.ToString()), ("what", what));

    private PolicyProposalStep AddStep(PolicyProposalStepKind kind, string account, PersonId? actor, string actorName, string reference, string reason, PolicyVersionId? version, DateTimeOffset now)
    {
        var step = new PolicyProposalStep(this, _steps.Count + 1, kind, account, actor, actorName, reference, reason, version, now);
        _steps.Add(step);
        return step;
    }
}
