using System.Globalization;
using System.Text.Json.Nodes;

namespace Fenquan.Core.Ocds;

/// <summary>
/// OCDS 1.1.5 from contracting processes (R22: tender method, procedure and result published): one
/// release per stage — <c>tender</c>, the tenderers (<c>tenderUpdate</c>), each <c>award</c>, each
/// <c>contract</c>, each <c>contractAmendment</c> and each payment (<c>implementation</c>) — with
/// <c>initiationType</c> "tender", the parties with their roles and amounts in CNY; release
/// packages; and records whose <c>compiledRelease</c> merges the releases by OCDS's merge routine
/// (objects field by field, arrays of objects by <c>id</c>, later releases winning). Pure: the
/// caller gives the publication time and URIs.
/// </summary>
public static class OcdsBuilder
{
    public const string Version = "1.1";
    public const string Currency = "CNY";

    /// <summary>The releases of a process, oldest first.</summary>
    public static IReadOnlyList<JsonObject> Releases(ContractingProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var releases = new List<JsonObject>();
        if (process.Tender is { } tender)
        {
            var release = Release(process, process.Ocid + "-tender", tender.Date, "tender", []);
            release["tender"] = new JsonObject
            {
                ["id"] = tender.Id,
                ["title"] = tender.Title,
                ["status"] = "active",
                ["value"] = Money(tender.Value),
                ["procurementMethod"] = tender.Method.ToString().ToLowerInvariant(),
                ["procurementMethodDetails"] = tender.MethodDetails,
                ["procuringEntity"] = Reference(process.Buyer),
            };
            if (tender.MethodRationale is { } rationale)
            {
                release["tender"]!["procurementMethodRationale"] = rationale;
            }

            releases.Add(release);
        }

        if (process is { Tender: { } bidded, Tenderers: { } tenderers })
        {
            var release = Release(process, process.Ocid + "-tenderers", tenderers.Date, "tenderUpdate", tenderers.Parties);
            release["tender"] = new JsonObject
            {
                ["id"] = bidded.Id,
                ["status"] = "active",
                ["numberOfTenderers"] = tenderers.Parties.Count,
                ["tenderers"] = new JsonArray([.. tenderers.Parties.Select(p => (JsonNode)Reference(p))]),
            };
            releases.Add(release);
        }

        foreach (var award in process.Awards)
        {
            var release = Release(process, process.Ocid + "-award-" + award.Id, award.Date, "award", award.Suppliers);
            if (process.Tender is { } decided)
            {
                release["tender"] = new JsonObject { ["id"] = decided.Id, ["status"] = "complete" };
            }

            release["awards"] = new JsonArray(new JsonObject
            {
                ["id"] = award.Id,
                ["title"] = award.Title,
                ["status"] = "active",
                ["date"] = Date(award.Date),
                ["value"] = Money(award.Value),
                ["suppliers"] = new JsonArray([.. award.Suppliers.Select(s => (JsonNode)Reference(s))]),
            });
            releases.Add(release);
        }

        foreach (var contract in process.Contracts)
        {
            var release = Release(process, process.Ocid + "-contract-" + contract.Id, contract.Date, "contract", []);
            var node = new JsonObject
            {
                ["id"] = contract.Id,
                ["awardID"] = contract.AwardId,
                ["title"] = contract.Title,
                ["status"] = "active",
                ["value"] = Money(contract.Value),
                ["dateSigned"] = Date(contract.DateSigned),
            };
            if (contract is { From: { } from, Until: { } until })
            {
                node["period"] = new JsonObject { ["startDate"] = Date(Midnight(from)), ["endDate"] = Date(Midnight(until)) };
            }

            release["contracts"] = new JsonArray(node);
            releases.Add(release);
        }

        // A variation order changes the contract's value: a contractAmendment release with the value it now has.
        foreach (var amendment in process.Amendments)
        {
            var release = Release(process, process.Ocid + "-amendment-" + amendment.Id, amendment.Date, "contractAmendment", []);
            release["contracts"] = new JsonArray(new JsonObject
            {
                ["id"] = amendment.ContractId,
                ["awardID"] = AwardOf(process, amendment.ContractId),
                ["value"] = Money(amendment.ContractValue),
                ["amendments"] = new JsonArray(new JsonObject
                {
                    ["id"] = amendment.Id,
                    ["date"] = Date(amendment.Date),
                    ["rationale"] = amendment.Rationale,
                }),
            });
            releases.Add(release);
        }

        foreach (var transaction in process.Transactions)
        {
            var release = Release(process, process.Ocid + "-payment-" + transaction.Id, transaction.Date, "implementation", [transaction.Payee]);
            release["contracts"] = new JsonArray(new JsonObject
            {
                ["id"] = transaction.ContractId,
                ["awardID"] = AwardOf(process, transaction.ContractId),
                ["implementation"] = new JsonObject
                {
                    ["transactions"] = new JsonArray(new JsonObject
                    {
                        ["id"] = transaction.Id,
                        ["date"] = Date(transaction.Date),
                        ["value"] = Money(transaction.Value),
                        ["payer"] = Reference(process.Buyer),
                        ["payee"] = Reference(transaction.Payee),
                    }),
                },
            });
            releases.Add(release);
        }

        return [.. releases.OrderBy(DateOf)];
    }

