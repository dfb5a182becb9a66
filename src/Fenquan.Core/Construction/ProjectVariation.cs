using Fenquan.Core.Primitives;

namespace Fenquan.Core.Construction;

/// <summary>
/// A variation order (工程变更) of a contracted project: its own matter, re-approved on its route
/// (R19), linked here with its amount and whether, with the variations before it, it went beyond the
/// project's share of the contract and so to a collective decision (R21, R43).
/// </summary>
public sealed class ProjectVariation
{
    private ProjectVariation()
    {
    }

    internal ProjectVariation(ConstructionProject project, MatterId matter, decimal amount, bool beyondShare, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = project.CountyId;
        ProjectId = project.Id;
        MatterId = matter;
        Amount = amount;
        BeyondShare = beyondShare;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public Guid ProjectId { get; private set; }

    public MatterId MatterId { get; private set; }

    /// <summary>Yuan, above zero: what the variation adds to the contract once approved.</summary>
    public decimal Amount { get; private set; }

    /// <summary>Whether the variations with this one passed the share of the contract, so that it needed a meeting.</summary>
    public bool BeyondShare { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
