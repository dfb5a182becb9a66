using Fenquan.Core.Calendar;
using System.Collections.Concurrent;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Meetings;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// A unit's policy (R40) and the one in force for a matter (R41). A new version goes through a
/// <see cref="PolicyProposal"/>: proposed by the unit administrator, tabled and agreed in a team
/// meeting whose minutes are final, approved at the county by two different officials (the county's
/// four-eyes <see cref="CountyChange"/>); each step
/// is one unit of work on the ledger writer. The only other way to a version is
/// <see cref="SeedFirstVersionAsync"/>, the unit's first policy at setup.
/// </summary>
public sealed class PolicyOperations(LedgerWriter writer)
{
    // Published versions never change, so their compiled routers are shared for the life of the process.
    private static readonly ConcurrentDictionary<PolicyVersionId, PolicyRouter> Routers = new();

    /// <summary>
    /// R40, bootstrap: the unit's first policy, set up with the county (the demo, seeds, tests),
    /// verified like any other. Refused once the unit has a version: later versions are proposed.
    /// Not reachable from the web or the API.
    /// </summary>
    public Task<Result<PolicyVersion>> SeedFirstVersionAsync(CountyId county, UnitId unit, PolicyDocument document) =>
        writer.ExecuteAsync(county, "policy.seeded", ctx =>
        {
            var target = ctx.Db.Units.AsNoTracking().SingleOrDefault(u => u.Id == unit && u.CountyId == county);
            var bounds = target is null ? null : BoundsStandings.ForNewPolicies(ctx.Db, county);
            if (target is null || bounds is null)
            {
                return Refusal.NotFound($"Unit {unit}");
            }

            var verification = PolicyVerifier.Verify(document, bounds);
            var number = NextNumber(ctx.Db, county, unit);
            var published = PolicyVersion.Bootstrap(
                target,
                number,
                document.EffectiveFrom,
                PolicyJson.Write(document with { Version = number }),
                [.. verification.Failures.Select(f => f.ToString())],
                ctx.Now);
            if (published.IsOk)
            {
                ctx.Db.PolicyVersions.Add(published.Value);
            }

            return published;
        });

    /// <summary>
    /// R40: the unit administrator proposes a new version; the verifier runs first (an unsafe or
    /// incomplete policy cannot even be proposed). Open proposals of the unit are superseded.
    /// <paramref name="today"/> is the county's local date.
    /// </summary>
    public Task<Result<PolicyProposal>> ProposeAsync(CountyId county, UnitId unit, PolicyProposer proposer, string summary, PolicyDocument document, DateOnly today) =>
        writer.ExecuteAsync(county, "policy.proposed", ctx =>
        {
            var target = ctx.Db.Units.AsNoTracking().SingleOrDefault(u => u.Id == unit && u.CountyId == county);
            var bounds = target is null ? null : BoundsStandings.ForNewPolicies(ctx.Db, county);
            if (target is null || bounds is null)
            {
                return Refusal.NotFound($"Unit {unit}");
            }

            if (CheckToday(ctx, today) is { } wrongDay)
            {
                return wrongDay;
            }

            var verification = PolicyVerifier.Verify(document, bounds);
            var open = WithSteps(ctx.Db.Set<PolicyProposal>()).Where(p => p.CountyId == county && p.UnitId == unit).AsEnumerable().Where(p => p.IsOpen).ToList();
            var openIds = open.Select(p => p.Id.Value).ToList();
            var pendingApprovals = ctx.Db.Set<CountyChange>()
                .Where(c => c.CountyId == county && c.Subject == CountyChangeSubject.UnitPolicy && c.State == CountyChangeState.Pending && c.SubjectId != null && openIds.Contains(c.SubjectId.Value))
                .ToList();
            var proposed = PolicyProposal.Propose(
                target,
                proposer,
                summary,
                document.EffectiveFrom,
                PolicyJson.Write(document),
                [.. verification.Failures.Select(f => f.ToString())],
                open,
                ctx.UnitView(unit),
                today,
                ctx.Now,
                pendingApprovals);
            if (proposed.IsOk)
            {
                ctx.Db.Add(proposed.Value);
            }

            return proposed;
        });

    /// <summary>R40, R43: tables the proposal on a scheduled meeting of its unit; the members are notified as for any item.</summary>
    public Task<Result<AgendaItem>> TableAsync(CountyId county, MeetingId meetingId, PolicyProposalId proposalId) =>
        writer.ExecuteAsync(county, "meeting.policy_item_added", ctx =>
        {
            var meeting = MeetingOperations.Load(ctx.Db, county, meetingId);
            var proposal = Proposal(ctx.Db.Set<PolicyProposal>().AsNoTracking(), county, proposalId);
            if (meeting is null || proposal is null)
            {
                return Refusal.NotFound(meeting is null ? $"Meeting {meetingId}" : $"Policy proposal {proposalId}");
            }

            var others = ctx.Db.Set<Meeting>().AsNoTracking().Include(m => m.Items).Include(m => m.Outcomes)
                .Where(m => m.CountyId == county && m.UnitId == meeting.UnitId && m.Id != meetingId)
                .Where(m => m.State == MeetingState.Scheduled || m.State == MeetingState.InSession)
                .ToList();
            var added = meeting.AddPolicyItem(proposal, others, ctx.Now);
            if (added.IsOk)
            {
                ctx.Db.AddRange(MeetingNotices.ItemAdded(meeting, added.Value, ctx.Now));
            }

            return added;
        });