    /// <summary>A release package (at least one release; OCDS requires it).</summary>
    public static JsonObject ReleasePackage(IEnumerable<JsonObject> releases, string uri, OcdsPublisher publisher, DateTimeOffset publishedDate)
    {
        ArgumentNullException.ThrowIfNull(releases);
        ArgumentNullException.ThrowIfNull(publisher);
        var list = releases.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A release package holds at least one release.", nameof(releases));
        }

        return new JsonObject
        {
            ["uri"] = uri,
            ["version"] = Version,
            ["publishedDate"] = Date(publishedDate),
            ["publisher"] = new JsonObject { ["name"] = publisher.Name, ["uri"] = publisher.BaseUri },
            ["releases"] = new JsonArray([.. list.Select(r => r.DeepClone())]),
        };
    }

    /// <summary>The record of one process: its releases linked by <paramref name="urlOf"/>, and the compiled release.</summary>
    public static JsonObject Record(IReadOnlyList<JsonObject> releases, Func<JsonObject, string> urlOf)
    {
        ArgumentNullException.ThrowIfNull(releases);
        ArgumentNullException.ThrowIfNull(urlOf);
        var compiled = Compile(releases);
        return new JsonObject
        {
            ["ocid"] = compiled["ocid"]!.DeepClone(),
            ["releases"] = new JsonArray([.. releases.OrderBy(DateOf).Select(r => (JsonNode)new JsonObject
            {
                ["url"] = urlOf(r),
                ["date"] = r["date"]!.DeepClone(),
                ["tag"] = r["tag"]!.DeepClone(),
            })]),
            ["compiledRelease"] = compiled,
        };
    }

    /// <summary>A record package (records of the processes given).</summary>
    public static JsonObject RecordPackage(IEnumerable<JsonObject> records, string uri, OcdsPublisher publisher, DateTimeOffset publishedDate)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(publisher);
        return new JsonObject
        {
            ["uri"] = uri,
            ["version"] = Version,
            ["publishedDate"] = Date(publishedDate),
            ["publisher"] = new JsonObject { ["name"] = publisher.Name, ["uri"] = publisher.BaseUri },
            ["records"] = new JsonArray([.. records.Select(r => r.DeepClone())]),
        };
    }

    /// <summary>
    /// OCDS's merge of one process's releases into the compiled release: in date order, each field
    /// of a later release replaces the earlier one; objects merge field by field; arrays of objects
    /// with ids merge item by item by id; other arrays are replaced. Tagged <c>compiled</c>.
    /// </summary>
    public static JsonObject Compile(IEnumerable<JsonObject> releases)
    {
        ArgumentNullException.ThrowIfNull(releases);
        var ordered = releases.OrderBy(DateOf).ToList();
        if (ordered.Count == 0 || ordered.Select(r => (string?)r["ocid"]).Distinct().Count() != 1)
        {
            throw new ArgumentException("A record compiles one or more releases of one ocid.", nameof(releases));
        }

        var compiled = new JsonObject();
        foreach (var release in ordered)
        {
            MergeInto(compiled, release);
        }

        compiled["id"] = (string)ordered[^1]["ocid"]! + "-compiled";
        compiled["tag"] = new JsonArray("compiled");
        return compiled;
    }

    private static void MergeInto(JsonObject target, JsonObject source)
    {
        foreach (var (name, value) in source)
        {
            switch (value)
            {
                case null:
                    target.Remove(name);
                    break;
                case JsonObject obj when target[name] is JsonObject existing:
                    MergeInto(existing, obj);
                    break;
                case JsonArray array when target[name] is JsonArray existing && IsIdentified(array) && IsIdentified(existing):
                    foreach (var item in array.OfType<JsonObject>())
                    {
                        var id = (string?)item["id"];
                        if (existing.OfType<JsonObject>().FirstOrDefault(e => (string?)e["id"] == id) is { } same)
                        {
                            MergeInto(same, item);
                        }
                        else
                        {
                            existing.Add(item.DeepClone());
                        }
                    }

                    break;
                default:
                    target[name] = value.DeepClone();
                    break;
            }
        }
    }

    private static bool IsIdentified(JsonArray array) => array.Count > 0 && array.All(i => i is JsonObject o && o["id"] is JsonValue);

    // Each release names the buyer and the parties it is about, each with every role it has in the
    // process by then: the compiled release replaces a party's roles with the latest release's.
    private static JsonObject Release(ContractingProcess process, string id, DateTimeOffset date, string tag, IEnumerable<OcdsParty> parties) => new()
    {
        ["ocid"] = process.Ocid,
        ["id"] = id,
        ["date"] = Date(date),
        ["tag"] = new JsonArray(tag),
        ["initiationType"] = "tender",
        ["language"] = "zh",
        ["parties"] = new JsonArray([.. new[] { process.Buyer }.Concat(parties).DistinctBy(p => p.Id).Select(p => (JsonNode)Party(p, RolesOf(process, p, date)))]),
        ["buyer"] = Reference(process.Buyer),
    };

    private static string[] RolesOf(ContractingProcess process, OcdsParty party, DateTimeOffset by)
    {
        if (party.Id == process.Buyer.Id)
        {
            return process.Transactions.Any(t => t.Date <= by) ? ["buyer", "procuringEntity", "payer"] : ["buyer", "procuringEntity"];
        }

        var roles = new List<string>();
        if (process.Tenderers is { } tenderers && tenderers.Date <= by && tenderers.Parties.Any(p => p.Id == party.Id))
        {
            roles.Add("tenderer");
        }

        if (process.Awards.Any(a => a.Date <= by && a.Suppliers.Any(s => s.Id == party.Id)))
        {
            roles.Add("supplier");
        }

        if (process.Transactions.Any(t => t.Date <= by && t.Payee.Id == party.Id))
        {
            roles.Add("payee");
        }

        return [.. roles];
    }

    private static JsonObject Party(OcdsParty party, string[] roles)
    {
        var node = new JsonObject { ["id"] = party.Id, ["name"] = party.Name };
        if (party.IdentifierScheme is { } scheme && party.Identifier is { } identifier)
        {
            node["identifier"] = new JsonObject { ["scheme"] = scheme, ["id"] = identifier, ["legalName"] = party.Name };
        }

        node["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]);
        return node;
    }

    private static JsonObject Reference(OcdsParty party) => new() { ["id"] = party.Id, ["name"] = party.Name };

    private static JsonObject Money(decimal yuan) => new() { ["amount"] = yuan, ["currency"] = Currency };

    // OCDS requires every contract to name its award, also in a release that only amends or pays it.
    private static string AwardOf(ContractingProcess process, string contractId) =>
        process.Contracts.FirstOrDefault(c => c.Id == contractId)?.AwardId ?? throw new ArgumentException($"No contract {contractId} in process {process.Ocid}.", nameof(process));

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>An OCDS date-time: UTC, to the second.</summary>
    public static string Date(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset DateOf(JsonObject release) => DateTimeOffset.Parse((string)release["date"]!, CultureInfo.InvariantCulture);
}
