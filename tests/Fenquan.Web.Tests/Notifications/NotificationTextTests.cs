using System.Globalization;
using System.Text.RegularExpressions;
using Fenquan.Core.CountyAdministration;
using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;
using Fenquan.Web.Pages.Meetings;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Tests.Notifications;

/// <summary>
/// Issue 14: every kind of notification renders from its key in the reader's language with the
/// application's own resources. In English no Han character is left outside the user data (titles,
/// names, comments, marked <c>data-user</c>) and the codes (<c>.technical</c>); in Chinese the text
/// is as before. Rows written by earlier versions (bilingual or English arguments) still render.
/// </summary>
public sealed partial class NotificationTextTests
{
    private static readonly CountyId County = CountyId.New();

    private static readonly DateTimeOffset Now = new(2026, 3, 5, 1, 0, 0, TimeSpan.Zero);

    /// <summary>Each kind with the arguments the core writes for it, user data in Chinese.</summary>
    private static readonly (NotificationKind Kind, string[] Args)[] Samples =
    [
        (NotificationKind.MeetingScheduled, ["2026年第3次党委会", "2026-03-05 09:00"]),
        (NotificationKind.AgendaItemAdded, ["2026年第3次党委会", "2", "村道护栏维修费"]),
        (NotificationKind.MeetingCancelled, ["2026年第3次党委会", "书记赴市里开会"]),
        (NotificationKind.MinutesToSign, ["2026年第3次党委会", "1"]),
        (NotificationKind.SignatureOverdue, ["2026年第3次党委会", "杨帆", "2"]),
        (NotificationKind.CountyChangeProposed, ["ProcurementCatalogue", "1", "新增台式计算机", "县管理员 王强"]),
        (NotificationKind.CountyChangeConfirmed, ["Bounds", "2", "提高限额", "县管理员 李静"]),
        (NotificationKind.DisciplineInspectionReplaced, ["孙清廉", "王强"]),
        (NotificationKind.RedCard, ["QH-2026-0001", "330100-001", "现场踏勘"]),
        (NotificationKind.ComplaintFiled, ["TS-2026-0001"]),
        (NotificationKind.AdministratorChangeProposed, ["Grant", "zhang.wei", "县管理员 王强"]),
        (NotificationKind.AdministratorChangeConfirmed, ["Revoke", "zhang.wei", "县管理员 李静", AdministratorNotices.BootstrapMark]),
        (NotificationKind.TaskWaiting, ["差旅费报销", "1", "1.0"]),
        (NotificationKind.MatterReturned, ["差旅费报销", "缺少发票"]),
        (NotificationKind.MatterRejected, ["差旅费报销", "不符合报销标准"]),
        (NotificationKind.MatterApproved, ["差旅费报销", "同意"]),
        (NotificationKind.StepNearLimit, ["差旅费报销", "2", "2026-03-09", "1.1"]),
        (NotificationKind.StepOverdue, ["差旅费报销", "2", "2026-03-05", "1.1"]),
        (NotificationKind.ActedOnYourBehalf, ["差旅费报销", "2", "刘洋", "Approve"]),
    ];

    public static TheoryData<NotificationKind, string[]> Kinds()
    {
        var data = new TheoryData<NotificationKind, string[]>();
        foreach (var (kind, args) in Samples)
        {
            data.Add(kind, args);
        }

        return data;
    }

