using System.Globalization;
using Fenquan.Core.Calendar;
using Fenquan.Core.Notifications;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Matters;

/// <summary>
/// Who is told what about a matter (issue 14): the people a step now waits for (a new task), the
/// initiator when the matter is returned, rejected or approved, a delegator when their delegate
/// acted for them (代理), and the people a step waits for when it nears or passes its time limit
/// (R46). Pure: the operations add these rows in the same unit of work as the action, and settle
/// the notices an action answered (a task taken is no longer unread for anyone it waited for).
/// Texts carry only the matter's title and step number: never a payee's or reporter's identity.
/// </summary>
public static class MatterNotices
{
    /// <summary>The kinds that ask the recipient to act on the matter's current step; taking the step settles them.</summary>
    public static readonly IReadOnlyList<NotificationKind> AskToAct = [NotificationKind.TaskWaiting, NotificationKind.StepNearLimit, NotificationKind.StepOverdue];

    /// <summary>A new matter: its first step waits for whoever may take it.</summary>
    public static IReadOnlyList<Notification> Submitted(Matter matter, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        return Waiting(matter, org, except: matter.InitiatorId, now);
    }

    /// <summary>
    /// After <paramref name="action"/> on the matter (by a person, or bound from a meeting's signed
    /// minutes): the initiator hears of a return, a rejection or the approval; the next step's
    /// people hear of their task; a delegator hears what was done for them.
    /// </summary>
    public static IReadOnlyList<Notification> Acted(Matter matter, MatterAction action, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(org);
        var notices = new List<Notification>();
        var toInitiator = matter.State switch
        {
            MatterState.Approved => NotificationKind.MatterApproved,
            MatterState.Rejected => NotificationKind.MatterRejected,
            MatterState.Returned => NotificationKind.MatterReturned,
            MatterState.Pending or MatterState.Withdrawn => (NotificationKind?)null,
        };
        if (toInitiator is { } kind && matter.InitiatorId != action.ActorId)
        {
            notices.Add(About(matter, matter.InitiatorId, kind, [matter.Title, action.Comment], now));
        }

        if (matter.State == MatterState.Pending)
        {
            notices.AddRange(Waiting(matter, org, except: action.ActorId, now));
        }

        if (action.OnBehalfOf is { } delegator && delegator != action.ActorId)
        {
            notices.Add(About(matter, delegator, NotificationKind.ActedOnYourBehalf, [matter.Title, StepNumber(action.StepIndex), org.NameOf(action.ActorId), action.Kind.ToString()], now));
        }

        return notices;
    }

    /// <summary>
    /// After an edit, a resubmission or a corrected catalogue entry: when the matter now waits at
    /// another step than <paramref name="stepBefore"/> (<see cref="CurrentStep"/> before the change),
    /// that step's people hear of their task.
    /// </summary>
    public static IReadOnlyList<Notification> Changed(Matter matter, string? stepBefore, PersonId by, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        return matter.State == MatterState.Pending && CurrentStep(matter) != stepBefore ? Waiting(matter, org, except: by, now) : [];
    }

    /// <summary>The step the matter waits at ("round.index"), or null when it waits for nobody.</summary>
    public static string? CurrentStep(Matter matter)
    {
        ArgumentNullException.ThrowIfNull(matter);
        return matter.CurrentStep is null ? null : StepKey(matter.Round, matter.CurrentStepIndex);
    }

