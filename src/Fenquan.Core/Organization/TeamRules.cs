using System.Globalization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Organization;

/// <summary>R1: the shape of a unit's team. Pure checks over the membership history.</summary>
public static class TeamRules
{
    /// <summary>The most principals a unit may have on any date (R1: one or two).</summary>
    public const int MaxPrincipals = 2;

    /// <summary>
    /// Checks a proposed membership against the unit's existing ones (whole history): valid dates;
    /// no duplicate of the same role for the same person over overlapping periods; nobody is a
    /// principal and a deputy of the same unit at once; never more than two principals on any date.
    /// </summary>
    public static Outcome CheckMembership(Membership proposed, IEnumerable<Membership> existing, Func<PersonId, string>? nameOf = null)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(existing);
        var name = nameOf ?? (p => p.ToString());
        var who = name(proposed.PersonId);

        if (proposed.Until is { } until && until <= proposed.From)
        {
            return Refusal.Because("R1", "EndsBeforeStart", "The membership of {person} ends ({until}) on or before it starts ({from}).",
                ("person", who), ("until", D(until)), ("from", D(proposed.From)));
        }

        var sameUnit = existing.Where(m => m.UnitId == proposed.UnitId && m.Id != proposed.Id).ToList();

        var duplicate = sameUnit.FirstOrDefault(m => m.PersonId == proposed.PersonId && m.Role == proposed.Role && Overlaps(m, proposed));
        if (duplicate is not null)
        {
            return Refusal.Because("R1", "DuplicateRole", "{person} already holds the role {role} in this unit from {from}.",
                ("person", who), ("role", proposed.Role.ToString()), ("from", D(duplicate.From)));
        }

        if (proposed.Role is Role.Principal or Role.Deputy)
        {
            var other = proposed.Role == Role.Principal ? Role.Deputy : Role.Principal;
            var clash = sameUnit.FirstOrDefault(m => m.PersonId == proposed.PersonId && m.Role == other && Overlaps(m, proposed));
            if (clash is not null)
            {
                return Refusal.Because("R1", "PrincipalAndDeputy", "{person} is already {role} of this unit from {from}; one person cannot be both principal and deputy of a unit at once.",
                    ("person", who), ("role", other.ToString()), ("from", D(clash.From)));
            }
        }

        if (proposed.Role == Role.Principal)
        {
            var principals = sameUnit.Where(m => m.Role == Role.Principal && m.PersonId != proposed.PersonId && Overlaps(m, proposed)).ToList();

            // The count of principals only rises where a membership starts: check those dates.
            var dates = principals.Select(m => m.From).Where(d => d > proposed.From && proposed.IsInForceOn(d)).Append(proposed.From);
            foreach (var date in dates)
            {
                var inForce = principals.Where(m => m.IsInForceOn(date)).Select(m => m.PersonId).Distinct().ToList();
                if (inForce.Count + 1 > MaxPrincipals)
                {
                    return Refusal.Because("R1", "TooManyPrincipals", "On {date} the unit already has {count} principals ({principals}); a unit has one or two, so {person} cannot be added.",
                        ("date", D(date)), ("count", inForce.Count.ToString(CultureInfo.InvariantCulture)), ("principals", string.Join("、", inForce.Select(name))), ("person", who));
                }
            }
        }

        return Outcome.Ok;
    }

    /// <summary>R1: the unit has at least one and at most two principals on the date.</summary>
    public static Outcome CheckPrincipals(UnitId unit, DateOnly date, IOrganizationView org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var count = org.Principals(unit, date).Count;
        return count is >= 1 and <= MaxPrincipals
            ? Outcome.Ok
            : Refusal.Because("R1", "PrincipalCount", "On {date} the unit has {count} principals; it must have one or two.",
                ("date", D(date)), ("count", count.ToString(CultureInfo.InvariantCulture)));
    }

    private static bool Overlaps(Membership a, Membership b) =>
        (a.Until is null || b.From < a.Until) && (b.Until is null || a.From < b.Until);

    internal static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
