using Fenquan.Core.Primitives;
namespace Fenquan.Core.CountyChanges;

/// <summary>
/// A county official acting on county data: the sign-in account (its user name, stable and
/// readable in the ledger) and the name shown to others. Only callers that have established the
/// account is a county administrator make one; the four-eyes rule compares accounts, so one
/// person cannot both propose and confirm (R40).
/// </summary>
public sealed record CountyOfficial
{
    public CountyOfficial(string account, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        Account = account.Trim();
        Name = string.IsNullOrWhiteSpace(name) ? Account : name.Trim();
    }

    /// <summary>R40: the refusal of anyone but a county administrator proposing or confirming route-deciding county data.</summary>
    public static Refusal OfficialsOnly { get; } = Refusal.Because("R40", "CountyOfficialsOnly", "Only county administrators propose or confirm changes to the county's route-deciding data.");

    public string Account { get; }

    public string Name { get; }

    /// <summary>Whether the two are the same official: accounts compare without regard to case, as sign-in does.</summary>
    public bool IsSameAs(string account) => string.Equals(Account, account, StringComparison.OrdinalIgnoreCase);
}