    /// <summary>
    /// Whether a notice that asked someone to act on one of the matter's steps is answered: the
    /// matter no longer waits at that step (it was taken, or the matter left its route). An answered
    /// notice no longer counts as unread. The action that answers it writes nothing to the notice:
    /// the unread count reads this rule (translated to SQL by <c>NotificationOperations</c>, which
    /// states it as "the matter is no longer pending in that round, or an action was taken at that
    /// step"), and a periodic tidy settles answered notices later (<see cref="SettleAnswered"/>).
    /// </summary>
    public static bool IsAnswered(Matter matter, Notification notice)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.SubjectId != matter.Id.Value || notice.StepRound is not { } round || notice.StepIndex is not { } index || !AskToAct.Contains(notice.Kind))
        {
            return false;
        }

        return matter.State != MatterState.Pending || matter.Round != round || matter.Actions.Any(a => a.Round == round && a.StepIndex == index);
    }

    /// <summary>
    /// The unread notices about the matter that are answered (<see cref="IsAnswered"/>): each is
    /// settled, so the stored rows agree with the count. Returns how many were settled.
    /// </summary>
    public static int SettleAnswered(Matter matter, IEnumerable<Notification> unread, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(unread);
        var settled = 0;
        foreach (var notice in unread.Where(n => !n.IsRead && IsAnswered(matter, n)))
        {
            notice.Settle(now);
            settled++;
        }

        return settled;
    }

    /// <summary>
    /// R46: for each pending matter whose current step has used the warning share of its limit
    /// (yellow) or passed it (red), counted on the working-day calendar from when the step began,
    /// a notice to each person it waits for — once per step and colour (<paramref name="told"/>:
    /// the (recipient, matter, step key, kind) already notified).
    /// </summary>
    public static IReadOnlyList<Notification> NearOrPastLimit(
        IEnumerable<Matter> pending,
        Func<UnitId, IOrganizationView> orgOf,
        Func<Matter, StepTimeLimits> limitsOf,
        WorkingCalendar calendar,
        DateOnly today,
        IReadOnlySet<(PersonId Recipient, Guid Matter, string Step, NotificationKind Kind)> told,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(orgOf);
        ArgumentNullException.ThrowIfNull(limitsOf);
        ArgumentNullException.ThrowIfNull(told);
        var notices = new List<Notification>();
        foreach (var matter in pending)
        {
            if (matter.CurrentStep is not { } step)
            {
                continue;
            }

            var began = ChinaTime.DateOf(StepBegan(matter));
            var limit = limitsOf(matter).For(step.Kind);
            var kind = limit.ColourOn(began, today, calendar) switch
            {
                LimitColour.Yellow => NotificationKind.StepNearLimit,
                LimitColour.Red => NotificationKind.StepOverdue,
                LimitColour.Green => (NotificationKind?)null,
            };
            if (kind is not { } colour)
            {
                continue;
            }

            var key = StepKey(matter.Round, matter.CurrentStepIndex);
            var due = limit.DueOn(began, calendar).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var person in matter.WhoMayActNow(orgOf(matter.UnitId)).Where(p => !told.Contains((p, matter.Id.Value, key, colour))))
            {
                notices.Add(AtStep(matter, person, colour, [matter.Title, StepNumber(matter.CurrentStepIndex), due, key], now));
            }
        }

        return notices;
    }

    /// <summary>The step a time-limit notice is about ("round.index"), or null for other notices.</summary>
    public static string? KeyOf(Notification notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Kind switch
        {
            NotificationKind.TaskWaiting => notice.TextArgs.Count > 2 ? notice.TextArgs[2] : null,
            NotificationKind.StepNearLimit or NotificationKind.StepOverdue => notice.TextArgs.Count > 3 ? notice.TextArgs[3] : null,
            _ => null,
        };
    }

    /// <summary>When the current step began: the last action of the round, else the (re)submission.</summary>
    public static DateTimeOffset StepBegan(Matter matter)
    {
        ArgumentNullException.ThrowIfNull(matter);
        var last = matter.SubmittedAt;
        foreach (var change in matter.Changes)
        {
            last = change.At > last ? change.At : last;
        }

        foreach (var action in matter.CurrentRoundActions)
        {
            last = action.At > last ? action.At : last;
        }

        return last;
    }

    private static List<Notification> Waiting(Matter matter, IOrganizationView org, PersonId except, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(org);
        var key = StepKey(matter.Round, matter.CurrentStepIndex);
        return [.. matter.WhoMayActNow(org).Where(p => p != except && p != matter.InitiatorId)
            .Select(p => AtStep(matter, p, NotificationKind.TaskWaiting, [matter.Title, StepNumber(matter.CurrentStepIndex), key], now))];
    }

    private static Notification AtStep(Matter matter, PersonId recipient, NotificationKind kind, string[] args, DateTimeOffset now) =>
        Notification.AtStep(matter.CountyId, recipient, kind, matter.Id.Value, matter.Round, matter.CurrentStepIndex, args, now);

    private static Notification About(Matter matter, PersonId recipient, NotificationKind kind, string[] args, DateTimeOffset now) =>
        Notification.To(matter.CountyId, recipient, kind, matter.Id.Value, args, now);

    private static string StepNumber(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string StepKey(int round, int index) => round.ToString(CultureInfo.InvariantCulture) + "." + index.ToString(CultureInfo.InvariantCulture);
}