    /// <summary>R43: the meeting approves a policy item by quorum and majority, recorded by a member present.</summary>
    public Task<Result<ItemOutcome>> ApproveItemAsync(CountyId county, MeetingId meetingId, AgendaItemId itemId, PersonId recordedBy) =>
        OnMeeting(county, meetingId, "meeting.policy_item_approved", (ctx, meeting) => meeting.ApprovePolicyItem(itemId, recordedBy, ctx.UnitView(meeting.UnitId), ctx.Now));

    /// <summary>R43: the meeting rejects a policy item, with a reason.</summary>
    public Task<Result<ItemOutcome>> RejectItemAsync(CountyId county, MeetingId meetingId, AgendaItemId itemId, string reason, PersonId recordedBy) =>
        OnMeeting(county, meetingId, "meeting.policy_item_rejected", (ctx, meeting) => meeting.RejectPolicyItem(itemId, reason, recordedBy, ctx.UnitView(meeting.UnitId), ctx.Now));

    /// <summary>R40: records the team's agreement from the meeting (approved item, final minutes); anyone may ask, the meeting decides.</summary>
    public Task<Result<PolicyProposalStep>> RecordAgreementAsync(CountyId county, PolicyProposalId proposalId, MeetingId meetingId) =>
        writer.ExecuteAsync(county, "policy.agreed", ctx =>
        {
            var proposal = Proposal(ctx.Db.Set<PolicyProposal>(), county, proposalId);
            var meeting = MeetingOperations.Find(ctx.Db, county, meetingId);
            if (meeting is null || proposal is null)
            {
                return Refusal.NotFound(meeting is null ? $"Meeting {meetingId}" : $"Policy proposal {proposalId}");
            }

            return proposal.RecordAgreement(meeting, ctx.Now);
        });

    /// <summary>
    /// R40: a county administrator approves under the county's four eyes (<see cref="CountyChange"/>):
    /// the first approval proposes the county change, the second, by a different official, confirms
    /// it and publishes the version, in force from the later of the requested date and
    /// <paramref name="today"/> (the county's local date). The county's named discipline inspection
    /// is notified of both (<see cref="CountyChangeNotices"/>), in the same unit of work.
    /// </summary>
    public Task<Result<PolicyApproval>> ApproveAtCountyAsync(CountyId county, PolicyProposalId proposalId, CountyOfficial official, PersonId? officialPerson, DateOnly today) =>
        writer.ExecuteAsync(county, "policy.county_approved", ctx =>
        {
            var proposal = Proposal(ctx.Db.Set<PolicyProposal>(), county, proposalId);
            var target = ctx.Db.Counties.AsNoTracking().SingleOrDefault(c => c.Id == county);
            if (proposal is null || target is null)
            {
                return Refusal.NotFound($"Policy proposal {proposalId}");
            }

            if (CheckToday(ctx, today) is { } wrongDay)
            {
                return wrongDay;
            }

            var pending = PendingCountyApproval(ctx.Db, county, proposal.Id);
            PersonId[] inspection = target.DisciplineInspectionId is { } inspector ? [inspector] : [];
            var approved = proposal.ApproveAtCounty(official, officialPerson, pending, inspection, NextNumber(ctx.Db, county, proposal.UnitId), ctx.UnitView(proposal.UnitId), today, ctx.Now);
            if (!approved.IsOk)
            {
                return approved;
            }

            if (approved.Value.Version is { } version)
            {
                ctx.Db.PolicyVersions.Add(version);
                ctx.Db.AddRange(CountyChangeNotices.Confirmed(approved.Value.Change, inspection, ctx.Now));
                BoundsStandings.Recheck(ctx, county);
            }
            else
            {
                ctx.Db.Add(approved.Value.Change);
                ctx.Db.AddRange(CountyChangeNotices.Proposed(approved.Value.Change, inspection, ctx.Now));
            }

            return approved;
        });

    /// <summary>R40: the unit administrator withdraws an open proposal, with a reason.</summary>
    public Task<Result<PolicyProposalStep>> WithdrawAsync(CountyId county, PolicyProposalId proposalId, PolicyProposer by, string reason, DateOnly today) =>
        writer.ExecuteAsync(county, "policy.withdrawn", ctx =>
        {
            var proposal = Proposal(ctx.Db.Set<PolicyProposal>(), county, proposalId);
            if (proposal is null)
            {
                return Refusal.NotFound($"Policy proposal {proposalId}");
            }

            var pending = PendingCountyApproval(ctx.Db, county, proposal.Id);
            return proposal.Withdraw(by, reason, ctx.UnitView(proposal.UnitId), today, ctx.Now, pending);
        });

