using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Meetings;

/// <summary>
/// A team member (班子成员) of the unit on the meeting's date, frozen when the meeting is scheduled:
/// the people notified, who attend or are absent, and the base of quorum and majority.
/// </summary>
public sealed class MeetingMember
{
    private MeetingMember()
    {
        Name = string.Empty;
    }

    internal MeetingMember(MeetingId meetingId, CountyId countyId, PersonId personId, string name, bool isPrincipal)
    {
        Id = Guid.CreateVersion7();
        MeetingId = meetingId;
        CountyId = countyId;
        PersonId = personId;
        Name = name;
        IsPrincipal = isPrincipal;
    }

    public Guid Id { get; private set; }

    public MeetingId MeetingId { get; private set; }

    public CountyId CountyId { get; private set; }

    public PersonId PersonId { get; private set; }

    /// <summary>The name on the meeting's date, for reasons and minutes.</summary>
    public string Name { get; private set; }

    /// <summary>A principal (正职) on the meeting's date: speaks after the deputies (末位表态).</summary>
    public bool IsPrincipal { get; private set; }
}

/// <summary>
/// An agenda item (议题): one matter waiting at its collective-decision step, with the facts the
/// recusal rules need, frozen when it is put on the agenda — or, for R40, a unit's policy proposal
/// (then <see cref="MatterId"/>, <see cref="Area"/> and <see cref="Kind"/> are null and
/// <see cref="PolicyProposalId"/> names the proposal; see Meeting.PolicyItems.cs).
/// </summary>
public sealed class AgendaItem
{
    private readonly List<PersonId> _concernedPersonIds = [];
    private readonly List<PersonId> _payeeRelatives = [];
    private readonly List<string> _documentReferences = [];

    private AgendaItem()
    {
        Title = string.Empty;
        Payee = Payee.None;
    }

    internal AgendaItem(MeetingId meetingId, CountyId countyId, int number, Matter matter, AgendaItemRequest request, DateTimeOffset addedAt)
    {
        Id = AgendaItemId.New();
        AddedAt = addedAt;
        MeetingId = meetingId;
        CountyId = countyId;
        Number = number;
        MatterId = matter.Id;
        Title = matter.Title;
        Area = matter.Area;
        Kind = matter.Kind;
        InitiatorId = matter.InitiatorId;
        Payee = matter.Payee;
        ProposedAmount = matter.Amount;
        _concernedPersonIds.AddRange(request.ConcernedPersonIds.Distinct());
        _payeeRelatives.AddRange(matter.PayeeRelatives);
        _documentReferences.AddRange(request.DocumentReferences.Select(d => d.Trim()));
    }

    internal AgendaItem(MeetingId meetingId, CountyId countyId, int number, PolicyProposal proposal, DateTimeOffset addedAt)
    {
        Id = AgendaItemId.New();
        AddedAt = addedAt;
        MeetingId = meetingId;
        CountyId = countyId;
        Number = number;
        PolicyProposalId = proposal.Id;
        Title = proposal.Summary;
        InitiatorId = proposal.ProposedById;
        Payee = Payee.None;
    }

    public AgendaItemId Id { get; private set; }

    public MeetingId MeetingId { get; private set; }

    public CountyId CountyId { get; private set; }

    /// <summary>The item's number on the agenda, from 1.</summary>
    public int Number { get; private set; }

    /// <summary>The matter decided; null for a policy proposal's item.</summary>
    public MatterId? MatterId { get; private set; }

    /// <summary>R40: the policy proposal the team agrees to; null for a matter's item.</summary>
    public PolicyProposalId? PolicyProposalId { get; private set; }

    public string Title { get; private set; }

    public Area? Area { get; private set; }

    public MatterKind? Kind { get; private set; }

    /// <summary>R11: personnel items need two thirds present and a majority of all members.</summary>
    public bool IsPersonnel => Area == Organization.Area.Personnel;

    public PersonId InitiatorId { get; private set; }

    public Payee Payee { get; private set; }

    /// <summary>The amount proposed (yuan): the meeting may approve it or less, never more.</summary>
    public decimal ProposedAmount { get; private set; }

    /// <summary>The persons the item concerns (e.g. the candidate); recused with their relatives.</summary>
    public IReadOnlyList<PersonId> ConcernedPersonIds => _concernedPersonIds;

    /// <summary>
    /// R6, R43: the people tied to the payee when the item was tabled (the matter's
    /// <see cref="Matter.PayeeRelatives"/>: a person's declared relatives, or those who declared a
    /// tie to a counterparty); recused when the meeting opens.
    /// </summary>
    public IReadOnlyList<PersonId> PayeeRelatives => _payeeRelatives;

    /// <summary>References to the supporting documents (请示, 考察报告, quotations…).</summary>
    public IReadOnlyList<string> DocumentReferences => _documentReferences;

