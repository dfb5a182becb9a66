using Fenquan.Core.Primitives;

namespace Fenquan.Core.Policy;

/// <summary>What happened to a policy proposal (R40): each step is its own immutable row.</summary>
public enum PolicyProposalStepKind
{
    /// <summary>The unit's team agreed in a meeting whose minutes are final.</summary>
    Agreed,

    /// <summary>A county administrator approved; the second, by a different official, puts the version in force.</summary>
    CountyApproval,

    /// <summary>The unit administrator withdrew it.</summary>
    Withdrawn,

    /// <summary>A newer proposal of the unit replaced it.</summary>
    Superseded,
}

/// <summary>
/// One step of a policy proposal (R40): who did it, when, and what it refers to (the meeting item
/// of the team's agreement, the version the county's second approval put in force). Immutable;
/// the proposal's state is derived from these rows.
/// </summary>
public sealed class PolicyProposalStep
{
    private PolicyProposalStep()
    {
        ActorAccountId = ActorName = Reference = Reason = string.Empty;
    }

    internal PolicyProposalStep(PolicyProposal proposal, int sequence, PolicyProposalStepKind kind, string actorAccountId, PersonId? actorId, string actorName, string reference, string reason, PolicyVersionId? versionId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ProposalId = proposal.Id;
        CountyId = proposal.CountyId;
        Sequence = sequence;
        Kind = kind;
        ActorAccountId = actorAccountId;
        ActorId = actorId;
        ActorName = actorName;
        Reference = reference;
        Reason = reason;
        VersionId = versionId;
        At = at;
    }

    public Guid Id { get; private set; }

    public PolicyProposalId ProposalId { get; private set; }

    public CountyId CountyId { get; private set; }

    /// <summary>Order of the steps on the proposal, from 1.</summary>
    public int Sequence { get; private set; }

    public PolicyProposalStepKind Kind { get; private set; }

    /// <summary>The sign-in account of a county approval; empty for the other steps.</summary>
    public string ActorAccountId { get; private set; }

    /// <summary>The person who acted, when there is one (a county account may have none).</summary>
    public PersonId? ActorId { get; private set; }

    public string ActorName { get; private set; }

    /// <summary>Agreed: the meeting item (<c>meeting:{id}#{number}</c>); Superseded: the newer proposal's id.</summary>
    public string Reference { get; private set; }

    /// <summary>Withdrawn: why.</summary>
    public string Reason { get; private set; }

    /// <summary>The county's second approval: the version it put in force.</summary>
    public PolicyVersionId? VersionId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
