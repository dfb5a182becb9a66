using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Delegation;

public readonly record struct DelegationId(Guid Value)
{
    public static DelegationId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString("D");
}

/// <summary>
/// A request to delegate one role's steps while away (代理). <see cref="Areas"/> narrows the
/// delegation to matters of those areas; empty means every area the role covers (for a deputy: all
/// of their portfolio on the start date).
/// </summary>
public sealed record CreateDelegation(
    CountyId CountyId,
    UnitId UnitId,
    PersonId DelegatorId,
    PersonId DelegateId,
    Role Role,
    IReadOnlyList<Area> Areas,
    DateTimeOffset From,
    DateTimeOffset Until);

/// <summary>
/// 代理: while <see cref="DelegatorId"/> is away, <see cref="DelegateId"/> may act on their steps
/// of <see cref="Role"/> in <see cref="Areas"/> (empty: all areas) from <see cref="From"/>
/// (inclusive) until <see cref="Until"/> (exclusive), unless revoked earlier. Created only through
/// <see cref="Create"/>, which checks who may receive the role; every action taken under it is
/// checked again at action time (<see cref="DelegationRules.CheckActing"/>), so a delegation never
/// lets anyone act where the rules forbid them.
/// </summary>
public sealed class Delegation
{
    private Delegation()
    {
        Areas = [];
    }

    private Delegation(CreateDelegation command, IReadOnlyList<Area> areas, DateTimeOffset now)
    {
        Id = DelegationId.New();
        CountyId = command.CountyId;
        UnitId = command.UnitId;
        DelegatorId = command.DelegatorId;
        DelegateId = command.DelegateId;
        Role = command.Role;
        Areas = areas;
        From = command.From;
        Until = command.Until;
        CreatedAt = now;
    }

    public DelegationId Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    /// <summary>The person who is away (被代理人).</summary>
    public PersonId DelegatorId { get; private set; }

    /// <summary>The person who acts for them (代理人).</summary>
    public PersonId DelegateId { get; private set; }

    /// <summary>The delegator's role whose steps are delegated.</summary>
    public Role Role { get; private set; }

    /// <summary>The areas covered, in order; empty means every area.</summary>
    public IReadOnlyList<Area> Areas { get; private set; }

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset Until { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public PersonId? RevokedBy { get; private set; }

    /// <summary>In force at the instant: within the period and not revoked by then.</summary>
    public bool IsActiveAt(DateTimeOffset at) => From <= at && at < Until && (RevokedAt is null || at < RevokedAt);

    public bool Covers(Area area) => Areas.Count == 0 || Areas.Contains(area);

    /// <summary>Checks the delegation rules (<see cref="DelegationRules.CheckCreate"/>) and makes the row.</summary>
    public static Result<Delegation> Create(CreateDelegation command, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(org);
        var areas = DelegationRules.CheckCreate(command, org, now);
        return areas.IsOk ? Result<Delegation>.Ok(new Delegation(command, areas.Value, now)) : areas.Refusal!;
    }

    /// <summary>
    /// Ends the delegation now. The delegator or the delegate may revoke it (the delegate declines);
    /// a revoked or finished delegation cannot be revoked again. History is kept: the row stays.
    /// </summary>
    public Outcome Revoke(PersonId by, DateTimeOffset now)
    {
        if (by != DelegatorId && by != DelegateId)
        {
            return Refusal.Because(DelegationRules.RuleId, "RevokedByStranger", "Only the delegator or the delegate may revoke a delegation.");
        }

        if (RevokedAt is not null)
        {
            return Refusal.Because(DelegationRules.RuleId, "AlreadyRevoked", "The delegation is already revoked.");
        }

        if (now >= Until)
        {
            return Refusal.Because(DelegationRules.RuleId, "AlreadyEnded", "The delegation has already ended.");
        }

        RevokedAt = now;
        RevokedBy = by;
        return Outcome.Ok;
    }
}
