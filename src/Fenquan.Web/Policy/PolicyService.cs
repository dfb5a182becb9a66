using Fenquan.Core.CountyChanges;
using Fenquan.Core.Meetings;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Pages.Meetings;

namespace Fenquan.Web.Policy;

/// <summary>The body of a proposal: what changes (the agenda item's title) and the policy document as JSON.</summary>
public sealed class ProposalInput
{
    public string? Summary { get; set; }

    public string? Document { get; set; }
}

public sealed class WithdrawInput
{
    public string? Reason { get; set; }
}

public sealed class AgreementInput
{
    public Guid? MeetingId { get; set; }
}

public sealed class PolicyItemInput
{
    public Guid? ProposalId { get; set; }
}

public sealed class PolicyOutcomeInput
{
    /// <summary>Approve or Reject (a policy item is deferred through the meeting's own outcome endpoint).</summary>
    public OutcomeChoice? Outcome { get; set; }

    public string? Reason { get; set; }
}

/// <summary>
/// R40 for pages and the API: a unit's policy proposals from proposal to the county's two approvals.
/// Who may act is asked of <see cref="PolicyAccess"/> and <see cref="MeetingService.MayRecord"/>;
/// what may happen is decided by the core through <see cref="PolicyOperations"/>. There is no
/// way here to publish a version directly.
/// </summary>
public sealed class PolicyService(DbSession session, PolicyOperations operations)
{
    public const int MaxSummary = 300;

    public static Refusal NotUnitAdministrator => PolicyAccess.NotUnitAdministrator;

    public static Refusal NotCountyAdministrator => PolicyAccess.NotCountyAdministrator;

    /// <summary>The viewer's unit's proposals, newest first; empty for those who may not see them.</summary>
    public IReadOnlyList<PolicyProposal> OfMyUnit(Viewer viewer) =>
        viewer.Unit is { } unit && PolicyAccess.MaySeeProposals(unit, viewer.Unit, [.. viewer.Roles], viewer.IsUnitAdministrator, viewer.IsCountyAdministrator, IsDisciplineInspection(viewer))
            ? PolicyOperations.ProposalsOf(session.Db, viewer.County, unit)
            : [];

    /// <summary>The county's proposals waiting for its approval; empty unless a county administrator asks.</summary>
    public IReadOnlyList<PolicyProposal> AwaitingCounty(Viewer viewer) =>
        PolicyAccess.MayApproveAtCounty(viewer.IsCountyAdministrator) ? PolicyOperations.AwaitingCounty(session.Db, viewer.County) : [];

    public Result<PolicyProposal> Get(Viewer viewer, Guid id)
    {
        var proposal = PolicyOperations.FindProposal(session.Db, viewer.County, new PolicyProposalId(id));
        return proposal is not null && PolicyAccess.MaySeeProposals(proposal.UnitId, viewer.Unit, [.. viewer.Roles], viewer.IsUnitAdministrator, viewer.IsCountyAdministrator, IsDisciplineInspection(viewer))
            ? Result<PolicyProposal>.Ok(proposal)
            : Refusal.NotFound("Policy proposal " + id.ToString("D"));
    }

