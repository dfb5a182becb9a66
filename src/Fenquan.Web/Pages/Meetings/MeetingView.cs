using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Meetings;

/// <summary>What the meeting pages show that is derived from the rows (never stored), and the names of the meeting values.</summary>
public static class MeetingView
{
    /// <summary>
    /// The entitled members who have not spoken on the item, in the order they may speak (R43,
    /// 末位表态): deputies first, then a principal who is not chairing, the chair last.
    /// </summary>
    public static IReadOnlyList<PersonId> StillToSpeak(Meeting meeting, AgendaItemId item)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.State != MeetingState.InSession || meeting.OutcomeOf(item) is not null)
        {
            return [];
        }

        var spoken = meeting.OpinionsOn(item).Select(o => o.PersonId).ToHashSet();
        return meeting.EntitledOn(item)
            .Where(p => !spoken.Contains(p))
            .OrderBy(p => p == meeting.ChairId ? 2 : meeting.Members.Any(m => m.PersonId == p && m.IsPrincipal) ? 1 : 0)
            .ToList();
    }

    public static string NameOf(Meeting meeting, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return meeting.Members.FirstOrDefault(m => m.PersonId == person)?.Name ?? person.ToString();
    }

    public static string Of(this IStringLocalizer<MeetingResource> text, MeetingKind value) => text["Kind." + value];

    public static string Of(this IStringLocalizer<MeetingResource> text, MeetingState value) => text["State." + value];

    public static string Of(this IStringLocalizer<MeetingResource> text, OpinionKind value) => text["Opinion." + value];

    public static string Of(this IStringLocalizer<MeetingResource> text, ItemOutcomeKind value) => text["Outcome." + value];

    public static string Of(this IStringLocalizer<MeetingResource> text, RecusalGround value) => text["Ground." + value];

    /// <summary>
    /// The reason a page shows beside a recusal's ground: a declared recusal's, in the member's own
    /// words. An automatic one's stored reason is the core's English sentence for the record; its
    /// ground already says why, in the reader's language (as the minutes PDF does).
    /// </summary>
    public static string StatedReason(RecusalGround ground, string reason) => ground == RecusalGround.Declared ? reason : string.Empty;

    public static string Of(this IStringLocalizer<MeetingResource> text, MinutesState value) => text["Minutes." + value];

    /// <summary>A threshold in words: "超过 1/2" / "more than 1/2".</summary>
    public static string Of(this IStringLocalizer<MeetingResource> text, Threshold value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text[value.Strict ? "Rules.MoreThan" : "Rules.AtLeast"]} {value.Numerator}/{value.Denominator}");
    }

    /// <summary>The rules of decision frozen on a meeting, in one line (R43).</summary>
    public static string Of(this IStringLocalizer<MeetingResource> text, DecisionRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return string.Join(
            text["Rules.Separator"],
            $"{text["Rules.Quorum"]} {text.Of(rules.Quorum)}",
            $"{text["Rules.PersonnelQuorum"]} {text.Of(rules.PersonnelQuorum)}",
            $"{text["Rules.Majority"]} {text.Of(rules.Majority)}{text["Open"]}{text["VoteBase." + rules.MajorityBase]}{text["Close"]}",
            $"{text["Rules.PersonnelMajority"]} {text.Of(rules.PersonnelMajority)}{text["Open"]}{text["VoteBase." + rules.PersonnelMajorityBase]}{text["Close"]}");
    }
}
