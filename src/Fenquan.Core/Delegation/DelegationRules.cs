using System.Globalization;
using Fenquan.Core.Access;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Delegation;

/// <summary>
/// Who may act for whom while away (代理), and when. Decisions [design]:
/// <list type="bullet">
/// <item>The delegate must hold the delegated role in the unit: a deputy's portfolio goes to another
/// deputy of the unit, an office reviewer's steps to another office reviewer, a principal's steps to
/// the other principal. "Staff of the office" is not a role this system knows, so an office clerk
/// who should review receives the OfficeReviewer role (a ledgered membership), never a delegation.</item>
/// <item>A deputy's portfolio never goes to a principal (R3/R4…: 五不直接分管, named by the first
/// restricted area delegated) nor to the discipline-inspection member (R3 [design]).</item>
/// <item>A delegation lasts at most <see cref="MaxPeriod"/> and cannot end in the past.</item>
/// <item>At action time everything is checked again on the matter's date (<see cref="CheckActing"/>).</item>
/// </list>
/// Refusals that no area rule covers name R7 (countersign with tiered responsibility: each
/// responsible person signs their own step, so who signs for whom is R7's question).
/// </summary>
public static class DelegationRules
{
    public const string RuleId = "R7";

    /// <summary>[design] The longest a delegation may last; a longer absence is a change of portfolio (R3).</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(90);

    /// <summary>Checks a new delegation; returns its areas, distinct and in order.</summary>
    public static Result<IReadOnlyList<Area>> CheckCreate(CreateDelegation command, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(org);
        if (command.DelegatorId == command.DelegateId)
        {
            return Refusal.Because(Refusal.InvalidId, "DelegateSelf", "A person cannot delegate to themselves.");
        }

        if (command.Until <= command.From)
        {
            return Refusal.Because(Refusal.InvalidId, "DelegationEndsBeforeStart", "A delegation must end after it starts.");
        }

        if (command.Until <= now)
        {
            return Refusal.Because(Refusal.InvalidId, "DelegationEndsInPast", "A delegation cannot end in the past.");
        }

        if (command.Until - command.From > MaxPeriod)
        {
            return Refusal.Because(Refusal.InvalidId, "DelegationTooLong", "A delegation lasts at most {days} days; a longer absence is a change of portfolio (R3).", ("days", MaxPeriod.TotalDays.ToString(CultureInfo.InvariantCulture)));
        }

        var areas = (command.Areas ?? []).Distinct().Order().ToList();
        var date = ChinaTime.DateOf(command.From > now ? command.From : now);
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var delegator = org.NameOf(command.DelegatorId);
        var @delegate = org.NameOf(command.DelegateId);
        if (!org.HoldsRole(command.UnitId, command.DelegatorId, command.Role, date))
        {
            return Refusal.Because(RuleId, "DelegatorLacksRole", "{delegator} was not a {role} of the unit on {day}; only a role one holds can be delegated.",
                ("delegator", delegator), ("role", command.Role.ToString()), ("day", day));
        }

        var eligible = CheckDelegate(command.UnitId, command.DelegateId, command.DelegatorId, command.Role, areas, org, date);
        return eligible.IsOk ? Result<IReadOnlyList<Area>>.Ok(areas) : eligible.Refusal!;
    }

