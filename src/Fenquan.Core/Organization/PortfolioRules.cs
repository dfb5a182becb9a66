using Fenquan.Core.Primitives;

namespace Fenquan.Core.Organization;

/// <summary>Assign a restricted area of a unit to a deputy from a date (分管).</summary>
public sealed record AssignPortfolio(CountyId CountyId, UnitId UnitId, Area Area, PersonId DeputyId, DateOnly From);

/// <summary>
/// The rows an accepted assignment changes: the assignment it replaces (now ended on the new
/// one's From date; null when the area had nobody) and the new assignment.
/// </summary>
public sealed record PortfolioChange(PortfolioAssignment? Ended, PortfolioAssignment Assigned);

/// <summary>
/// R3: every restricted area of a unit is assigned to exactly one deputy at a time, never to a
/// principal; [design] optionally never all areas to one deputy and none to the discipline member.
/// History is kept: a replaced assignment is ended, never deleted.
/// </summary>
public static class PortfolioRules
{
    /// <summary>
    /// Checks a proposed assignment against the unit's assignment and membership history and the
    /// county's bounds. The assignment in force on the proposed From date (started earlier) is
    /// treated as replaced — <see cref="Assign"/> ends it on that date; any other overlap is refused.
    /// </summary>
    public static Outcome CheckAssignment(
        PortfolioAssignment proposed,
        IReadOnlyList<PortfolioAssignment> existing,
        IReadOnlyList<Membership> memberships,
        CountyBounds bounds,
        Func<PersonId, string>? nameOf = null)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentNullException.ThrowIfNull(bounds);
        var name = nameOf ?? (p => p.ToString());
        var who = name(proposed.DeputyId);
        var from = TeamRules.D(proposed.From);
        var unit = proposed.UnitId;

        if (proposed.Until is { } until && until <= proposed.From)
        {
            return Refusal.Because("R3", "EndsBeforeStart", "The assignment of {area} to {person} ends ({until}) on or before it starts ({from}).",
                ("area", proposed.Area.ToString()), ("person", who), ("until", TeamRules.D(until)), ("from", from));
        }

        if (!bounds.RestrictedAreas.Contains(proposed.Area))
        {
            return Refusal.Because("R3", "NotRestrictedArea", "{area} is not a restricted area in this county (law enforcement is a sixth area only when the county enables it, R2).",
                ("area", proposed.Area.ToString()));
        }

        if (RoleRefusal(proposed.DeputyId, unit, proposed.From, proposed.Area, memberships, bounds, who) is { } notEligible)
        {
            return notEligible;
        }

        var sameArea = existing.Where(a => a.UnitId == unit && a.Area == proposed.Area && a.Id != proposed.Id).ToList();
        var replaced = Replaced(proposed, sameArea);
        if (replaced is not null && replaced.DeputyId == proposed.DeputyId)
        {
            return Refusal.Because("R3", "AlreadyInCharge", "{person} is already in charge of {area} on {from}.",
                ("person", who), ("area", proposed.Area.ToString()), ("from", from));
        }

        var overlap = sameArea.FirstOrDefault(a => a != replaced && Overlaps(a, proposed));
        if (overlap is not null)
        {
            return Refusal.Because("R3", "OverlappingAssignment", "{area} is assigned to {holder} from {held}, overlapping the new assignment from {from}; an area has exactly one deputy at a time.",
                ("area", proposed.Area.ToString()), ("holder", name(overlap.DeputyId)), ("held", TeamRules.D(overlap.From)), ("from", from));
        }

        if (bounds.ForbidSingleDeputyHoldingAll)
        {
            var own = existing.Where(a => a.UnitId == unit && a.DeputyId == proposed.DeputyId && a.Area != proposed.Area && a.Id != proposed.Id).ToList();

            // The deputy's set of areas only grows where one of their assignments starts.
            var dates = own.Select(a => a.From).Where(d => d > proposed.From && proposed.IsInForceOn(d)).Append(proposed.From);
            foreach (var date in dates)
            {
                var held = own.Where(a => a.IsInForceOn(date)).Select(a => a.Area).Append(proposed.Area).ToHashSet();
                if (bounds.RestrictedAreas.All(held.Contains))
                {
                    return Refusal.Because("R3", "DeputyHoldsAll", "On {date} {person} would be in charge of every restricted area; this county forbids one deputy holding all of them.",
                        ("date", TeamRules.D(date)), ("person", who));
                }
            }
        }

