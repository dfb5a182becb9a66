using System.Globalization;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.CountyChanges;

/// <summary>
/// What a change of the county's bounds (R2, R3, R4, R5, R16) does to its units, decided before it
/// is proposed, when it is confirmed, and again whenever a named unit publishes a policy version or
/// changes a portfolio. A change is refused, naming its rule, when the bounds themselves cannot be
/// met by any unit (a range that is no range, or that ends above the collective limit), when
/// turning off the sixth area would orphan open 执法 matters (R2), or when a unit could not comply
/// with a new R3 switch however it assigned its portfolios (too few deputies). Otherwise it lists
/// the units that do not comply yet — their latest policy fails verification under the new bounds
/// where it passed under the old, or their portfolios in force break a switch being turned on —
/// and the confirmed change waits for them (<see cref="CountyChangeState.AwaitingUnits"/>).
/// </summary>
public static class BoundsChange
{
    /// <summary>The units that must change before <paramref name="proposed"/> can take effect, or the refusal.</summary>
    public static Result<IReadOnlyList<UnitStanding>> Check(CountyBounds current, CountyBounds proposed, IReadOnlyList<UnitStanding> units, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(units);
        if (Reachable(proposed) is { } unreachable)
        {
            return unreachable;
        }

        if (current.LawEnforcementEnabled && !proposed.LawEnforcementEnabled && units.Where(u => u.HasOpenLawEnforcementMatters).ToList() is { Count: > 0 } open)
        {
            return Refusal.Because("R2", "OpenLawEnforcementMatters",
                "Law enforcement 执法 cannot stop being a restricted area while {units} have open law-enforcement matters: decide or withdraw them first.",
                ("units", Names(open)));
        }

        var waiting = units.Where(u => !Complies(u, current, proposed, today)).ToList();
        var stuck = waiting.Where(u => !CanComplyWithSwitches(u, proposed, today)).ToList();
        if (stuck.Count > 0)
        {
            return Refusal.Because("R3", "UnitCannotComply",
                "{units} cannot comply: with the deputies they have on {date}, one deputy must hold every restricted area or the discipline-inspection member must hold one. Add deputies first, or leave the switch off.",
                ("units", Names(stuck)), ("date", TeamRules.D(today)));
        }

        return Result<IReadOnlyList<UnitStanding>>.Ok(waiting);
    }

    /// <summary>
    /// Whether the unit meets <paramref name="proposed"/>: its latest policy fails no check under it
    /// that it passed under <paramref name="current"/> (a unit is not held to account by a bounds
    /// change for failures it already had), and its portfolios, as they stand from their latest change, break no R3 switch.
    /// </summary>
    public static bool Complies(UnitStanding unit, CountyBounds current, CountyBounds proposed, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        if (unit.Policy is { } policy)
        {
            var before = PolicyVerifier.Verify(policy, current).Failures.Select(f => f.ToString()).ToHashSet(StringComparer.Ordinal);
            if (PolicyVerifier.Verify(policy, proposed).Failures.Any(f => !before.Contains(f.ToString())))
            {
                return false;
            }
        }

        // As the portfolios stand from their latest change: a reassignment from tomorrow counts.
        var date = unit.Portfolios.Select(a => a.From).Append(today).Max();
        var held = unit.Portfolios.Where(a => a.IsInForceOn(date) && proposed.RestrictedAreas.Contains(a.Area)).ToList();
        if (proposed.ForbidDisciplineMemberPortfolio && held.Any(a => Holds(unit, a.DeputyId, Role.DisciplineMember, date)))
        {
            return false;
        }

        return !proposed.ForbidSingleDeputyHoldingAll
            || !held.GroupBy(a => a.DeputyId).Any(g => proposed.RestrictedAreas.All(area => g.Any(a => a.Area == area)));
    }

    /// <summary>R4, R16, R5: ranges any unit can choose a limit from, at or below the collective limit C, in whole fen.</summary>
    private static Refusal? Reachable(CountyBounds bounds)
    {
        if (bounds.Check() is { IsOk: false } range)
        {
            return range.Refusal;
        }

        var c = Money(bounds.CollectiveLimit);
        if (bounds.SmallExpenseMax > bounds.CollectiveLimit || !WholeFen(bounds.SmallExpenseMin) || !WholeFen(bounds.SmallExpenseMax))
        {
            return Refusal.Because("R4", "SmallExpenseAboveCollective",
                "The small-expense range {min}–{max} must be in whole fen and end at or below the collective limit C {c}: above C every expense goes to a collective decision (R5).",
                ("min", Money(bounds.SmallExpenseMin)), ("max", Money(bounds.SmallExpenseMax)), ("c", c));
        }

        if (bounds.PurchaseMax > bounds.CollectiveLimit || !WholeFen(bounds.PurchaseMin) || !WholeFen(bounds.PurchaseMax))
        {
            return Refusal.Because("R16", "PurchaseAboveCollective",
                "The purchase range {min}–{max} must be in whole fen and end at or below the collective limit C {c}: above C a purchase needs a principal's consent (R17).",
                ("min", Money(bounds.PurchaseMin)), ("max", Money(bounds.PurchaseMax)), ("c", c));
        }

        return WholeFen(bounds.CollectiveLimit)
            ? null
            : Refusal.Because("R5", "CollectiveNotWholeFen", "The collective limit C {c} is not a whole number of fen.", ("c", bounds.CollectiveLimit.ToString(CultureInfo.InvariantCulture)));
    }

    // R3: portfolios can always be reassigned to comply, unless the unit lacks the deputies to do it.
    private static bool CanComplyWithSwitches(UnitStanding unit, CountyBounds bounds, DateOnly today)
    {
        var eligible = unit.Memberships
            .Where(m => m.Role == Role.Deputy && m.IsInForceOn(today))
            .Select(m => m.PersonId)
            .Distinct()
            .Count(p => !bounds.ForbidDisciplineMemberPortfolio || !Holds(unit, p, Role.DisciplineMember, today));
        var needed = bounds.ForbidSingleDeputyHoldingAll ? 2 : 1;
        var assigned = unit.Portfolios.Any(a => a.IsInForceOn(today));
        return !assigned || eligible >= needed;
    }

    private static bool Holds(UnitStanding unit, PersonId person, Role role, DateOnly today) =>
        unit.Memberships.Any(m => m.PersonId == person && m.Role == role && m.IsInForceOn(today));

    private static bool WholeFen(decimal amount) => decimal.Round(amount, 2) == amount;

    private static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>The units' names, joined for a refusal or a notice.</summary>
    public static string Names(IEnumerable<UnitStanding> units) => string.Join("、", units.Select(u => u.Name));
}