    /// <summary>The county change of a proposal's first county approval while it waits for the second (tracked).</summary>
    private static CountyChange? PendingCountyApproval(FenquanDbContext db, CountyId county, PolicyProposalId proposal) =>
        db.Set<CountyChange>().SingleOrDefault(c => c.CountyId == county && c.Subject == CountyChangeSubject.UnitPolicy && c.SubjectId == proposal.Value && c.State == CountyChangeState.Pending);

    /// <summary>The unit's proposals with their steps, newest first.</summary>
    public static IReadOnlyList<PolicyProposal> ProposalsOf(FenquanDbContext db, CountyId county, UnitId unit)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. WithSteps(db.Set<PolicyProposal>().AsNoTracking()).Where(p => p.CountyId == county && p.UnitId == unit).AsEnumerable().OrderByDescending(p => p.ProposedAt)];
    }

    /// <summary>The county's proposals the team agreed and the county has yet to approve, oldest first.</summary>
    public static IReadOnlyList<PolicyProposal> AwaitingCounty(FenquanDbContext db, CountyId county)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. WithSteps(db.Set<PolicyProposal>().AsNoTracking()).Where(p => p.CountyId == county).AsEnumerable()
            .Where(p => p.State is PolicyProposalState.Agreed or PolicyProposalState.CountyApprovedOnce).OrderBy(p => p.ProposedAt)];
    }

    /// <summary>One proposal with its steps, untracked; null when the county has none.</summary>
    public static PolicyProposal? FindProposal(FenquanDbContext db, CountyId county, PolicyProposalId id)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Proposal(db.Set<PolicyProposal>().AsNoTracking(), county, id);
    }

    /// <summary>R41: the router of the version in force for the unit on the date, or a refusal when none is.</summary>
    public static Result<(PolicyVersion Version, PolicyRouter Router)> InForce(FenquanDbContext db, CountyId county, UnitId unit, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(db);

        // Only published versions are read: proposals are another table and never count (R40).
        var versions = db.PolicyVersions.AsNoTracking().Where(v => v.CountyId == county && v.UnitId == unit).ToList();
        var version = PolicyVersion.InForceOn(versions, date);
        if (version is null)
        {
            return Refusal.Because("R40", "NoPolicyInForce", "No policy of this unit is in force on {date}: publish one first.", ("date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Result<(PolicyVersion, PolicyRouter)>.Ok((version, RouterOf(version)));
    }

    /// <summary>The compiled router of a published version (R41: matters keep theirs for life).</summary>
    public static PolicyRouter RouterOf(PolicyVersion version) =>
        Routers.GetOrAdd(version.Id, _ => PolicyRouter.Compile(PolicyJson.Parse(version.DocumentJson).Value));

    /// <summary>
    /// R46, R41: the step time limits of the version a matter was submitted under (its router's policy,
    /// compiled once per version); <see cref="StepTimeLimits.Standard"/> for a version that is gone.
    /// </summary>
    public static StepTimeLimits StepLimitsOf(FenquanDbContext db, PolicyVersionId id)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Routers.TryGetValue(id, out var router))
        {
            return router.Policy.StepLimits;
        }

        var version = db.PolicyVersions.AsNoTracking().SingleOrDefault(v => v.Id == id);
        return version is null ? StepTimeLimits.Standard : RouterOf(version).Policy.StepLimits;
    }

    private static int NextNumber(FenquanDbContext db, CountyId county, UnitId unit) =>
        (db.PolicyVersions.AsNoTracking().Where(v => v.CountyId == county && v.UnitId == unit).Max(v => (int?)v.Number) ?? 0) + 1;

    // The caller's today is the county's (China) date of the write; a day either way is allowed for a
    // write begun just before midnight, anything further is a wrong "today".
    private static Refusal? CheckToday(WriteContext ctx, DateOnly today)
    {
        var county = ChinaTime.DateOf(ctx.Now);
        return Math.Abs(today.DayNumber - county.DayNumber) <= 1 ? null
            : Refusal.Because(Refusal.InvalidId, "NotToday", "{day} is not today ({today}).", ("day", Day(today)), ("today", Day(county)));

        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IQueryable<PolicyProposal> WithSteps(IQueryable<PolicyProposal> proposals) =>
        proposals.Include(p => p.Steps.OrderBy(s => s.Sequence));

    private static PolicyProposal? Proposal(IQueryable<PolicyProposal> proposals, CountyId county, PolicyProposalId id) =>
        WithSteps(proposals).SingleOrDefault(p => p.Id == id && p.CountyId == county);

    private Task<Result<T>> OnMeeting<T>(CountyId county, MeetingId meetingId, string kind, Func<WriteContext, Meeting, Result<T>> work) =>
        writer.ExecuteAsync(county, kind, ctx =>
        {
            var meeting = MeetingOperations.Load(ctx.Db, county, meetingId);
            return meeting is null ? Refusal.NotFound($"Meeting {meetingId}") : work(ctx, meeting);
        });
}
