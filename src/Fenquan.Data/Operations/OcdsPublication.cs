using System.Globalization;
using System.Text.Json.Nodes;
using Fenquan.Core.Construction;
using Fenquan.Core.Counterparties;
using Fenquan.Core.Matters;
using Fenquan.Core.Ocds;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// The county's OCDS publication (R22): every catalogue purchase handed off to the procurement
/// centre or to tender (R18) as a contracting process — the hand-off is the tender, the centre's
/// result the award and the contract — and every construction project once tendered (R20–R22, see
/// <see cref="ConstructionProcess"/>), built by <see cref="OcdsBuilder"/>. Release packages per
/// county and calendar month (UTC) of the release date, records per ocid. The web serves them
/// publicly and <c>fenquan export --ocds</c> writes them; both read them here.
/// </summary>
public static class OcdsPublication
{
    /// <summary>The identifier scheme of a unified social credit code (统一社会信用代码) in org-id.guide.</summary>
    public const string CreditCodeScheme = "CN-SAMR";

    /// <summary>
    /// R22: the prefix the county's ocids start with: the one it registered (a four-eyes county
    /// change), or until then <paramref name="configured"/>, a placeholder (<see cref="OcdsPrefix.Demo"/>
    /// unless configured otherwise) that publication pages say is one.
    /// </summary>
    public static (string Prefix, bool Registered) PrefixOf(FenquanDbContext db, CountyId county, string configured) =>
        CountyChangeOperations.OcdsPrefixInForce(db, county) is { } registered ? (registered, true) : (configured, false);

    /// <summary>Where a month's release package is, under <paramref name="baseUri"/>.</summary>
    public static string ReleasesUri(string baseUri, CountyId county, string month) => $"{baseUri.TrimEnd('/')}/ocds/{county.Value:D}/releases/{month}.json";

    public static string RecordUri(string baseUri, CountyId county, string ocid) => $"{baseUri.TrimEnd('/')}/ocds/{county.Value:D}/records/{ocid}.json";

    /// <summary>The contracting processes of the county (or only the purchase or project <paramref name="only"/>), oldest tender first.</summary>
    public static IReadOnlyList<ContractingProcess> Processes(FenquanDbContext db, CountyId county, string prefix, Guid? only = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var handOffs = db.MatterActions.AsNoTracking().Where(a => a.CountyId == county && a.Kind == ActionKind.HandOff);
        if (only is { } one)
        {
            handOffs = handOffs.Where(a => a.MatterId == new MatterId(one));
        }

        var ids = handOffs.Join(db.Matters.Where(m => m.Kind == MatterKind.PurchasePlan && m.State == MatterState.Approved), a => a.MatterId, m => m.Id, (a, m) => m.Id)
            .Distinct().AsEnumerable().ToList();
        var catalogue = CountyChangeOperations.CatalogueInForce(db, county).Catalogue;
        var units = db.Units.AsNoTracking().Where(u => u.CountyId == county).ToDictionary(u => u.Id, u => u.Name);
        var processes = new List<ContractingProcess>();
        foreach (var id in ids)
        {
            var matter = MatterOperations.Load(db, county, id);
            if (matter is null || PurchaseResult.HandedOffAt(matter) is not { } handedOff)
            {
                continue;
            }

            var result = PurchaseOperations.ProgressOf(db, county, id).Result;
            processes.Add(Process(db, prefix, matter, handedOff, result, catalogue, units.GetValueOrDefault(matter.UnitId, string.Empty)));
        }

        processes.AddRange(ConstructionProcesses(db, county, prefix, units, only));
        return [.. processes.OrderBy(p => p.Tender!.Date)];
    }

    // R22: each construction project tendered through the district tender office, with its contractor's choice, variations and payments.
    private static IEnumerable<ContractingProcess> ConstructionProcesses(FenquanDbContext db, CountyId county, string prefix, IReadOnlyDictionary<UnitId, string> units, Guid? only)
    {
        var projects = db.Set<ConstructionProject>().AsNoTracking().Include(p => p.Bids).Include(p => p.Variations)
            .Where(p => p.CountyId == county && p.TenderedOn != null);
        if (only is { } one)
        {
            projects = projects.Where(p => p.Id == one);
        }

        foreach (var project in projects.AsEnumerable().ToList())
        {
            var choice = project.ContractorMatterId is { } id ? MatterOperations.Load(db, county, id) : null;
            var payments = choice is null ? [] : PaymentOperations.Of(db, county, choice.Id);
            var buyer = new OcdsParty("fq-unit-" + project.UnitId.Value.ToString("D"), units.GetValueOrDefault(project.UnitId, string.Empty));
            if (ConstructionProcess.Of(project, prefix, buyer, choice, ConstructionOperations.VariationMatters(db, project), payments, (bidder, name) => Party(db, county, bidder, name)) is { } process)
            {
                yield return process;
            }
        }
    }

    /// <summary>The release package of one month (yyyy-MM), or null when no release falls in it.</summary>
    public static JsonObject? ReleasePackage(FenquanDbContext db, CountyId county, string prefix, string baseUri, string month)
    {
        var releases = Processes(db, county, prefix).SelectMany(OcdsBuilder.Releases).Where(r => MonthOf(r) == month).ToList();
        return releases.Count == 0 ? null : OcdsBuilder.ReleasePackage(releases, ReleasesUri(baseUri, county, month), Publisher(db, county, baseUri), Latest(releases));
    }

