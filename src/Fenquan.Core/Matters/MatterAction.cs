using Fenquan.Core.Primitives;

namespace Fenquan.Core.Matters;

/// <summary>
/// One action on one step of one round: an immutable row (STYLE habit 6). A matter's current step
/// and state are derived from these rows; they are never edited or deleted.
/// </summary>
public sealed class MatterAction
{
    private MatterAction()
    {
        Comment = string.Empty;
    }

    internal MatterAction(ActionId id, MatterId matterId, CountyId countyId, int round, int stepIndex, ActionKind kind, PersonId actorId, string comment, string? externalReference, DateTimeOffset at, PersonId? onBehalfOf = null)
    {
        Id = id;
        MatterId = matterId;
        CountyId = countyId;
        Round = round;
        StepIndex = stepIndex;
        Kind = kind;
        ActorId = actorId;
        Comment = comment;
        ExternalReference = externalReference;
        At = at;
        OnBehalfOf = onBehalfOf;
    }

    public ActionId Id { get; private set; }

    public MatterId MatterId { get; private set; }

    public CountyId CountyId { get; private set; }

    /// <summary>The approval round (R42), from 1.</summary>
    public int Round { get; private set; }

    /// <summary>The index of the step in the round's route, from 0.</summary>
    public int StepIndex { get; private set; }

    public ActionKind Kind { get; private set; }

    public PersonId ActorId { get; private set; }

    /// <summary>
    /// The person <see cref="ActorId"/> stood in for under a delegation (代理); null when they acted
    /// in their own right. The action counts as both people's for segregation of duties.
    /// </summary>
    public PersonId? OnBehalfOf { get; private set; }

    public string Comment { get; private set; }

    /// <summary>Meeting / minutes reference (R43) or procurement-centre / tender reference (R18, R20).</summary>
    public string? ExternalReference { get; private set; }

    public DateTimeOffset At { get; private set; }
}