    /// <summary>R40: the unit administrator proposes; the document is parsed, then verified by the operation.</summary>
    public async Task<MeetingAttempt<PolicyProposal>> ProposeAsync(Viewer viewer, ProposalInput input)
    {
        if (viewer.Unit is not { } unit || viewer.Person is not { } me || !PolicyAccess.MayPropose(unit, viewer.Unit, viewer.Person, viewer.IsUnitAdministrator))
        {
            return No<PolicyProposal>(NotUnitAdministrator, forbidden: true);
        }

        if (string.IsNullOrWhiteSpace(input.Summary) || input.Summary.Length > MaxSummary)
        {
            return No<PolicyProposal>(Refusal.Because(Refusal.InvalidId, "ProposalSummary", "A proposal needs a summary of at most {max} characters.", ("max", MaxSummary.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        var parsed = PolicyJson.Parse(input.Document ?? string.Empty);
        if (!parsed.IsOk)
        {
            return No<PolicyProposal>(Refusal.Invalid(parsed.Refusal!.Reason));
        }

        return await operations.ProposeAsync(viewer.County, unit, new PolicyProposer(me, viewer.IsUnitAdministrator), input.Summary.Trim(), parsed.Value, viewer.Today);
    }

    public async Task<MeetingAttempt<PolicyProposalStep>> WithdrawAsync(Viewer viewer, Guid id, WithdrawInput input)
    {
        var found = Get(viewer, id);
        if (!found.IsOk)
        {
            return No<PolicyProposalStep>(found.Refusal!);
        }

        if (viewer.Person is not { } me || !PolicyAccess.MayPropose(found.Value.UnitId, viewer.Unit, viewer.Person, viewer.IsUnitAdministrator))
        {
            return No<PolicyProposalStep>(NotUnitAdministrator, forbidden: true);
        }

        if (input.Reason is { Length: > 2000 })
        {
            return No<PolicyProposalStep>(Refusal.Because(Refusal.InvalidId, "ReasonLength", "A reason has at most 2000 characters."));
        }

        return await operations.WithdrawAsync(viewer.County, found.Value.Id, new PolicyProposer(me, viewer.IsUnitAdministrator), input.Reason ?? string.Empty, viewer.Today);
    }

    /// <summary>R40, R43: the team's agreement, read from the meeting (approved item, final minutes). The unit administrator or the meeting's recorder asks.</summary>
    public async Task<MeetingAttempt<PolicyProposalStep>> RecordAgreementAsync(Viewer viewer, Guid id, AgreementInput input)
    {
        var found = Get(viewer, id);
        if (!found.IsOk)
        {
            return No<PolicyProposalStep>(found.Refusal!);
        }

        if (!PolicyAccess.MayPropose(found.Value.UnitId, viewer.Unit, viewer.Person, viewer.IsUnitAdministrator) && !MeetingService.MayRecord(viewer, found.Value.UnitId))
        {
            return No<PolicyProposalStep>(NotUnitAdministrator, forbidden: true);
        }

        if (input.MeetingId is not { } meeting)
        {
            return No<PolicyProposalStep>(Refusal.Because(Refusal.InvalidId, "AgreementMeetingMissing", "Name the meeting whose minutes record the team's agreement."));
        }

        return await operations.RecordAgreementAsync(viewer.County, found.Value.Id, new MeetingId(meeting));
    }

    /// <summary>R40: a county administrator approves; the proposal checks four eyes and that the official is not of the unit.</summary>
    public async Task<MeetingAttempt<PolicyApproval>> ApproveAtCountyAsync(Viewer viewer, Guid id)
    {
        if (!PolicyAccess.MayApproveAtCounty(viewer.IsCountyAdministrator))
        {
            return No<PolicyApproval>(NotCountyAdministrator, forbidden: true);
        }

        var official = new CountyOfficial(viewer.UserName, string.IsNullOrEmpty(viewer.Name) ? viewer.UserName : viewer.Name);
        return await operations.ApproveAtCountyAsync(viewer.County, new PolicyProposalId(id), official, viewer.Person, viewer.Today);
    }

    /// <summary>R43: tables a proposal on a scheduled meeting of the unit; those who record the meeting do it.</summary>
    public async Task<MeetingAttempt<AgendaItem>> TableAsync(Viewer viewer, Guid meetingId, PolicyItemInput input)
    {
        var meeting = MeetingOperations.Find(session.Db, viewer.County, new MeetingId(meetingId));
        if (meeting is null || !MeetingService.MayView(viewer, meeting.UnitId))
        {
            return No<AgendaItem>(Refusal.NotFound("Meeting " + meetingId.ToString("D")));
        }

        if (!MeetingService.MayRecord(viewer, meeting.UnitId))
        {
            return No<AgendaItem>(MeetingService.NotRecorder, forbidden: true);
        }

        return input.ProposalId is { } proposal
            ? await operations.TableAsync(viewer.County, meeting.Id, new PolicyProposalId(proposal))
            : No<AgendaItem>(Refusal.Because(Refusal.InvalidId, "PolicyItemNeedsProposal", "An agenda item needs its policy proposal."));
    }

    /// <summary>R43: the recorder records the team's approval or rejection of a policy item, as the count shows.</summary>
    public async Task<MeetingAttempt<ItemOutcome>> OutcomeAsync(Viewer viewer, Guid meetingId, Guid itemId, PolicyOutcomeInput input)
    {
        var meeting = MeetingOperations.Find(session.Db, viewer.County, new MeetingId(meetingId));
        if (meeting is null || !MeetingService.MayView(viewer, meeting.UnitId))
        {
            return No<ItemOutcome>(Refusal.NotFound("Meeting " + meetingId.ToString("D")));
        }

        if (viewer.Person is not { } me || !MeetingService.MayRecord(viewer, meeting.UnitId))
        {
            return No<ItemOutcome>(MeetingService.NotRecorder, forbidden: true);
        }

        return input.Outcome switch
        {
            OutcomeChoice.Approve => await operations.ApproveItemAsync(viewer.County, meeting.Id, new AgendaItemId(itemId), me),
            OutcomeChoice.Reject when input.Reason is { Length: <= 2000 } reason => await operations.RejectItemAsync(viewer.County, meeting.Id, new AgendaItemId(itemId), reason, me),
            _ => No<ItemOutcome>(Refusal.Because(Refusal.InvalidId, "ApproveOrReject", "Approve, or reject with a reason of at most 2000 characters.")),
        };
    }

    // R29: the person the county named for its discipline inspection is told of, and sees, every county approval.
    private bool IsDisciplineInspection(Viewer viewer) =>
        viewer.Person is { } me && session.Db.Counties.Any(c => c.Id == viewer.County && c.DisciplineInspectionId == me);

    private static MeetingAttempt<T> No<T>(Refusal refusal, bool forbidden = false) => new(Result<T>.Refused(refusal), forbidden);
}
