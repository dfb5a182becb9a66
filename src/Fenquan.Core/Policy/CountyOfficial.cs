using Fenquan.Core.Primitives;

namespace Fenquan.Core.Policy;

/// <summary>
/// A county administrator acting at the county (R40: the county approves a unit's policy): the
/// sign-in account that acts, and the person behind it when the account is linked to one. The web
/// makes one only for an account that is a county administrator; the core checks the rest — four
/// eyes (a second, different account and person) and that the official is not of the unit concerned.
/// </summary>
public sealed record CountyOfficial(string AccountId, PersonId? PersonId, string Name)
{
    /// <summary>Whether the two are the same pair of eyes: the same account, or the same person behind two accounts.</summary>
    public bool IsSameAs(CountyOfficial other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return AccountId == other.AccountId || (PersonId is { } person && person == other.PersonId);
    }
}
