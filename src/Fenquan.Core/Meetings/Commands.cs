using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Meetings;

/// <summary>
/// A meeting to schedule. The meeting's date (whose team and roles apply) is the local date of
/// <see cref="ScheduledAt"/>. <see cref="Rules"/> null: <see cref="DecisionRules.Default"/>.
/// </summary>
public sealed record ScheduleMeeting(
    CountyId CountyId,
    UnitId UnitId,
    MeetingKind Kind,
    string Title,
    DateTimeOffset ScheduledAt,
    PersonId ChairId,
    DecisionRules? Rules = null);

/// <summary>
/// What an agenda item (议题) carries besides its matter: the persons it concerns (a candidate, a
/// person transferred in; they and their relatives are recused automatically) and references to
/// the supporting documents.
/// </summary>
public sealed record AgendaItemRequest(IReadOnlyList<PersonId> ConcernedPersonIds, IReadOnlyList<string> DocumentReferences)
{
    public static AgendaItemRequest None { get; } = new([], []);
}

/// <summary>
/// A declared relation (亲属关系申报): <see cref="PersonId"/> declared <see cref="RelativeId"/> as a
/// relative. Read both ways: either side being interested in an item recuses the other.
/// </summary>
public sealed record DeclaredRelation(PersonId PersonId, PersonId RelativeId);

/// <summary>
/// What a meeting decided for a matter (R43), remembered on the matter: executing it beyond these
/// terms — more money, another payee — is refused and needs a new decision.
/// </summary>
/// <param name="Amount">The decided amount in yuan: at most the amount proposed, never silently higher.</param>
/// <param name="Payee">The payee the meeting decided on (the matter's).</param>
/// <param name="Conditions">Conditions the meeting attached; empty when none.</param>
/// <param name="MeetingReference">The meeting and item, e.g. <c>meeting:{id}#2</c>.</param>
/// <param name="DecidedAt">When the outcome was recorded.</param>
public sealed record CollectiveDecisionTerms(decimal Amount, Payee Payee, string Conditions, string MeetingReference, DateTimeOffset DecidedAt);

/// <summary>One member's attendance on the one-form attendance list: present, or absent with the reason (请假事由).</summary>
public sealed record AttendanceMark(PersonId Member, bool Present, string Reason);
