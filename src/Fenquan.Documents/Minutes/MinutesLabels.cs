using System.Globalization;
using Fenquan.Core.Meetings;

namespace Fenquan.Documents.Minutes;

/// <summary>The words of a minutes document, in Chinese (the default) or English.</summary>
internal sealed record MinutesLabels(
    string Document,
    string Meeting,
    string Time,
    string Chair,
    string DrawnUp,
    string StateDraft,
    string StateFinal,
    string NotDrawnUp,
    string Present,
    string Absent,
    string None,
    string Principal,
    string Item,
    string Matter,
    string ProposedAmount,
    string Payee,
    string Documents,
    string Recusals,
    string Opinions,
    string Tally,
    string Outcome,
    string Undecided,
    string DecidedAmount,
    string DecidedPayee,
    string Conditions,
    string Reason,
    string Corrections,
    string Signatures,
    string SignedAt,
    string NotSigned,
    string Page,
    string Generated,
    string ListSeparator,
    string Colon,
    string OpenParen,
    string CloseParen,
    double LabelWidth)
{
    public static MinutesLabels Chinese { get; } = new(
        Document: "会议纪要",
        Meeting: "会议名称",
        Time: "时间",
        Chair: "主持人",
        DrawnUp: "形成时间",
        StateDraft: "待签署",
        StateFinal: "已签署生效",
        NotDrawnUp: "草稿（尚未形成纪要）",
        Present: "出席",
        Absent: "缺席",
        None: "无",
        Principal: "正职",
        Item: "议题",
        Matter: "事项",
        ProposedAmount: "拟议金额",
        Payee: "收款方",
        Documents: "附件材料",
        Recusals: "回避",
        Opinions: "表态（按发言顺序）",
        Tally: "表决情况",
        Outcome: "表决结果",
        Undecided: "未决",
        DecidedAmount: "决定金额",
        DecidedPayee: "收款方",
        Conditions: "附加条件",
        Reason: "理由",
        Corrections: "更正",
        Signatures: "与会人员签字",
        SignedAt: "签署时间",
        NotSigned: "未签署",
        Page: "第 {0} 页，共 {1} 页",
        Generated: "本纪要依据会议记录自动生成，不得另行改写（R43）。",
        ListSeparator: "、",
        Colon: "：",
        OpenParen: "（",
        CloseParen: "）",
        LabelWidth: 82);

    public static MinutesLabels English { get; } = new(
        Document: "Minutes",
        Meeting: "Meeting",
        Time: "Time",
        Chair: "Chair",
        DrawnUp: "Drawn up",
        StateDraft: "awaiting signatures",
        StateFinal: "signed and final",
        NotDrawnUp: "draft (minutes not yet drawn up)",
        Present: "Present",
        Absent: "Absent",
        None: "none",
        Principal: "principal",
        Item: "Item",
        Matter: "Matter",
        ProposedAmount: "Proposed amount",
        Payee: "Payee",
        Documents: "Documents",
        Recusals: "Recusals",
        Opinions: "Opinions (in speaking order)",
        Tally: "Tally",
        Outcome: "Outcome",
        Undecided: "undecided",
        DecidedAmount: "Decided amount",
        DecidedPayee: "Payee",
        Conditions: "Conditions",
        Reason: "Reason",
        Corrections: "Corrections",
        Signatures: "Signatures of the attendees",
        SignedAt: "Signed at",
        NotSigned: "not yet signed",
        Page: "Page {0} of {1}",
        Generated: "Generated from the meeting's records; never typed over them (R43).",
        ListSeparator: ", ",
        Colon: ": ",
        OpenParen: " (",
        CloseParen: ")",
        LabelWidth: 104);

    public bool IsChinese => ReferenceEquals(this, Chinese);

    /// <summary>English for an English culture, Chinese otherwise (zh-CN is the default).</summary>
    public static MinutesLabels For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? English : Chinese;

    public string KindOf(MeetingKind kind) => (kind, IsChinese) switch
    {
        (MeetingKind.TeamMeeting, true) => "班子会议",
        (MeetingKind.PartyCommittee, true) => "党委会",
        (MeetingKind.BureauMeeting, true) => "局务会",
        (MeetingKind.TeamMeeting, false) => "Leadership team meeting",
        (MeetingKind.PartyCommittee, false) => "Party committee meeting",
        (MeetingKind.BureauMeeting, false) => "Bureau meeting",
    };

    public string OpinionOf(OpinionKind kind) => (kind, IsChinese) switch
    {
        (OpinionKind.Agree, true) => "同意",
        (OpinionKind.Disagree, true) => "不同意",
        (OpinionKind.Abstain, true) => "弃权",
        (OpinionKind.Agree, false) => "Agree",
        (OpinionKind.Disagree, false) => "Disagree",
        (OpinionKind.Abstain, false) => "Abstain",
    };

    public string OutcomeOf(ItemOutcomeKind? kind) => (kind, IsChinese) switch
    {
        (ItemOutcomeKind.Approved, true) => "通过",
        (ItemOutcomeKind.Rejected, true) => "未通过",
        (ItemOutcomeKind.Deferred, true) => "暂缓，退回待上会事项",
        (ItemOutcomeKind.Noted, true) => "已通报班子",
        (ItemOutcomeKind.Approved, false) => "Passed",
        (ItemOutcomeKind.Rejected, false) => "Not passed",
        (ItemOutcomeKind.Deferred, false) => "Deferred, back to the agenda queue",
        (ItemOutcomeKind.Noted, false) => "Reported to the team",
        (null, _) => Undecided,
    };

    public string GroundOf(RecusalGround ground) => (ground, IsChinese) switch
    {
        (RecusalGround.Declared, true) => "本人申请回避",
        (RecusalGround.Initiator, true) => "事项发起人",
        (RecusalGround.Payee, true) => "事项收款人",
        (RecusalGround.Concerned, true) => "事项涉及本人",
        (RecusalGround.Relative, true) => "与利害关系人有申报的亲属关系",
        (RecusalGround.Declared, false) => "declared",
        (RecusalGround.Initiator, false) => "initiated the matter",
        (RecusalGround.Payee, false) => "paid by the matter",
        (RecusalGround.Concerned, false) => "concerned by the matter",
        (RecusalGround.Relative, false) => "declared relative of an interested person",
    };

    // The tally in plain words, as the meeting page says it (R43: the recused count in 应到 and do not vote).
    public string Tallied(ItemTally tally, CultureInfo culture) => IsChinese
        ? string.Format(culture, "{0} 人应到，{1} 人实到，{2} 人回避；需 {3} 人同意。同意 {4} 人，不同意 {5} 人，弃权 {6} 人{7}。",
            tally.QuorumBase, tally.Present, tally.Recused, tally.MajorityNeeded, tally.Agree, tally.Disagree, tally.Abstain,
            tally.QuorumMet ? string.Empty : string.Format(culture, "；未达到法定人数（需 {0} 人到会）", tally.QuorumNeeded))
        : string.Format(culture, "{0} expected, {1} present, {2} recused; {3} must agree. {4} agree, {5} disagree, {6} abstain{7}.",
            tally.QuorumBase, tally.Present, tally.Recused, tally.MajorityNeeded, tally.Agree, tally.Disagree, tally.Abstain,
            tally.QuorumMet ? string.Empty : string.Format(culture, "; no quorum ({0} must be present)", tally.QuorumNeeded));

    public string Ordinal(int number, CultureInfo culture) => IsChinese
        ? string.Format(culture, "议题{0}", number)
        : string.Format(culture, "Item {0}", number);

    public string VersionOf(int version, CultureInfo culture) => IsChinese
        ? string.Format(culture, "纪要第{0}版", version)
        : string.Format(culture, "Version {0}", version);

    /// <summary>"text（aside）" in Chinese, "text (aside)" in English.</summary>
    public string Aside(string text, string aside) => $"{text}{OpenParen}{aside}{CloseParen}";
}
