namespace Fenquan.Core.Ocds;

/// <summary>
/// One contracting process as the OCDS builder reads it (R22: publication): neutral, so that a
/// catalogue purchase (R18) and a construction project (R20–R22) feed it alike. One
/// <see cref="Ocid"/> per process; amounts in yuan (CNY); each stage present — tender, awards,
/// contracts, the tenderers once known, each contract amendment and each payment — becomes a release
/// of its own.
/// </summary>
public sealed record ContractingProcess(string Ocid, string Title, OcdsParty Buyer, OcdsTender? Tender, IReadOnlyList<OcdsAward> Awards, IReadOnlyList<OcdsContract> Contracts)
{
    /// <summary>Who bid, once the bids are in (a <c>tenderUpdate</c> release): none for a process whose bids are not recorded here.</summary>
    public OcdsTenderers? Tenderers { get; init; }

    /// <summary>Changes to a contract after signing (a construction project's variation orders), oldest first.</summary>
    public IReadOnlyList<OcdsAmendment> Amendments { get; init; } = [];

    /// <summary>Payments on a contract (<c>implementation</c> releases), oldest first.</summary>
    public IReadOnlyList<OcdsTransaction> Transactions { get; init; } = [];

    /// <summary>Every party the process names once: the buyer (also the procuring entity), the tenderers and each award's suppliers.</summary>
    public IReadOnlyList<OcdsParty> Parties =>
        [Buyer, .. (Tenderers?.Parties ?? []).Concat(Awards.SelectMany(a => a.Suppliers)).DistinctBy(s => s.Id)];
}

/// <summary>The tenderers (bidders) of a tender, published on the day their bids were evaluated.</summary>
public sealed record OcdsTenderers(IReadOnlyList<OcdsParty> Parties, DateTimeOffset Date);

/// <summary>A contract amendment: the contract's value with it, why, and when it was approved.</summary>
public sealed record OcdsAmendment(string Id, string ContractId, decimal ContractValue, string Rationale, DateTimeOffset Date);

/// <summary>A payment on a contract from the buyer to a supplier.</summary>
public sealed record OcdsTransaction(string Id, string ContractId, decimal Value, OcdsParty Payee, DateTimeOffset Date);

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

/// <summary>The tender stage: its id (the hand-off's reference), value, method (with the written rationale of a direct award) and when it started.</summary>
public sealed record OcdsTender(string Id, string Title, decimal Value, OcdsMethod Method, string MethodDetails, DateTimeOffset Date, string? MethodRationale = null);

/// <summary>An award: to whom, for how much, on which day (the day the release is dated is <see cref="Date"/>).</summary>
public sealed record OcdsAward(string Id, string Title, decimal Value, IReadOnlyList<OcdsParty> Suppliers, DateTimeOffset Date);

/// <summary>A contract signed on an award, published at <see cref="Date"/> (not before the award), with its term where known.</summary>
public sealed record OcdsContract(string Id, string AwardId, string Title, decimal Value, DateTimeOffset DateSigned, DateOnly? From = null, DateOnly? Until = null)
{
    public DateTimeOffset Date { get; init; } = DateSigned;
}
