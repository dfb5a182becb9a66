using Fenquan.Core.Primitives;

namespace Fenquan.Core.Notifications;

/// <summary>What an in-application notification is about.</summary>
public enum NotificationKind
{
    /// <summary>A meeting of the recipient's team was scheduled (R43: members are notified).</summary>
    MeetingScheduled,

    /// <summary>An item (议题) was put on the agenda of a meeting the recipient attends.</summary>
    AgendaItemAdded,

    /// <summary>A meeting the recipient was to attend was cancelled.</summary>
    MeetingCancelled,

    /// <summary>Minutes (or a corrected version) wait for the recipient's signature.</summary>
    MinutesToSign,

    /// <summary>R43: to the unit's discipline member — an attendee has not signed the minutes within the signing period.</summary>
    SignatureOverdue,

    /// <summary>To the county's discipline inspection: a county official proposed a change to route-deciding county data (R40).</summary>
    CountyChangeProposed,

    /// <summary>To the county's discipline inspection: a second county official confirmed it, and it took effect (R40).</summary>
    CountyChangeConfirmed,

    /// <summary>To the former liaison of the county's discipline inspection: someone else now receives the notices of county changes (R29).</summary>
    DisciplineInspectionReplaced,

    /// <summary>R46: to the unit's discipline member — an approval application exceeded its time limit (a red card).</summary>
    RedCard,

    /// <summary>R32: to the handler of an efficiency complaint (the unit's discipline member or the county's discipline inspection).</summary>
    ComplaintFiled,

    /// <summary>To the county's discipline inspection: a county administrator proposed to grant or revoke county administration (R40).</summary>
    AdministratorChangeProposed,

    /// <summary>To the county's discipline inspection: a grant or revocation of county administration took effect (R40).</summary>
    AdministratorChangeConfirmed,

    /// <summary>R7: a matter's step now waits for the recipient (a new task on their workbench).</summary>
    TaskWaiting,

    /// <summary>To the initiator: a step returned their matter for correction.</summary>
    MatterReturned,

    /// <summary>To the initiator: their matter was refused (by a step or by a meeting, R43).</summary>
    MatterRejected,

    /// <summary>To the initiator: their matter passed its last step.</summary>
    MatterApproved,

    /// <summary>R46: 黄牌 — a step waiting for the recipient has used the warning share of its time limit.</summary>
    StepNearLimit,

    /// <summary>R46: 红牌 — a step waiting for the recipient is past its time limit.</summary>
    StepOverdue,

    /// <summary>To a delegator: their delegate (代理) acted on a step on their behalf.</summary>
    ActedOnYourBehalf,
}

/// <summary>
/// An in-application notification (站内通知) to one person: immutable except that its recipient
/// marks it read. Its text is a resource key with arguments, so each reader sees it in their own
/// language. Created in the same unit of work as the change it announces (R43: a meeting is
/// scheduled and its members are notified in one transaction).
/// </summary>
public sealed class Notification
{
    private readonly List<string> _textArgs = [];

    private Notification()
    {
        TextKey = string.Empty;
    }

    private Notification(CountyId county, PersonId recipient, NotificationKind kind, Guid subjectId, string textKey, IEnumerable<string> textArgs, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = county;
        RecipientId = recipient;
        Kind = kind;
        SubjectId = subjectId;
        TextKey = textKey;
        _textArgs.AddRange(textArgs);
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    /// <summary>The only person who sees it and marks it read.</summary>
    public PersonId RecipientId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>The row it is about (a meeting's id).</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>The resource key of its text, e.g. <c>Notify.MeetingScheduled</c>.</summary>
    public string TextKey { get; private set; }

    /// <summary>The values put into the text (a title, a time, a reason), culture-neutral.</summary>
    public IReadOnlyList<string> TextArgs => _textArgs;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the recipient marked it read; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    /// <summary>
    /// For a notice that asks its recipient to act on a matter's step (<c>MatterNotices.AskToAct</c>):
    /// the step's round and index. The notice is answered once the matter no longer waits there
    /// (<c>MatterNotices.IsAnswered</c>), which the unread count reads without a write on the action.
    /// </summary>
    public int? StepRound { get; private set; }

    /// <inheritdoc cref="StepRound"/>
    public int? StepIndex { get; private set; }

    /// <summary>A notification to <paramref name="recipient"/>; the text key is <c>Notify.{kind}</c>.</summary>
    public static Notification To(CountyId county, PersonId recipient, NotificationKind kind, Guid subjectId, IEnumerable<string> textArgs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(textArgs);
        return new(county, recipient, kind, subjectId, "Notify." + kind, textArgs, now);
    }

    /// <summary>A notification that asks <paramref name="recipient"/> to act on step <paramref name="index"/> of round <paramref name="round"/> of the subject.</summary>
    public static Notification AtStep(CountyId county, PersonId recipient, NotificationKind kind, Guid subjectId, int round, int index, IEnumerable<string> textArgs, DateTimeOffset now)
    {
        var notice = To(county, recipient, kind, subjectId, textArgs, now);
        notice.StepRound = round;
        notice.StepIndex = index;
        return notice;
    }

    /// <summary>
    /// The recipient marks it read. Refused for anyone else (a notification is its recipient's
    /// alone); marking it read again changes nothing and is not an error.
    /// </summary>
    public Outcome MarkRead(PersonId by, DateTimeOffset now)
    {
        if (by != RecipientId)
        {
            return Refusal.Because("R43", "NotRecipient", "Only its recipient marks a notification read.");
        }

        ReadAt ??= now;
        return Outcome.Ok;
    }

    /// <summary>
    /// What it asked the recipient to do is done (the step was taken, the minutes signed): it no
    /// longer counts as unread. Only the core's notices call this, on the recipient's own notices.
    /// </summary>
    internal void Settle(DateTimeOffset now) => ReadAt ??= now;
}
