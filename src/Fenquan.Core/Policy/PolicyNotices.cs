using System.Globalization;
using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Policy;

/// <summary>
/// R40: who is told of a county approval of a unit's policy. The county has no discipline unit of
/// its own in Fenquan's model, so its discipline inspection is taken, simply, as every person who
/// holds <see cref="Organization.Role.DisciplineMember"/> in any unit of the county on the day (the
/// inspection members the county commission has in its units). Each is told of each approval —
/// the first and the second, which puts the version in force — in the same unit of work.
/// </summary>
public static class PolicyNotices
{
    /// <summary>Text arguments: unit, proposal summary, official, which approval (1 or 2), effective date (empty on the first).</summary>
    public static IReadOnlyList<Notification> CountyApproval(PolicyProposal proposal, PolicyApproval approval, string unitName, IEnumerable<PersonId> disciplineInspection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(disciplineInspection);
        var which = proposal.CountyApprovals.Count.ToString(CultureInfo.InvariantCulture);
        var effective = approval.Version?.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
        return disciplineInspection.Distinct()
            .Select(p => Notification.To(proposal.CountyId, p, NotificationKind.PolicyApprovedAtCounty, proposal.Id.Value, [unitName, proposal.Summary, approval.Step.ActorName, which, effective], now))
            .ToList();
    }
}
