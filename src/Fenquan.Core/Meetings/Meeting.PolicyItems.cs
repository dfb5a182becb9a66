using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Meetings;

/// <summary>
/// R40, R43: a unit's policy proposal on the team's agenda. The team agrees to a new version of
/// its policy as it decides any item — tabled before the meeting opens, opinions in speaking order,
/// quorum and majority under the meeting's rules, minutes signed by every member present — and
/// <see cref="PolicyProposal.RecordAgreement"/> reads the agreement from the meeting itself. Kept
/// apart from the matter items so that the matter flow in Meeting.cs stays as it is.
/// </summary>
public sealed partial class Meeting
{
    /// <summary>Whether the proposal is on an item of this meeting still waiting for its outcome (not cancelled).</summary>
    public bool HoldsOpenItemFor(PolicyProposalId proposal) =>
        State != MeetingState.Cancelled && _items.Any(i => i.PolicyProposalId == proposal && OutcomeOf(i.Id) is null);

    /// <summary>The item about the proposal that this meeting approved; null when none was.</summary>
    public AgendaItem? ApprovedPolicyItem(PolicyProposalId proposal) =>
        _items.FirstOrDefault(i => i.PolicyProposalId == proposal && OutcomeOf(i.Id) is { Kind: ItemOutcomeKind.Approved });

    /// <summary>
    /// Tables a policy proposal of the meeting's unit. Refused unless the meeting is still
    /// scheduled, the proposal is the unit's and waits for the team's agreement, and it is not
    /// already on an undecided item of this or another meeting.
    /// </summary>
    public Result<AgendaItem> AddPolicyItem(PolicyProposal proposal, IEnumerable<Meeting> otherMeetings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(otherMeetings);
        if (State != MeetingState.Scheduled)
        {
            return Refusal.Because("R43", "AgendaFixed", "The meeting is {state}; its agenda was fixed when it opened.", ("state", State.ToString()));
        }

        if (proposal.CountyId != CountyId || proposal.UnitId != UnitId)
        {
            return Refusal.Because("R40", "AgreementOfAnotherUnit", "The meeting \"{meeting}\" is another unit's; only the unit's own team agrees to its policy.", ("meeting", Title));
        }

        if (proposal.State != PolicyProposalState.Proposed)
        {
            return Refusal.Because("R40", "ProposalNotWaiting", "The policy proposal is {state}; it does not wait for {what}.", ("state", proposal.State.ToString()), ("what", "the team's agreement"));
        }

        if (HoldsOpenItemFor(proposal.Id) || otherMeetings.Any(m => m.Id != Id && m.HoldsOpenItemFor(proposal.Id)))
        {
            return Refusal.Because("R43", "PolicyAlreadyTabled", "The policy proposal \"{title}\" is already on an undecided agenda item; decide or defer it there first.", ("title", proposal.Summary));
        }

        var item = new AgendaItem(Id, CountyId, _items.Count + 1, proposal, now);
        _items.Add(item);
        return Result<AgendaItem>.Ok(item);
    }

    /// <summary>
    /// The meeting approves a policy item: refused, as for a matter, before everyone entitled has
    /// spoken, without quorum or without the majority. Recorded, as a matter's outcome is, by the
    /// unit's office reviewer or a principal present — never by the proposer.
    /// </summary>
    public Result<ItemOutcome> ApprovePolicyItem(AgendaItemId itemId, PersonId recordedBy, IOrganizationView org, DateTimeOffset now)
    {
        var ready = CheckPolicyDecidable(itemId, recordedBy, org, out var item, out var tally);
        if (!ready.IsOk)
        {
            return ready.Refusal!;
        }

        if (!tally.MajorityMet)
        {
            return Refusal.Because("R43", "PolicyNoMajority", "{item} has {agree} agreeing of {base}; approval needs {needed}. A tie is not a majority; reject or defer it.", ("item", item.ToString()), ("agree", Count(tally.Agree)), ("base", Count(tally.MajorityBase)), ("needed", Count(tally.MajorityNeeded)));
        }

        var outcome = new ItemOutcome(Id, CountyId, itemId, ItemOutcomeKind.Approved, null, Payee.None, string.Empty, string.Empty, null, recordedBy, now);
        _outcomes.Add(outcome);
        return Result<ItemOutcome>.Ok(outcome);
    }

