using Fenquan.Core.Primitives;

namespace Fenquan.Core.Counterparties;

/// <summary>Whether a counterparty is a company (or other organisation with a credit code) or an individual.</summary>
public enum CounterpartyKind
{
    /// <summary>A company or other organisation, by its unified social credit code.</summary>
    Company,

    /// <summary>An individual outside the county's staff (labour fees, subsidies), by their resident identity number.</summary>
    Individual,
}

/// <summary>
/// An external counterparty of the county (往来单位/个人): a payee that is not a person of the county.
/// R6: a matter pays a person of the county or a registered counterparty, never a free-text name, so
/// that who is paid is definite and those tied to the payee can be kept off the matter. Registered
/// once per county by its identifier; the register keeps who registered it and when, and every
/// change is a ledgered row.
/// </summary>
public sealed class Counterparty
{
    public const int MaxName = 200;

    private Counterparty()
    {
        Name = Identifier = RegisteredBy = string.Empty;
    }

    private Counterparty(CountyId county, CounterpartyKind kind, string name, string identifier, string registeredBy, DateTimeOffset at)
    {
        Id = CounterpartyId.New();
        CountyId = county;
        Kind = kind;
        Name = name;
        Identifier = identifier;
        RegisteredBy = registeredBy;
        RegisteredAt = at;
    }

    public CounterpartyId Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public CounterpartyKind Kind { get; private set; }

    /// <summary>The company's registered name, or the individual's name.</summary>
    public string Name { get; private set; }

    /// <summary>The unified social credit code or the resident identity number, normalised. Shown to people only as <see cref="MaskedIdentifier"/>.</summary>
    public string Identifier { get; private set; }

    /// <summary>The identifier as people see it: an ID number with its middle hidden.</summary>
    public string MaskedIdentifier => CounterpartyIdentifier.Masked(Kind, Identifier);

    /// <summary>Who registered it (their name and account), for the register's history.</summary>
    public string RegisteredBy { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>
    /// R6: registers a counterparty. Refused when the identifier is not a valid code or number of
    /// its kind, when the name is missing, and when <paramref name="existing"/> (the county's
    /// counterparty with the same identifier, if any) shows it is already registered.
    /// </summary>
    public static Result<Counterparty> Register(CountyId county, CounterpartyKind kind, string? name, string? identifier, string registeredBy, Counterparty? existing, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registeredBy);
        if (!Enum.IsDefined(kind))
        {
            return Refusal.Because(Refusal.InvalidId, "CounterpartyKind", "kind: a company or an individual.");
        }

        var trimmed = CheckName(name);
        if (!trimmed.IsOk)
        {
            return trimmed.Refusal!;
        }

        var normalised = CounterpartyIdentifier.Normalise(kind, identifier);
        if (!normalised.IsOk)
        {
            return normalised.Refusal!;
        }

        if (existing is not null && existing.CountyId == county && existing.Identifier == normalised.Value)
        {
            return Refusal.Because("R6", "CounterpartyRegistered", "{identifier} is already registered, as {name}: pay it under that entry.",
                ("identifier", existing.MaskedIdentifier), ("name", existing.Name));
        }

        return Result<Counterparty>.Ok(new Counterparty(county, kind, trimmed.Value, normalised.Value, registeredBy, now));
    }

    /// <summary>Corrects the registered name (a company renamed, a typing error); the identifier never changes.</summary>
    public Outcome Rename(string? name)
    {
        var trimmed = CheckName(name);
        if (!trimmed.IsOk)
        {
            return trimmed.Refusal!;
        }

        Name = trimmed.Value;
        return Outcome.Ok;
    }

    /// <summary>
    /// R6: the one registered counterparty a payee written by name or identifier stands for.
    /// <paramref name="candidates"/> are the county's counterparties of exactly that name or
    /// identifier; none is refused (register it first), more than one is refused (name it by its code).
    /// </summary>
    public static Result<Counterparty> Resolve(string written, IReadOnlyCollection<Counterparty> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates.Count switch
        {
            1 => Result<Counterparty>.Ok(candidates.First()),
            0 => Matters.Payee.NotRegistered(written),
            _ => Refusal.Because("R6", "PayeeAmbiguous", "{count} registered counterparties are called {name}: name the payee by its credit code or ID number.",
                ("count", candidates.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("name", written)),
        };
    }

    private static Result<string> CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        return trimmed.Length is 0 or > MaxName || trimmed.Any(char.IsControl)
            ? Refusal.Because("R6", "CounterpartyName", "A counterparty needs its registered name (1 to {max} characters).", ("max", MaxName.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : Result<string>.Ok(trimmed);
    }
}