    public DateTimeOffset AddedAt { get; private set; }

    public override string ToString() => $"item {Number} ({Title})";
}

/// <summary>A member's attendance (出席 / 缺席): one immutable row per member.</summary>
public sealed class Attendance
{
    private Attendance()
    {
        AbsenceReason = string.Empty;
    }

    internal Attendance(MeetingId meetingId, CountyId countyId, PersonId personId, bool present, string absenceReason, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        MeetingId = meetingId;
        CountyId = countyId;
        PersonId = personId;
        Present = present;
        AbsenceReason = absenceReason;
        At = at;
    }

    public Guid Id { get; private set; }

    public MeetingId MeetingId { get; private set; }

    public CountyId CountyId { get; private set; }

    public PersonId PersonId { get; private set; }

    public bool Present { get; private set; }

    /// <summary>Why the member is absent (请假事由); empty when present.</summary>
    public string AbsenceReason { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>A recusal (回避) of a member on an item: declared, or automatic with its ground. Immutable.</summary>
public sealed class Recusal
{
    private Recusal()
    {
        Reason = string.Empty;
    }

    internal Recusal(MeetingId meetingId, CountyId countyId, AgendaItemId itemId, PersonId personId, RecusalGround ground, string reason, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        MeetingId = meetingId;
        CountyId = countyId;
        AgendaItemId = itemId;
        PersonId = personId;
        Ground = ground;
        Reason = reason;
        At = at;
    }

    public Guid Id { get; private set; }

    public MeetingId MeetingId { get; private set; }

    public CountyId CountyId { get; private set; }

    public AgendaItemId AgendaItemId { get; private set; }

    public PersonId PersonId { get; private set; }

    public RecusalGround Ground { get; private set; }

    public bool Automatic => Ground != RecusalGround.Declared;

    public string Reason { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>A member's opinion (表态) on an item, in speaking order: immutable; nobody speaks twice.</summary>
public sealed class Opinion
{
    private Opinion()
    {
        Reason = string.Empty;
    }

    internal Opinion(MeetingId meetingId, CountyId countyId, AgendaItemId itemId, int sequence, PersonId personId, OpinionKind kind, string reason, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        MeetingId = meetingId;
        CountyId = countyId;
        AgendaItemId = itemId;
        Sequence = sequence;
        PersonId = personId;
        Kind = kind;
        Reason = reason;
        At = at;
    }

    public Guid Id { get; private set; }

    public MeetingId MeetingId { get; private set; }

    public CountyId CountyId { get; private set; }

    public AgendaItemId AgendaItemId { get; private set; }

    /// <summary>Speaking order on the item, from 1.</summary>
    public int Sequence { get; private set; }

    public PersonId PersonId { get; private set; }

    public OpinionKind Kind { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>
/// What the meeting decided on an item: one immutable row per item. For Approved, the decided
/// amount, payee and conditions bound into the matter; for Rejected and Deferred, the reason.
/// </summary>
public sealed class ItemOutcome
{
    private ItemOutcome()
    {
        Payee = Payee.None;
        Conditions = Reason = string.Empty;
    }

    internal ItemOutcome(MeetingId meetingId, CountyId countyId, AgendaItemId itemId, ItemOutcomeKind kind, decimal? decidedAmount, Payee payee, string conditions, string reason, ActionId? matterActionId, PersonId? recordedById, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        MeetingId = meetingId;
        CountyId = countyId;
        AgendaItemId = itemId;
        Kind = kind;
        DecidedAmount = decidedAmount;
        Payee = payee;
        Conditions = conditions;
        Reason = reason;
        MatterActionId = matterActionId;
        RecordedById = recordedById;
        At = at;
    }

    public Guid Id { get; private set; }

    public MeetingId MeetingId { get; private set; }

    public CountyId CountyId { get; private set; }

    public AgendaItemId AgendaItemId { get; private set; }

    public ItemOutcomeKind Kind { get; private set; }

    /// <summary>Approved: the decided amount (at most the proposed amount). Null otherwise.</summary>
    public decimal? DecidedAmount { get; private set; }

    /// <summary>Approved: the decided payee; <see cref="Payee.None"/> otherwise.</summary>
    public Payee Payee { get; private set; }

    public string Conditions { get; private set; }

    /// <summary>Rejected / Deferred: why.</summary>
    public string Reason { get; private set; }

    /// <summary>The action recorded on the matter (Approved, Rejected); null for Deferred.</summary>
    /// <summary>The matter's action this outcome bound, set when the minutes became final; null before, and for an outcome that did not bind.</summary>
    public ActionId? MatterActionId { get; private set; }

    /// <summary>Who recorded the outcome on the matter (the office or a principal); null for Deferred.</summary>
    public PersonId? RecordedById { get; private set; }

    public DateTimeOffset At { get; private set; }

    internal void BindTo(ActionId action) => MatterActionId = action;
}
