using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Inspection;

/// <summary>
/// Who may not inspect a claim (R8, R6): whoever initiated it, is paid by it (or is a declared
/// relative of its payee), or took part in deciding it (every actor of its steps, and whoever they
/// stood in for).
/// </summary>
public static class ClaimInterest
{
    public static IReadOnlySet<PersonId> Of(Matter matter)
    {
        ArgumentNullException.ThrowIfNull(matter);
        var people = new HashSet<PersonId> { matter.InitiatorId };
        if (matter.Payee.PersonId is { } payee)
        {
            people.Add(payee);
        }

        people.UnionWith(matter.PayeeRelatives);
        foreach (var action in matter.Actions)
        {
            people.Add(action.ActorId);
            if (action.OnBehalfOf is { } principal)
            {
                people.Add(principal);
            }
        }

        return people;
    }
}
