using Fenquan.Core.CountyChanges;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.CountyAdministration;

/// <summary>
/// A change to who administers the county (R40: county data under four eyes): a county
/// administrator proposes to make an account an administrator (<see cref="AdministratorChangeKind.Grant"/>)
/// or to take that away (<see cref="AdministratorChangeKind.Revoke"/>), and it takes effect when a
/// different administrator confirms it. Bootstrap: while the county has exactly one administrator,
/// that administrator's grant of a second takes effect at once, since nobody else exists to confirm;
/// the row says so (<see cref="Bootstrap"/>). A revocation never removes the last administrator.
/// The row is the decision record, ledgered like every row; the sign-in accounts follow it.
/// <paramref name="administrators"/> in the methods is the county's administrator accounts now.
/// </summary>
public sealed class AdministratorGrant
{
    private AdministratorGrant()
    {
        Account = string.Empty;
        ProposedBy = string.Empty;
        ProposedByName = string.Empty;
    }

    private AdministratorGrant(CountyId county, AdministratorChangeKind kind, string account, PersonId? person, CountyOfficial proposer, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = county;
        Kind = kind;
        Account = account;
        PersonId = person;
        ProposedBy = proposer.Account;
        ProposedByName = proposer.Name;
        ProposedAt = now;
        State = AdministratorGrantState.Pending;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public AdministratorChangeKind Kind { get; private set; }

    /// <summary>The sign-in account (user name) that gains or loses county administration.</summary>
    public string Account { get; private set; }

    /// <summary>The person the account belongs to, when it belongs to one.</summary>
    public PersonId? PersonId { get; private set; }

    public string ProposedBy { get; private set; }

    public string ProposedByName { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public AdministratorGrantState State { get; private set; }

    /// <summary>The confirming administrator: never the proposer, except in a bootstrap grant.</summary>
    public string? ConfirmedBy { get; private set; }

    public string? ConfirmedByName { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>
    /// True when the grant took effect at once because its proposer was the county's only
    /// administrator and nobody else existed to confirm it (the first county administrator's second).
    /// </summary>
    public bool Bootstrap { get; private set; }

    /// <summary>When it was withdrawn.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// A county administrator proposes to grant or revoke county administration of
    /// <paramref name="account"/>. <paramref name="pending"/> is the county's pending changes.
    /// </summary>
    public static Result<AdministratorGrant> Propose(
        CountyId county,
        AdministratorChangeKind kind,
        string account,
        PersonId? person,
        CountyOfficial proposer,
        IReadOnlyCollection<string> administrators,
        IReadOnlyCollection<AdministratorGrant> pending,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(proposer);
        ArgumentNullException.ThrowIfNull(administrators);
        ArgumentNullException.ThrowIfNull(pending);
        if (!Enum.IsDefined(kind))
        {
            return Refusal.Because(Refusal.InvalidId, "GrantKind", "kind: Grant or Revoke.");
        }

        var name = account?.Trim() ?? string.Empty;
        if (name.Length == 0 || name.Length > 256)
        {
            return Refusal.Because(Refusal.InvalidId, "GrantAccount", "account: the user name of a sign-in account.");
        }

        if (!Holds(administrators, proposer.Account))
        {
            return CountyOfficial.OfficialsOnly;
        }

        if (Effect(kind, name, administrators) is { } refusal)
        {
            return refusal;
        }

        if (pending.Any(p => p.State == AdministratorGrantState.Pending && string.Equals(p.Account, name, StringComparison.OrdinalIgnoreCase)))
        {
            return Refusal.Because("R40", "AdministratorChangePending",
                "A change to {account}'s county administration is already pending: confirm or withdraw it first.",
                ("account", name));
        }

        var grant = new AdministratorGrant(county, kind, name, person, proposer, now);
        if (kind == AdministratorChangeKind.Grant && administrators.Count == 1)
        {
            grant.Take(proposer, now);
            grant.Bootstrap = true;
        }

        return Result<AdministratorGrant>.Ok(grant);
    }

    /// <summary>
    /// Four eyes (R40): a county administrator other than the proposer confirms, and the change
    /// takes effect. The effect is checked again against the administrators now: a revocation that
    /// would leave the county without an administrator is refused however it was proposed.
    /// </summary>
    public Outcome Confirm(CountyOfficial by, IReadOnlyCollection<string> administrators, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(administrators);
        if (!Holds(administrators, by.Account))
        {
            return CountyOfficial.OfficialsOnly;
        }

        if (NotPending() is { } closed)
        {
            return closed;
        }

        if (by.IsSameAs(ProposedBy))
        {
            return Refusal.Because("R40", "AdministratorProposerCannotConfirm",
                "{official} proposed this change to {account}'s county administration and cannot confirm it: a different county administrator must (four eyes).",
                ("official", by.Name), ("account", Account));
        }

        if (Effect(Kind, Account, administrators) is { } refusal)
        {
            return refusal;
        }

        Take(by, now);
        return Outcome.Ok;
    }

    /// <summary>The proposer takes back a pending change; nobody else can.</summary>
    public Outcome Withdraw(CountyOfficial by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (NotPending() is { } closed)
        {
            return closed;
        }

        if (!by.IsSameAs(ProposedBy))
        {
            return Refusal.Because("R40", "AdministratorOnlyProposerWithdraws",
                "Only {proposer}, who proposed this change to {account}'s county administration, can withdraw it.",
                ("proposer", ProposedByName), ("account", Account));
        }

        State = AdministratorGrantState.Withdrawn;
        ClosedAt = now;
        return Outcome.Ok;
    }

    /// <summary>
    /// The county's administrators as the confirmed changes make them: <paramref name="original"/>
    /// (accounts that were administrators before any change, e.g. the first-run one) with every
    /// confirmed grant added and every confirmed revocation removed, in the order they took effect.
    /// </summary>
    public static IReadOnlySet<string> Administrators(IEnumerable<string> original, IEnumerable<AdministratorGrant> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var result = new HashSet<string>(original, StringComparer.OrdinalIgnoreCase);
        foreach (var change in changes.Where(c => c.State == AdministratorGrantState.Confirmed).OrderBy(c => c.ConfirmedAt).ThenBy(c => c.Id))
        {
            if (change.Kind == AdministratorChangeKind.Grant)
            {
                result.Add(change.Account);
            }
            else
            {
                result.Remove(change.Account);
            }
        }

        return result;
    }

    private static bool Holds(IEnumerable<string> administrators, string account) =>
        administrators.Contains(account, StringComparer.OrdinalIgnoreCase);

    private static Refusal? Effect(AdministratorChangeKind kind, string account, IReadOnlyCollection<string> administrators) => kind switch
    {
        AdministratorChangeKind.Grant when Holds(administrators, account) => Refusal.Because("R40", "AlreadyAdministrator",
            "{account} already is a county administrator.", ("account", account)),
        AdministratorChangeKind.Revoke when !Holds(administrators, account) => Refusal.Because("R40", "NotAnAdministrator",
            "{account} is not a county administrator.", ("account", account)),
        AdministratorChangeKind.Revoke when administrators.Count <= 1 => Refusal.Because("R40", "LastAdministrator",
            "{account} is the county's last administrator: a county always keeps one (grant another first).", ("account", account)),
        _ => null,
    };

    private void Take(CountyOfficial by, DateTimeOffset now)
    {
        State = AdministratorGrantState.Confirmed;
        ConfirmedBy = by.Account;
        ConfirmedByName = by.Name;
        ConfirmedAt = now;
    }

    private Refusal? NotPending() => State switch
    {
        AdministratorGrantState.Pending => null,
        AdministratorGrantState.Confirmed => Refusal.Because("R40", "AdministratorChangeConfirmed",
            "This change to {account}'s county administration was already confirmed by {confirmer}.",
            ("account", Account), ("confirmer", ConfirmedByName ?? string.Empty)),
        AdministratorGrantState.Withdrawn => Refusal.Because("R40", "AdministratorChangeWithdrawn",
            "This change to {account}'s county administration was withdrawn by its proposer.", ("account", Account)),
    };
}
