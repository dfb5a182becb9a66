using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fenquan.Core.CountyAdministration;
using Fenquan.Core.Notifications;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Meetings;

/// <summary>
/// A notification's text in the reader's language, from its stored key (<c>Notify.{Kind}</c>) and
/// culture-neutral arguments: what people wrote or are called (titles, names, comments) stays as it
/// is and is marked <c>data-user</c>; receipt numbers are <c>.technical</c>; subjects, kinds of
/// change and action names are looked up in the reader's language. Rows of every earlier version
/// render: a missing argument is empty, and the older bilingual or English arguments are read too.
/// </summary>
public sealed class NotificationText(IStringLocalizer<MeetingResource> meetings, IStringLocalizer<SharedResource> shared)
{
    /// <summary>How <c>AdministratorNotices.Confirmed</c> marked a bootstrap confirmation before it had its own argument.</summary>
    private const string OldBootstrapSuffix = " (bootstrap: the county's only administrator)";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>What one argument is, by its position in a kind's arguments.</summary>
    private enum Arg
    {
        /// <summary>What a person wrote or is called: shown as written, marked <c>data-user</c>.</summary>
        User,

        /// <summary>A number or a date written the same in every language.</summary>
        Plain,

        /// <summary>A receipt or item code: marked technical.</summary>
        Code,

        /// <summary>The name of the county data a change is to (<c>CountyChangeSubject</c>): looked up.</summary>
        Subject,

        /// <summary>Grant or revoke county administration: looked up.</summary>
        AdminKind,

        /// <summary>Who confirmed county administration, with the bootstrap mark when it was the first administrator.</summary>
        ConfirmedBy,

        /// <summary>The action a delegate took (<c>ActionKind</c>): looked up.</summary>
        Action,
    }

    /// <summary>The text for a page: user data marked, the rest encoded.</summary>
    public IHtmlContent Html(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var template = meetings[notification.TextKey];
        if (template.ResourceNotFound)
        {
            return UserData.Sentence("{0}", new UserData(Fallback(notification)));
        }

        return UserData.Sentence(template.Value, [.. Parts(notification).Select(p => p.Kind switch
        {
            Arg.User => new UserData(p.Text),
            Arg.Code => new HtmlString("<span class=\"technical\">" + Encoder.Encode(p.Text) + "</span>"),
            Arg.ConfirmedBy => ConfirmedByHtml(p.Text),
            Arg.Plain or Arg.Subject or Arg.AdminKind or Arg.Action => (object)p.Text,
        })]);
    }

    /// <summary>The same text as plain words (the API, a heading).</summary>
    public string Plain(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var template = meetings[notification.TextKey];
        return template.ResourceNotFound
            ? Fallback(notification)
            : string.Format(CultureInfo.CurrentCulture, template.Value, [.. Parts(notification).Select(p => p.Kind == Arg.ConfirmedBy ? ConfirmedByPlain(p.Text) : (object)p.Text)]);
    }

    /// <summary>What a notification is about, for the digest's heading: the title it names, else its text.</summary>
    public IHtmlContent Subject(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return Roles(notification.Kind) is [Arg.User, ..] && notification.TextArgs.Count > 0 && notification.Kind is not NotificationKind.DisciplineInspectionReplaced
            ? UserData.Sentence("{0}", new UserData(notification.TextArgs[0]))
            : Html(notification);
    }

    private static string Fallback(Notification n) => n.TextKey + ": " + string.Join(" · ", n.TextArgs);

    /// <summary>The kinds' arguments in order, as the core's notices write them.</summary>
    private static Arg[] Roles(NotificationKind kind) => kind switch
    {
        NotificationKind.MeetingScheduled => [Arg.User, Arg.Plain],
        NotificationKind.AgendaItemAdded => [Arg.User, Arg.Plain, Arg.User],
        NotificationKind.MeetingCancelled => [Arg.User, Arg.User],
        NotificationKind.MinutesToSign => [Arg.User, Arg.Plain],
        NotificationKind.SignatureOverdue => [Arg.User, Arg.User, Arg.Plain],
        NotificationKind.CountyChangeProposed or NotificationKind.CountyChangeConfirmed => [Arg.Subject, Arg.Plain, Arg.User, Arg.User],
        NotificationKind.DisciplineInspectionReplaced => [Arg.User, Arg.User],
        NotificationKind.RedCard => [Arg.Code, Arg.Code, Arg.User],
        NotificationKind.ComplaintFiled => [Arg.Code],
        NotificationKind.AdministratorChangeProposed => [Arg.AdminKind, Arg.User, Arg.User],
        NotificationKind.AdministratorChangeConfirmed => [Arg.AdminKind, Arg.User, Arg.ConfirmedBy, Arg.Plain],
        NotificationKind.TaskWaiting => [Arg.User, Arg.Plain, Arg.Plain],
        NotificationKind.MatterReturned or NotificationKind.MatterRejected or NotificationKind.MatterApproved => [Arg.User, Arg.User],
        NotificationKind.StepNearLimit or NotificationKind.StepOverdue => [Arg.User, Arg.Plain, Arg.Plain, Arg.Plain],
        NotificationKind.ActedOnYourBehalf => [Arg.User, Arg.Plain, Arg.User, Arg.Action],
    };

    /// <summary>Each argument with its role, looked up where it names a value; missing ones (older rows) empty.</summary>
    private IEnumerable<(Arg Kind, string Text)> Parts(Notification n)
    {
        var roles = Roles(n.Kind);
        for (var i = 0; i < Math.Max(roles.Length, n.TextArgs.Count); i++)
        {
            var kind = i < roles.Length ? roles[i] : Arg.Plain;
            var value = i < n.TextArgs.Count ? n.TextArgs[i] : string.Empty;
            yield return kind switch
            {
                Arg.Subject => (kind, Looked(meetings["Subject." + value], value)),
                Arg.AdminKind => (kind, meetings[AdministratorKind(value)].Value),
                Arg.Action => (kind, value.Length == 0 ? value : Looked(shared["Action." + value], value)),
                Arg.ConfirmedBy => (kind, n.TextArgs.Count > 3 && n.TextArgs[3] == AdministratorNotices.BootstrapMark ? value + OldBootstrapSuffix : value),
                Arg.User or Arg.Plain or Arg.Code => (kind, value),
            };
        }
    }

    private static string Looked(LocalizedString found, string value) => found.ResourceNotFound ? value : found.Value;

    /// <summary>"Grant"/"Revoke", or (older rows) "授予 grant"/"撤销 revoke".</summary>
    private static string AdministratorKind(string value) =>
        value.EndsWith("revoke", StringComparison.OrdinalIgnoreCase) ? "AdminChange.Revoke" : "AdminChange.Grant";

    private IHtmlContent ConfirmedByHtml(string by) =>
        by.EndsWith(OldBootstrapSuffix, StringComparison.Ordinal)
            ? UserData.Sentence(meetings["AdminChange.Bootstrap"], new UserData(by[..^OldBootstrapSuffix.Length]))
            : UserData.Sentence("{0}", new UserData(by));

    private string ConfirmedByPlain(string by) =>
        by.EndsWith(OldBootstrapSuffix, StringComparison.Ordinal)
            ? string.Format(CultureInfo.CurrentCulture, meetings["AdminChange.Bootstrap"], by[..^OldBootstrapSuffix.Length])
            : by;
}
