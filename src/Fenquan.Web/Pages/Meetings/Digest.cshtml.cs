using Fenquan.Core.Notifications;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;
using Fenquan.Web.Hosting;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Meetings;

/// <summary>
/// 每日通知汇总: the signed-in person's notifications of one day (today unless a day is given),
/// grouped by the matter they are about. Shown to those who chose the digest; the others are told
/// where to choose it.
/// </summary>
public sealed class DigestModel(DbSession session, FenquanStore store, Clock clock, IStringLocalizer<MeetingResource> meetingText, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    private readonly NotificationService _notifications = new(session, store, meetingText, text);

    public DateOnly Day { get; private set; }

    public bool Chosen { get; private set; }

    public IReadOnlyList<DigestGroup> Groups { get; private set; } = [];

    public void OnGet(DateOnly? day)
    {
        Day = day ?? clock.Today;
        Chosen = _notifications.Delivery(Viewer) == NotificationDelivery.InAppAndDigest;
        Groups = Chosen ? _notifications.Digest(Viewer, Day) : [];
    }
}