    /// <summary>The meeting rejects a policy item, with a reason; refused when the majority agreed (nobody overrules the team).</summary>
    public Result<ItemOutcome> RejectPolicyItem(AgendaItemId itemId, string reason, PersonId recordedBy, IOrganizationView org, DateTimeOffset now)
    {
        var ready = CheckPolicyDecidable(itemId, recordedBy, org, out var item, out var tally);
        if (!ready.IsOk)
        {
            return ready.Refusal!;
        }

        if (tally.MajorityMet)
        {
            return Refusal.Because("R43", "MajorityAgreed", "{agree} of {base} agreed on {item}: the team approved it by majority, and nobody overrules the team.", ("agree", Count(tally.Agree)), ("base", Count(tally.MajorityBase)), ("item", item.ToString()));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.Because("R43", "RejectionReasonMissing", "Rejecting {item} needs a reason.", ("item", item.ToString()));
        }

        var outcome = new ItemOutcome(Id, CountyId, itemId, ItemOutcomeKind.Rejected, null, Payee.None, string.Empty, reason.Trim(), null, recordedBy, now);
        _outcomes.Add(outcome);
        return Result<ItemOutcome>.Ok(outcome);
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The checks of CheckDecidable that do not concern a matter (all spoken, quorum), for a policy item.
    private Outcome CheckPolicyDecidable(AgendaItemId itemId, PersonId recordedBy, IOrganizationView org, out AgendaItem item, out ItemTally tally)
    {
        ArgumentNullException.ThrowIfNull(org);
        tally = null!;
        var open = CheckItemOpen(itemId, out item);
        if (!open.IsOk)
        {
            return open;
        }

        if (item.PolicyProposalId is null)
        {
            return Refusal.Because("R43", "NotAPolicyItem", "{item} is about a matter, not a policy proposal.", ("item", item.ToString()));
        }

        var mayRecord = org.HoldsRole(UnitId, recordedBy, Role.OfficeReviewer, MeetingDate)
            || (MemberOf(recordedBy) is { IsPrincipal: true } && AttendanceOf(recordedBy) is { Present: true });
        if (!mayRecord || recordedBy == item.InitiatorId)
        {
            return Refusal.Because("R43", "NotTheRecorder", "{person} may not record the outcome of {item}: the office reviewer or a principal present records it, never its proposer.", ("person", org.NameOf(recordedBy)), ("item", item.ToString()));
        }

        var attendance = CheckAttendanceComplete();
        if (!attendance.IsOk)
        {
            return attendance;
        }

        tally = Tally(itemId);
        if (!tally.AllSpoken)
        {
            var waiting = EntitledOn(itemId).Where(p => _opinions.All(o => o.AgendaItemId != itemId || o.PersonId != p)).Select(p => MemberOf(p)!.Name);
            return Refusal.Because("R43", "NotAllSpoken", "{item} cannot be decided before every member entitled has spoken; still to speak: {waiting}.", ("item", item.ToString()), ("waiting", string.Join("、", waiting)));
        }

        if (!tally.QuorumMet)
        {
            return Refusal.Because("R43", "PolicyNoQuorum", "{item} has no quorum: {present} of {base} members (recused excluded) present, {needed} needed. Defer it.", ("item", item.ToString()), ("present", Count(tally.Entitled)), ("base", Count(tally.QuorumBase)), ("needed", Count(tally.QuorumNeeded)));
        }

        return Outcome.Ok;
    }
}
