using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Ocds;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Construction;

/// <summary>
/// A construction project as one OCDS contracting process (R22: its tender method, procedure and
/// result are public): the tender through the district tender office once recorded, the tenderers
/// once the evaluation committee ranked their bids, the award when the team's choice of contractor
/// (R21) is approved, the contract once signed, each approved variation order (R19) as a contract
/// amendment carrying the contract's new value, and each payment on the contract as an
/// implementation transaction. A release is dated when what it says became known: a day recorded
/// without a time counts from its start (UTC), and never before the award it follows.
/// </summary>
public static class ConstructionProcess
{
    /// <summary>
    /// The process of <paramref name="project"/>, or null before its tender. <paramref name="partyOf"/>
    /// names a counterparty as it may be published (a company by its credit code, a person never by
    /// an ID number).
    /// </summary>
    public static ContractingProcess? Of(ConstructionProject project, string prefix, OcdsParty buyer, Matter? contractorChoice,
        IReadOnlyCollection<Matter> variationMatters, IReadOnlyCollection<Payment> payments, Func<CounterpartyId, string, OcdsParty> partyOf)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(variationMatters);
        ArgumentNullException.ThrowIfNull(payments);
        ArgumentNullException.ThrowIfNull(partyOf);
        if (project is not { Method: { } method, TenderedOn: { } tenderedOn, TenderOfficeReference: { } reference })
        {
            return null;
        }

        var ocid = OcdsPrefix.Ocid(prefix, project.Id);
        var tender = new OcdsTender(reference, project.Title, project.Budget, MethodOf(method), DetailsOf(method), StartOf(tenderedOn), project.Justification);
        var tenderers = project.RankedOn is { } ranked
            ? new OcdsTenderers([.. project.Bids.OrderBy(b => b.Rank).Select(b => partyOf(b.BidderId, b.BidderName))], StartOf(ranked))
            : null;
        if (contractorChoice is not { State: MatterState.Approved } choice || project.ChosenBidId is not { } chosen || project.Bids.FirstOrDefault(b => b.Id == chosen) is not { } bid)
        {
            return new ContractingProcess(ocid, project.Title, buyer, tender, [], []) { Tenderers = tenderers };
        }

        var awardedAt = ApprovedAt(choice);
        var awardId = choice.Id.Value.ToString("D");
        var contractor = partyOf(bid.BidderId, bid.BidderName);
        var award = new OcdsAward(awardId, project.Title, choice.DecidedTerms?.Amount ?? choice.Amount, [contractor], awardedAt);
        if (project is not { ContractAmount: { } amount, SignedOn: { } signed, ContractReference: { } contractReference })
        {
            return new ContractingProcess(ocid, project.Title, buyer, tender, [award], []) { Tenderers = tenderers };
        }

        var contractedAt = Max(StartOf(signed), awardedAt);
        var contract = new OcdsContract(contractReference, awardId, project.Title, amount, StartOf(signed), project.WorksFrom, project.WorksUntil) { Date = contractedAt };

        // Each approved variation adds to the contract's value, in the order they were approved, at the amount a meeting decided where one did.
        var value = amount;
        var amendments = new List<OcdsAmendment>();
        foreach (var variation in variationMatters.Where(m => m.State == MatterState.Approved && project.Variations.Any(v => v.MatterId == m.Id))
                     .Select(m => (Matter: m, At: Max(ApprovedAt(m), contractedAt))).OrderBy(v => v.At))
        {
            value += Math.Min(variation.Matter.DecidedTerms?.Amount ?? variation.Matter.Amount, variation.Matter.Amount);
            amendments.Add(new OcdsAmendment(variation.Matter.Id.Value.ToString("D"), contractReference, value, variation.Matter.Title, variation.At));
        }

        var transactions = payments.Where(p => p.MatterId == choice.Id).OrderBy(p => p.RecordedAt)
            .Select(p => new OcdsTransaction(p.Id.ToString("D"), contractReference, p.Amount, contractor, Max(p.RecordedAt, contractedAt))).ToList();
        return new ContractingProcess(ocid, project.Title, buyer, tender, [award], [contract]) { Tenderers = tenderers, Amendments = amendments, Transactions = transactions };
    }

    // OCDS's closed codelist says who may bid: 公开招标 anyone, 邀请招标 those invited (selective),
    // 竞争性谈判 those the buyer chose to negotiate with (limited), 单一来源 one (direct).
    private static OcdsMethod MethodOf(TenderMethod method) => method switch
    {
        TenderMethod.Open => OcdsMethod.Open,
        TenderMethod.Invited => OcdsMethod.Selective,
        TenderMethod.CompetitiveNegotiation => OcdsMethod.Limited,
        TenderMethod.SingleSource => OcdsMethod.Direct,
        _ => OcdsMethod.Open,
    };

    private static string DetailsOf(TenderMethod method) => method switch
    {
        TenderMethod.Open => "公开招标 (open tender)",
        TenderMethod.Invited => "邀请招标 (invited tender)",
        TenderMethod.CompetitiveNegotiation => "竞争性谈判 (competitive negotiation)",
        TenderMethod.SingleSource => "单一来源 (single source)",
        _ => method.ToString(),
    };

    // An approved matter's last action approved it.
    private static DateTimeOffset ApprovedAt(Matter matter) => matter.Actions.Count == 0 ? matter.SubmittedAt : matter.Actions.Max(a => a.At);

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