    [Fact]
    public void EveryKind_IsInTheTable() =>
        Assert.Equal(Enum.GetValues<NotificationKind>().Order(), Samples.Select(s => s.Kind).Order());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void InEnglish_NoHanOutsideUserData_AndEveryUserValueMarked(NotificationKind kind, string[] args)
    {
        var notice = Notification.To(County, PersonId.New(), kind, Guid.CreateVersion7(), args, Now);

        var html = Render(notice, "en");

        Assert.DoesNotContain("Notify.", html, StringComparison.Ordinal);
        Assert.Empty(Han().Matches(WithoutUserData(html)));
        foreach (var value in args.Where(a => Han().IsMatch(a) && html.Contains(a, StringComparison.Ordinal)))
        {
            Assert.Contains("<span data-user>" + value + "</span>", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void InChinese_NoEnglishWordOutsideUserData(NotificationKind kind, string[] args)
    {
        var notice = Notification.To(County, PersonId.New(), kind, Guid.CreateVersion7(), args, Now);

        var html = Render(notice, "zh-CN");

        Assert.Empty(Latin().Matches(WithoutUserData(html)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheWebhookMessage_SaysWhatHappenedInBothLanguages_AndNothingOfTheNotice(NotificationKind kind, string[] args)
    {
        using var services = new ServiceCollection().AddLogging().AddLocalization(l => l.ResourcesPath = "Resources").BuildServiceProvider();
        var text = services.GetRequiredService<IStringLocalizer<MeetingResource>>();

        var chinese = Fenquan.Web.Notifications.WebhookSender.MessageOf(text, kind, "zh-CN");
        var english = Fenquan.Web.Notifications.WebhookSender.MessageOf(text, kind, "en");

        Assert.Matches(Han(), chinese);
        Assert.Empty(Latin().Matches(chinese));
        Assert.Matches(Latin(), english);
        Assert.Empty(Han().Matches(english));
        Assert.DoesNotContain("Webhook.", chinese + english, StringComparison.Ordinal);
        Assert.DoesNotContain(args, a => a.Length > 1 && (chinese.Contains(a, StringComparison.Ordinal) || english.Contains(a, StringComparison.Ordinal)));
    }

    [Fact]
    public void InChinese_TheTextIsAsBefore()
    {
        var approved = Notification.To(County, PersonId.New(), NotificationKind.MatterApproved, Guid.CreateVersion7(), ["办公用品采购报销", "同意"], Now);
        var scheduled = Notification.To(County, PersonId.New(), NotificationKind.MeetingScheduled, Guid.CreateVersion7(), ["2026年第3次党委会", "2026-03-05 09:00"], Now);

        Assert.Equal("您的事项“<span data-user>办公用品采购报销</span>”已批准。", Render(approved, "zh-CN"));
        Assert.Equal("会议“2026年第3次党委会”定于 2026-03-05 09:00 召开，请准时参加。", Plain(scheduled, "zh-CN"));
    }

    [Fact]
    public void ADelegatesAction_IsNamedInTheReadersLanguage()
    {
        var told = Notification.To(County, PersonId.New(), NotificationKind.ActedOnYourBehalf, Guid.CreateVersion7(), ["差旅费报销", "2", "刘洋", "Approve"], Now);

        Assert.Equal("刘洋 acted on step 2 of \"差旅费报销\" on your behalf: Approve.", Plain(told, "en"));
        Assert.Equal("刘洋 代理您对事项“差旅费报销”第 2 步作出“批准”。", Plain(told, "zh-CN"));
    }

    [Fact]
    public void AnOlderAdministratorNotice_WithBilingualKindAndEnglishBootstrap_StillRendersInEachLanguage()
    {
        // As AdministratorNotices wrote them before issue 14: "授予 grant" and an English suffix on the name.
        var old = Notification.To(County, PersonId.New(), NotificationKind.AdministratorChangeConfirmed, Guid.CreateVersion7(), ["授予 grant", "zhang.wei", "县管理员 李静 (bootstrap: the county's only administrator)"], Now);

        var english = Render(old, "en");
        var chinese = Render(old, "zh-CN");

        Assert.Empty(Han().Matches(WithoutUserData(english)));
        Assert.Contains("grant", english, StringComparison.Ordinal);
        Assert.Contains("bootstrap", english, StringComparison.Ordinal);
        Assert.Empty(Latin().Matches(WithoutUserData(chinese)));
        Assert.Contains("已授予", chinese, StringComparison.Ordinal);
        Assert.Contains("<span data-user>县管理员 李静</span>（县里唯一的管理员", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowWithFewerArgumentsThanItsText_RendersWithTheMissingOnesEmpty()
    {
        var old = Notification.To(County, PersonId.New(), NotificationKind.StepOverdue, Guid.CreateVersion7(), ["差旅费报销"], Now);

        Assert.Equal("Red card: step  of \"差旅费报销\" is past its time limit (due on ).", Plain(old, "en"));
    }

    private static string Render(Notification notice, string culture) => InCulture(culture, words =>
    {
        using var writer = new StringWriter();
        words.Html(notice).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    });

    private static string Plain(Notification notice, string culture) => InCulture(culture, words => words.Plain(notice));

    private static string InCulture(string culture, Func<NotificationText, string> render)
    {
        using var services = new ServiceCollection().AddLogging().AddLocalization(l => l.ResourcesPath = "Resources").BuildServiceProvider();
        var words = new NotificationText(services.GetRequiredService<IStringLocalizer<MeetingResource>>(), services.GetRequiredService<IStringLocalizer<SharedResource>>());
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return render(words);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    private static string WithoutUserData(string html) => Markup().Replace(UserSpans().Replace(html, string.Empty), string.Empty);

    [GeneratedRegex("<span (data-user|class=\"technical\")>[^<]*</span>")]
    private static partial Regex UserSpans();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex Han();

    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex Latin();
}
