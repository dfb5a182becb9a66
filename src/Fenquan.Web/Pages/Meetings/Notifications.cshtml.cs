using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;
using Fenquan.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Meetings;

/// <summary>
/// 通知: the signed-in person's notifications (R43: members are notified of meetings, items,
/// cancellations and minutes to sign), newest first; each marked read by its recipient only.
/// </summary>
public sealed class NotificationsModel(DbSession session, FenquanStore store, IStringLocalizer<MeetingResource> meetingText, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    private readonly IStringLocalizer<MeetingResource> _meetingText = meetingText;

    private readonly NotificationService _notifications = new(session, store, meetingText, text);

    public IReadOnlyList<NotificationView> Items { get; private set; } = [];

    public int Unread { get; private set; }

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostReadAsync(Guid id)
    {
        var read = await _notifications.MarkReadAsync(Viewer, id);
        if (read.IsOk)
        {
            return Redirect("/notifications");
        }

        Show(read.Refusal!);
        if (read.Refusal!.RuleId == Refusal.NotFoundId)
        {
            Error = _meetingText["Notifications.NotFound"];
        }

        Load();
        return Page();
    }

    private void Load()
    {
        Items = _notifications.List(Viewer);
        Unread = _notifications.UnreadCount(Viewer);
    }
}
