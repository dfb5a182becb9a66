using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    Succeeded,

    /// <summary>Wrong password (or unknown second factor code).</summary>
    Failed,

    /// <summary>Refused because the account is locked out after too many failures.</summary>
    LockedOut,

    /// <summary>The password was right; the second factor is still to come.</summary>
    TwoFactorRequired,

    /// <summary>Refused because the account may not sign in (e.g. no longer a member of any unit).</summary>
    NotAllowed,
}

/// <summary>
/// One sign-in attempt on an account of the county (R44: sign-ins and failed sign-ins are ledgered,
/// so nobody can later deny having signed in, nor hide a run of guesses). An immutable row.
/// </summary>
public sealed class SignInRecord
{
    private SignInRecord()
    {
        UserName = string.Empty;
    }

    public SignInRecord(Guid id, CountyId countyId, PersonId? personId, string userName, SignInOutcome outcome, string? remoteAddress, DateTimeOffset at)
    {
        Id = id;
        CountyId = countyId;
        PersonId = personId;
        UserName = userName;
        Outcome = outcome;
        RemoteAddress = remoteAddress;
        At = at;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    /// <summary>The person of the account; null for an account that is not a person (a county administrator).</summary>
    public PersonId? PersonId { get; private set; }

    public string UserName { get; private set; }

    public SignInOutcome Outcome { get; private set; }

    public string? RemoteAddress { get; private set; }

    public DateTimeOffset At { get; private set; }

    public bool Succeeded => Outcome == SignInOutcome.Succeeded;
}
