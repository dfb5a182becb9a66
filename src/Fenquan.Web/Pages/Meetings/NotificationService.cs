using System.Text.Json.Serialization;
using Fenquan.Core.Matters;
using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Meetings;

/// <summary>A notification as the page and the API show it, its text in the reader's language.</summary>
/// <param name="Answered">A request to act on a step the matter no longer waits at (taken by someone, or the matter left its route): done, not unread.</param>
/// <param name="Html">The same text for a page, with only what people wrote or are called marked as user data.</param>
public sealed record NotificationView(Guid Id, NotificationKind Kind, Guid SubjectId, string Text, string TextKey, IReadOnlyList<string> TextArgs, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, string Link, [property: JsonIgnore] IHtmlContent Html, bool Answered = false)
{
    public bool IsUnread => ReadAt is null && !Answered;
}

/// <summary>One matter's (or meeting's) notifications of a day, for the daily digest; its title is the matter's or meeting's, marked as user data.</summary>
public sealed record DigestGroup(Guid SubjectId, IHtmlContent Title, string Link, IReadOnlyList<NotificationView> Items);

/// <summary>
/// The signed-in person's notifications (R43: members are notified of meetings): each person sees
/// and marks read only their own; a person-less account has none.
/// </summary>
public sealed class NotificationService(DbSession session, FenquanStore store, IStringLocalizer<MeetingResource> meetingText, IStringLocalizer<SharedResource> text)
{
    private readonly NotificationOperations _operations = new(store.Writer);

    private readonly NotificationText _words = new(meetingText, text);

    public IReadOnlyList<NotificationView> List(Viewer viewer)
    {
        if (viewer.Person is not { } me)
        {
            return [];
        }

        var answered = NotificationOperations.Answered(session.Db, viewer.County, me);
        return [.. NotificationOperations.For(session.Db, viewer.County, me).Select(n => View(n) with { Answered = answered.Contains(n.Id) })];
    }

    public int UnreadCount(Viewer viewer) =>
        viewer.Person is { } me ? NotificationOperations.UnreadCount(session.Db, viewer.County, me) : 0;

    /// <summary>How the viewer chose to hear of notifications (in-app only for a person-less account).</summary>
    public NotificationDelivery Delivery(Viewer viewer) =>
        viewer.Person is { } me ? NotificationOperations.DeliveryOf(session.Db, viewer.County, me) : NotificationDelivery.InApp;

    /// <summary>The viewer chooses for themselves; a person-less account has nobody to choose for.</summary>
    public async Task<Result<NotificationPreference>> ChooseAsync(Viewer viewer, NotificationDelivery delivery) =>
        viewer.Person is { } me
            ? await _operations.ChooseDeliveryAsync(viewer.County, me, delivery)
            : Refusal.NotFound("Person");

    /// <summary>The daily digest: the viewer's notifications of <paramref name="day"/>, grouped by the matter (or meeting) they are about, in the order they came.</summary>
    public IReadOnlyList<DigestGroup> Digest(Viewer viewer, DateOnly day) =>
        viewer.Person is { } me
            ? [.. NotificationOperations.OnDay(session.Db, viewer.County, me, day).GroupBy(n => n.SubjectId)
                .Select(g => new DigestGroup(g.Key, _words.Subject(g.First()), LinkOf(g.First()), [.. g.Select(View)]))]
            : [];

    /// <summary>Marks one of the viewer's notifications read; another person's is not found (checked by the operation, on the writer).</summary>
    public async Task<Result<NotificationView>> MarkReadAsync(Viewer viewer, Guid id) =>
        viewer.Person is { } me
            ? (await _operations.MarkReadAsync(viewer.County, id, me)).Map(View)
            : Refusal.NotFound("Notification " + id.ToString("D"));

    private NotificationView View(Notification n) =>
        new(n.Id, n.Kind, n.SubjectId, _words.Plain(n), n.TextKey, n.TextArgs, n.CreatedAt, n.ReadAt, LinkOf(n), _words.Html(n));

    /// <summary>Where a notification opens: its matter, meeting (or minutes), application, complaint or register.</summary>
    public static string LinkOf(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        // Minutes to sign open on the minutes page, where the signature is given; the rest on the meeting.
        // County-data changes open on the changes page (R40), for the county's discipline inspection.
        return MatterNotices.AskToAct.Contains(n.Kind) || n.Kind is NotificationKind.MatterApproved or NotificationKind.MatterRejected or NotificationKind.MatterReturned or NotificationKind.ActedOnYourBehalf
            ? "/matters/" + n.SubjectId.ToString("D")
            : n.Kind == NotificationKind.RedCard ? "/applications/" + n.SubjectId.ToString("D")
            : n.Kind == NotificationKind.ComplaintFiled ? "/complaints/" + n.SubjectId.ToString("D")
            : n.Kind is NotificationKind.CountyChangeProposed or NotificationKind.CountyChangeConfirmed or NotificationKind.DisciplineInspectionReplaced ? "/registers/changes"
            : n.Kind is NotificationKind.AdministratorChangeProposed or NotificationKind.AdministratorChangeConfirmed ? "/ledger"
            : "/meetings/" + n.SubjectId.ToString("D") + (n.Kind is NotificationKind.MinutesToSign or NotificationKind.SignatureOverdue ? "/minutes" : string.Empty);
    }
}
