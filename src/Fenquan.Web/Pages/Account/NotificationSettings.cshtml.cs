using Fenquan.Core.Notifications;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;
using Fenquan.Web.Pages.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Account;

/// <summary>
/// 通知设置: the signed-in person chooses in-app notifications only, or in-app plus a daily digest
/// page. The choice is the viewer's own (the form names no person), posted with antiforgery.
/// </summary>
public sealed class NotificationSettingsModel(DbSession session, FenquanStore store, IStringLocalizer<MeetingResource> meetingText, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    private readonly NotificationService _notifications = new(session, store, meetingText, text);

    public NotificationDelivery Delivery { get; private set; }

    public void OnGet() => Delivery = _notifications.Delivery(Viewer);

    public async Task<IActionResult> OnPostAsync(NotificationDelivery delivery)
    {
        var chosen = await _notifications.ChooseAsync(Viewer, delivery);
        if (!chosen.IsOk)
        {
            Show(chosen.Refusal!);
            Delivery = _notifications.Delivery(Viewer);
            return Page();
        }

        return Redirect("/account/notifications?saved=1");
    }
}