        return Outcome.Ok;
    }

    /// <summary>
    /// R3: who may take charge of a restricted area of the unit on the date — its deputies, never a
    /// principal, nor the discipline member where the county forbids it: the people
    /// <see cref="CheckAssignment"/> does not refuse for their role. Pages offer only these.
    /// </summary>
    public static IReadOnlyList<PersonId> EligibleDeputies(UnitId unit, DateOnly date, IReadOnlyList<Membership> memberships, CountyBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        ArgumentNullException.ThrowIfNull(bounds);
        return
        [
            .. memberships.Where(m => m.UnitId == unit && m.IsInForceOn(date)).Select(m => m.PersonId).Distinct()
                .Where(p => RoleRefusal(p, unit, date, bounds.RestrictedAreas.FirstOrDefault(), memberships, bounds, string.Empty) is null),
        ];
    }

    // R3: a principal never takes charge (五不直接分管), the discipline member not where the county forbids it, and only a deputy does.
    private static Refusal? RoleRefusal(PersonId person, UnitId unit, DateOnly on, Area area, IReadOnlyList<Membership> memberships, CountyBounds bounds, string who)
    {
        bool Holds(Role role) => memberships.Any(m => m.UnitId == unit && m.PersonId == person && m.Role == role && m.IsInForceOn(on));
        var from = TeamRules.D(on);
        if (Holds(Role.Principal))
        {
            return Refusal.Because("R3", "PrincipalInCharge", "{person} is a principal of the unit on {from}; {area} must be assigned to a deputy, never to a principal (五不直接分管).",
                ("person", who), ("from", from), ("area", area.ToString()));
        }

        if (bounds.ForbidDisciplineMemberPortfolio && Holds(Role.DisciplineMember))
        {
            return Refusal.Because("R3", "DisciplineMemberInCharge", "{person} is the unit's discipline-inspection member on {from}; this county forbids the discipline member taking charge of {area} or any restricted area.",
                ("person", who), ("from", from), ("area", area.ToString()));
        }

        return Holds(Role.Deputy) ? null
            : Refusal.Because("R3", "NotDeputy", "{person} is not a deputy of the unit on {from}; only a deputy can take charge of {area}.",
                ("person", who), ("from", from), ("area", area.ToString()));
    }

    /// <summary>
    /// Assigns the area to the deputy from the date: checks R3, then ends the current assignment
    /// (if any) on that date and returns it with the new one. Nothing changes when refused.
    /// </summary>
    public static Result<PortfolioChange> Assign(
        AssignPortfolio command,
        IReadOnlyList<PortfolioAssignment> existing,
        IReadOnlyList<Membership> memberships,
        CountyBounds bounds,
        Func<PersonId, string>? nameOf = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(existing);
        var proposed = new PortfolioAssignment(Guid.CreateVersion7(), command.CountyId, command.UnitId, command.Area, command.DeputyId, command.From);
        var check = CheckAssignment(proposed, existing, memberships, bounds, nameOf);
        if (!check.IsOk)
        {
            return check.Refusal!;
        }

        var replaced = Replaced(proposed, existing.Where(a => a.UnitId == command.UnitId && a.Area == command.Area).ToList());
        replaced?.End(command.From);
        return Result<PortfolioChange>.Ok(new PortfolioChange(replaced, proposed));
    }

    /// <summary>R3: the restricted areas of the unit with no deputy in charge on the date.</summary>
    public static IReadOnlyList<Area> Gaps(UnitId unit, DateOnly date, IOrganizationView org, CountyBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(bounds);
        return bounds.RestrictedAreas.Where(area => org.DeputyInCharge(unit, area, date) is null).ToList();
    }

    // The assignment a new one replaces: in force on its From date and started before it.
    private static PortfolioAssignment? Replaced(PortfolioAssignment proposed, IReadOnlyList<PortfolioAssignment> sameArea) =>
        sameArea.FirstOrDefault(a => a.From < proposed.From && a.IsInForceOn(proposed.From));

    private static bool Overlaps(PortfolioAssignment a, PortfolioAssignment b) =>
        (a.Until is null || b.From < a.Until) && (b.Until is null || a.From < b.Until);
}