    /// <summary>
    /// Whether <paramref name="delegate"/> could hold <paramref name="role"/> for the delegator on the
    /// date (see the class remarks). <paramref name="areas"/> empty means every area.
    /// </summary>
    public static Outcome CheckDelegate(UnitId unit, PersonId @delegate, PersonId delegator, Role role, IReadOnlyList<Area> areas, IOrganizationView org, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(areas);
        var who = org.NameOf(@delegate);
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        bool Holds(Role r) => org.HoldsRole(unit, @delegate, r, date);

        if (role == Role.Deputy)
        {
            var restricted = areas.Count > 0 ? areas : org.AreasInChargeOf(unit, delegator, date);
            if (Holds(Role.Principal))
            {
                var rule = restricted.Count > 0 ? MatterRules.AreaRule(restricted[0]) : "R3";
                var what = restricted.Count > 0 ? string.Join(", ", restricted) : "a deputy's steps";
                return Refusal.Because(rule, "PrincipalAsDeputy", "{person} is a principal: principals do not directly take charge of {areas} (五不直接分管), not even while the deputy is away.",
                    ("person", who), ("areas", what));
            }

            if (Holds(Role.DisciplineMember))
            {
                return Refusal.Because("R3", "DisciplineMemberAsDeputy", "{person} is the discipline-inspection member, who supervises the portfolio and may not hold it, not even while the deputy is away.",
                    ("person", who));
            }

            return Holds(Role.Deputy)
                ? Outcome.Ok
                : Refusal.Because("R3", "DelegateNotDeputy", "{person} was not a deputy of the unit on {day}; a deputy's portfolio goes only to another deputy.",
                    ("person", who), ("day", day));
        }

        return Holds(role)
            ? Outcome.Ok
            : Refusal.Because(RuleId, "DelegateLacksRole", "{person} was not a {role} of the unit on {day}; a {role}'s steps go only to someone who holds that role.",
                ("person", who), ("role", role.ToString()), ("day", day));
    }

    /// <summary>The roles whose holder may act on a step of this actor kind (<see cref="StepAuthority"/>'s table).</summary>
    public static IReadOnlyList<Role> RolesFor(ActorSpec actor) => StepAuthority.RolesFor(actor);

    /// <summary>
    /// At action time: an active delegation from <paramref name="onBehalfOf"/> to
    /// <paramref name="actor"/> in the unit covers the matter's area and a role that fits the step,
    /// and the delegate still could hold that role on the matter's date. (Segregation of duties and
    /// the delegator's own authority are checked by <see cref="Matter.Act(ActRequest, IOrganizationView, IDelegationView, DateTimeOffset)"/>.)
    /// </summary>
    public static Outcome CheckActing(IDelegationView delegations, IOrganizationView org, UnitId unit, Area area, RouteStep step, PersonId actor, PersonId onBehalfOf, DateOnly matterDate, DateTimeOffset now, StepPosition here)
    {
        ArgumentNullException.ThrowIfNull(delegations);
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(step);
        var who = org.NameOf(actor);
        var forWhom = org.NameOf(onBehalfOf);
        var roles = RolesFor(step.Actor);
        var active = delegations.ActiveFrom(unit, onBehalfOf, actor, now).Where(d => d.Covers(area) && roles.Contains(d.Role)).ToList();
        if (active.Count == 0)
        {
            return Refusal.Because(RuleId, "NoDelegationInForce", "{person} holds no delegation from {delegator} in force now that covers {area} and {step}; an expired or revoked delegation does not count.",
                ("person", who), ("delegator", forWhom), ("area", area.ToString()), ("step", here.ToString()));
        }

        Outcome refusal = Outcome.Ok;
        foreach (var delegation in active)
        {
            var eligible = CheckDelegate(unit, actor, onBehalfOf, delegation.Role, delegation.Areas.Count > 0 ? delegation.Areas : [area], org, matterDate);
            if (eligible.IsOk)
            {
                return Outcome.Ok;
            }

            refusal = eligible;
        }

        return refusal;
    }
}

/// <summary>"Which delegations from Y to X are in force at instant T in unit U" — answered from the rows.</summary>
public interface IDelegationView
{
    IReadOnlyList<Delegation> ActiveFrom(UnitId unit, PersonId delegator, PersonId @delegate, DateTimeOffset at);
}

/// <summary>An in-memory <see cref="IDelegationView"/> over a list of delegation rows.</summary>
public sealed class DelegationSet(IEnumerable<Delegation> delegations) : IDelegationView
{
    private readonly List<Delegation> _delegations = [.. delegations];

    /// <summary>No delegations: nobody acts for anybody.</summary>
    public static DelegationSet None { get; } = new([]);

    public IReadOnlyList<Delegation> ActiveFrom(UnitId unit, PersonId delegator, PersonId @delegate, DateTimeOffset at) =>
        _delegations.Where(d => d.UnitId == unit && d.DelegatorId == delegator && d.DelegateId == @delegate && d.IsActiveAt(at)).ToList();
}
