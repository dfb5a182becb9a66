namespace Fenquan.Core.Ocds;

/// <summary>
/// One contracting process as the OCDS builder reads it (R22: publication): neutral, so that a
/// catalogue purchase (R18) and a construction project (R20–R22) feed it alike. One
/// <see cref="Ocid"/> per process; amounts in yuan (CNY); each stage present — tender, awards,
/// contracts — becomes a release of its own.
/// </summary>
public sealed record ContractingProcess(string Ocid, string Title, OcdsParty Buyer, OcdsTender? Tender, IReadOnlyList<OcdsAward> Awards, IReadOnlyList<OcdsContract> Contracts)
{
    /// <summary>Every party the process names once: the buyer (also the procuring entity) and each award's suppliers.</summary>
    public IReadOnlyList<OcdsParty> Parties =>
        [Buyer, .. Awards.SelectMany(a => a.Suppliers).DistinctBy(s => s.Id)];
}

/// <summary>An organisation or person taking part: an id unique within the process, a name, and an identifier when one may be published.</summary>
public sealed record OcdsParty(string Id, string Name, string? IdentifierScheme = null, string? Identifier = null);

/// <summary>How the tender is run, as OCDS's closed codelist has it, with the local method's own words in <see cref="OcdsTender.MethodDetails"/>.</summary>
public enum OcdsMethod
{
    Open,
    Selective,
    Limited,
    Direct,
}

/// <summary>The tender stage: its id (the hand-off's reference), value, method and when it started.</summary>
public sealed record OcdsTender(string Id, string Title, decimal Value, OcdsMethod Method, string MethodDetails, DateTimeOffset Date);

/// <summary>An award: to whom, for how much, on which day (the day the release is dated is <see cref="Date"/>).</summary>
public sealed record OcdsAward(string Id, string Title, decimal Value, IReadOnlyList<OcdsParty> Suppliers, DateTimeOffset Date);

/// <summary>A contract signed on an award.</summary>
public sealed record OcdsContract(string Id, string AwardId, string Title, decimal Value, DateTimeOffset DateSigned);
