using Fenquan.Core.Calendar;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Meetings;

/// <summary>
/// R43: a meeting's outcomes bind their matters when the minutes are final — signed by every member
/// present, or, for a member who has not signed within the county's signing period, with the
/// unit's discipline member's record of why the signature is missing. Until then the items are held
/// by the meeting (<see cref="HoldsOpenItemFor"/>) and the matters wait at their team step.
/// </summary>
public sealed partial class Meeting
{
    /// <summary>
    /// Members present who have not signed the current minutes and whose signing period
    /// (<see cref="DecisionRules.SigningPeriodWorkingDays"/> working days on the official calendar (R46) after the minutes were drawn
    /// up) has run out on <paramref name="today"/>, without the discipline member's record. They are
    /// reported to the unit's discipline member.
    /// </summary>
    public IReadOnlyList<PersonId> OverdueSigners(DateOnly today, WorkingCalendar calendar)
    {
        if (CurrentMinutes is not { } record || !SigningPeriodOver(record, today, calendar))
        {
            return [];
        }

        return record.MissingSignatures;
    }

    /// <summary>
    /// The unit's discipline member records why a member present has not signed the current minutes,
    /// once the signing period is over. With it the minutes can be final without that signature (and
    /// the outcomes bind if nothing else is missing). Refused before the period is over, for anyone
    /// but a discipline member of the unit on <paramref name="today"/>, without a reason, and for a
    /// member who signed or is not an attendee.
    /// </summary>
    public Result<MissingSignature> RecordMissingSignature(PersonId member, string reason, PersonId recordedBy, IOrganizationView org, DateOnly today, WorkingCalendar calendar, Func<MatterId, Matter?> matterOf, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(matterOf);
        if (CurrentMinutes is not { } record)
        {
            return Refusal.Because("R43", "NoMinutes", "There are no minutes yet.");
        }

        if (!org.HoldsRole(UnitId, recordedBy, Role.DisciplineMember, today))
        {
            return Refusal.Because("R43", "OnlyDisciplineExplains", "{name} is not the unit's discipline member on {date}; only the discipline member records why a signature is missing.",
                ("name", org.NameOf(recordedBy)), ("date", MatterRules.Day(today)));
        }

        var name = MemberOf(member)?.Name ?? member.ToString();
        if (!record.MissingSignatures.Contains(member))
        {
            return Refusal.Because("R43", "NotMissing", "{name} is not an attendee whose signature on minutes version {version} is missing.",
                ("name", name), ("version", record.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!SigningPeriodOver(record, today, calendar))
        {
            return Refusal.Because("R43", "SigningPeriodRunning", "{name} has {days} working day(s) from {drawn} to sign; a missing signature is recorded only after that.",
                ("name", name), ("days", Rules.SigningPeriodWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("drawn", MatterRules.Day(ChinaTime.DateOf(record.DrawnUpAt))));
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            return Refusal.Because("R43", "MissingSignatureReason", "Record why {name}'s signature is missing (at most 2000 characters).", ("name", name));
        }

        var explanation = record.AddExplanation(member, reason.Trim(), recordedBy, now);
        BindWhenFinal(matterOf, now);
        return Result<MissingSignature>.Ok(explanation);
    }

    // The matter's action names who recorded the outcome in the meeting (never its initiator, payee
    // or a member recused on it, see RecusedRecorder), with the meeting's reference.
    private PersonId Recorder(ItemOutcome outcome) => outcome.RecordedById ?? ChairId;

    // R46: the signing period counts working days on the official calendar.
    private bool SigningPeriodOver(MinutesRecord record, DateOnly today, WorkingCalendar calendar) =>
        TimeLimit.Working(Rules.SigningPeriodWorkingDays).DueOn(ChinaTime.DateOf(record.DrawnUpAt), calendar) < today;

    // The first time the current minutes are final, every approved, rejected or heard item binds its
    // matter. An item whose matter changed or moved on since it was tabled does not bind: its outcome
    // keeps no action and the matter goes back to the unit's queue for a new meeting.
    private void BindWhenFinal(Func<MatterId, Matter?> matterOf, DateTimeOffset now)
    {
        if (State != MeetingState.Closed || !MinutesAreFinal)
        {
            return;
        }

        State = MeetingState.Bound;
        foreach (var item in _items)
        {
            // A policy proposal's item binds nothing here: the proposal reads the meeting (PolicyProposal.RecordAgreement).
            if (item.MatterId is not { } matterId || OutcomeOf(item.Id) is not { MatterActionId: null } outcome || outcome.Kind == ItemOutcomeKind.Deferred
                || matterOf(matterId) is not { } matter || matter.Amount != item.ProposedAmount || matter.Payee != item.Payee)
            {
                continue;
            }

            var reference = ReferenceOf(item);
            var bound = outcome.Kind switch
            {
                ItemOutcomeKind.Approved => matter.BindMeetingOutcome(ActionKind.RecordCollectiveDecision,
                    new CollectiveDecisionTerms(outcome.DecidedAmount ?? item.ProposedAmount, outcome.Payee, outcome.Conditions, reference, now), reference, outcome.Conditions, Recorder(outcome), now),
                ItemOutcomeKind.Rejected => matter.BindMeetingOutcome(ActionKind.Reject, null, reference, outcome.Reason, Recorder(outcome), now),
                ItemOutcomeKind.Noted => matter.BindMeetingOutcome(ActionKind.InformTeam, null, reference, string.Empty, Recorder(outcome), now),
                ItemOutcomeKind.Deferred => Refusal.Because("R43", "DeferredBindsNothing", "A deferred item binds nothing."),
            };
            if (bound.IsOk)
            {
                outcome.BindTo(bound.Value.Id);
            }
        }
    }
}