    /// <summary>The record package of one ocid of the county, or null when it names no process of it.</summary>
    public static JsonObject? RecordPackage(FenquanDbContext db, CountyId county, string prefix, string baseUri, string ocid)
    {
        ArgumentNullException.ThrowIfNull(ocid);
        if (!ocid.StartsWith(prefix + "-", StringComparison.Ordinal) || !Guid.TryParseExact(ocid[(prefix.Length + 1)..], "D", out var id))
        {
            return null;
        }

        var process = Processes(db, county, prefix, id).SingleOrDefault();
        return process is null ? null : RecordPackageOf(db, county, baseUri, [process], RecordUri(baseUri, county, ocid));
    }

    /// <summary>Everything at once, for the export: each month's release package and each process's record package, by file name.</summary>
    public static IReadOnlyList<(string Path, JsonObject Package)> All(FenquanDbContext db, CountyId county, string prefix, string baseUri)
    {
        var processes = Processes(db, county, prefix);
        var files = new List<(string, JsonObject)>();
        foreach (var month in processes.SelectMany(OcdsBuilder.Releases).GroupBy(MonthOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            files.Add(($"releases/{month.Key}.json", OcdsBuilder.ReleasePackage(month, ReleasesUri(baseUri, county, month.Key), Publisher(db, county, baseUri), Latest([.. month]))));
        }

        foreach (var process in processes)
        {
            files.Add(($"records/{process.Ocid}.json", RecordPackageOf(db, county, baseUri, [process], RecordUri(baseUri, county, process.Ocid))));
        }

        return files;
    }

    private static JsonObject RecordPackageOf(FenquanDbContext db, CountyId county, string baseUri, IReadOnlyList<ContractingProcess> processes, string uri)
    {
        var records = processes.Select(p =>
        {
            var releases = OcdsBuilder.Releases(p);
            return (Record: OcdsBuilder.Record(releases, r => ReleasesUri(baseUri, county, MonthOf(r)) + "#" + (string)r["id"]!), Latest: Latest(releases));
        }).ToList();
        return OcdsBuilder.RecordPackage(records.Select(r => r.Record), uri, Publisher(db, county, baseUri), records.Max(r => r.Latest));
    }

    private static ContractingProcess Process(FenquanDbContext db, string prefix, Matter matter, DateTimeOffset handedOff, PurchaseResult? result, ProcurementCatalogue catalogue, string unitName)
    {
        var decided = matter.DecidedTerms?.Amount ?? matter.Amount;
        var method = result?.Method ?? catalogue.Find(matter.ItemCode ?? string.Empty)?.MethodFor(decided) ?? ProcurementMethod.ProcurementCentre;
        var reference = matter.CurrentRoundActions.Last(a => a.Kind == ActionKind.HandOff).ExternalReference ?? matter.Id.ToString();
        var buyer = new OcdsParty("fq-unit-" + matter.UnitId.Value.ToString("D"), unitName);
        var tender = new OcdsTender(reference, matter.Title, decided, OcdsMethodOf(method), DetailsOf(method), handedOff);
        if (result is null)
        {
            return new(OcdsPrefix.Ocid(prefix, matter.Id.Value), matter.Title, buyer, tender, [], []);
        }

        var supplier = Party(db, matter.CountyId, result.Supplier.CounterpartyId, result.Supplier.Name);
        var awardId = result.Id.ToString("D");
        var award = new OcdsAward(awardId, matter.Title, result.Amount, [supplier], result.RecordedAt);
        var contract = new OcdsContract(awardId + "-contract", awardId, matter.Title, result.Amount, result.RecordedAt);
        return new(OcdsPrefix.Ocid(prefix, matter.Id.Value), matter.Title, buyer, tender, [award], [contract]);
    }

    // A company is published by its credit code; an individual's ID number never is.
    private static OcdsParty Party(FenquanDbContext db, CountyId county, CounterpartyId? counterpartyId, string name)
    {
        var counterparty = counterpartyId is { } id ? CounterpartyOperations.Find(db, county, id) : null;
        return counterparty is { Kind: CounterpartyKind.Company }
            ? new OcdsParty(CreditCodeScheme + "-" + counterparty.Identifier, counterparty.Name, CreditCodeScheme, counterparty.Identifier)
            : new OcdsParty("fq-counterparty-" + (counterpartyId?.Value.ToString("D") ?? "unknown"), counterparty?.Name ?? name);
    }

    // OCDS's closed codelist says who may bid; the local method is kept in its details.
    private static OcdsMethod OcdsMethodOf(ProcurementMethod method) => method switch
    {
        ProcurementMethod.OpenTender or ProcurementMethod.ProcurementCentre => OcdsMethod.Open,
        ProcurementMethod.FrameworkAgreement => OcdsMethod.Limited,
        _ => OcdsMethod.Open,
    };

    private static string DetailsOf(ProcurementMethod method) => method switch
    {
        ProcurementMethod.OpenTender => "公开招标 (open tender)",
        ProcurementMethod.ProcurementCentre => "区政府采购中心集中采购 (district procurement centre)",
        ProcurementMethod.FrameworkAgreement => "协议供货 (framework agreement)",
        _ => method.ToString(),
    };

    private static OcdsPublisher Publisher(FenquanDbContext db, CountyId county, string baseUri) =>
        new(db.Counties.AsNoTracking().Where(c => c.Id == county).Select(c => c.Name).Single(), baseUri);

    private static string MonthOf(JsonObject release) => ((string)release["date"]!)[..7];

    private static DateTimeOffset Latest(IReadOnlyList<JsonObject> releases) =>
        releases.Max(r => DateTimeOffset.Parse((string)r["date"]!, CultureInfo.InvariantCulture));
}
