using System.Globalization;
using System.Text.Json;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Procurement;

/// <summary>
/// The county's government procurement catalogue (政府采购目录, R18): county data, never the
/// submitter's. A version is the payload of a confirmed <see cref="CountyChange"/> of subject
/// <see cref="CountyChangeSubject.ProcurementCatalogue"/> (four eyes, R40); the latest confirmed
/// version is in force. A purchase plan names one of its entries, or says explicitly that the item
/// is not in the catalogue (<see cref="NotInCatalogue"/>).
/// </summary>
public sealed record ProcurementCatalogue(IReadOnlyList<CatalogueEntry> Entries)
{
    /// <summary>The code a purchase plan names when its item is not in the catalogue (an explicit choice the office can see).</summary>
    public const string NotInCatalogue = "none";

    public const int MaxEntries = 5_000;
    public const int MaxCode = 40;
    public const int MaxName = 100;
    public const int MaxCategory = 50;
    public const decimal MaxThreshold = 999_999_999_999.99m;

    public static ProcurementCatalogue Empty { get; } = new([]);

    /// <summary>The entry of that code (case-insensitive), or null.</summary>
    public CatalogueEntry? Find(string code) =>
        Entries.FirstOrDefault(e => string.Equals(e.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool Equals(ProcurementCatalogue? other) => other is not null && Entries.SequenceEqual(other.Entries);

    public override int GetHashCode() => Entries.Count;

    public string ToJson() => JsonSerializer.Serialize(new Document([.. Entries]), RegisterJson.Options);

    /// <summary>A catalogue from its JSON (<c>{"entries":[{"code":…,"name":…,"category":…,"centralisedPurchaseThreshold":…,"tenderThreshold":…}]}</c>), checked.</summary>
    public static Result<ProcurementCatalogue> FromJson(string json)
    {
        var document = RegisterJson.Read<Document>(json, "catalogue");
        return document.IsOk ? Create(document.Value.Entries) : document.Refusal!;
    }

    /// <summary>R18: a catalogue whose entries are complete and whose codes are unique; otherwise the first problem, named.</summary>
    public static Result<ProcurementCatalogue> Create(IEnumerable<CatalogueEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = new List<CatalogueEntry>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in entries)
        {
            if (raw is null)
            {
                return Refusal.Because(Refusal.InvalidId, "CatalogueEmptyEntry", "The catalogue has an empty entry.");
            }

            var entry = raw with { Code = raw.Code?.Trim() ?? string.Empty, Name = raw.Name?.Trim() ?? string.Empty, Category = raw.Category?.Trim() ?? string.Empty };
            var line = (list.Count + 1).ToString(CultureInfo.InvariantCulture);
            if (entry.Code.Length is 0 or > MaxCode || string.Equals(entry.Code, NotInCatalogue, StringComparison.OrdinalIgnoreCase)
                || entry.Name.Length is 0 or > MaxName || entry.Category.Length is 0 or > MaxCategory)
            {
                return Refusal.Because("R18", "CatalogueEntryIncomplete",
                    "Catalogue entry {line} needs a code (1 to 40 characters, not \"none\"), a name (1 to 100) and a category (1 to 50).",
                    ("line", line));
            }

            if (!InRange(entry.CentralisedPurchaseThreshold) || !InRange(entry.TenderThreshold))
            {
                return Refusal.Because("R18", "CatalogueThresholdOutOfRange",
                    "Catalogue entry {code}: thresholds are yuan and fen from 0 to 999,999,999,999.99.",
                    ("code", entry.Code));
            }

            if (!codes.Add(entry.Code))
            {
                return Refusal.Because("R18", "CatalogueCodeRepeated", "The catalogue names code {code} twice.", ("code", entry.Code));
            }

            list.Add(entry);
        }

        if (list.Count > MaxEntries)
        {
            return Refusal.Because(Refusal.InvalidId, "CatalogueTooLarge", "A catalogue has at most {max} entries.", ("max", MaxEntries.ToString(CultureInfo.InvariantCulture)));
        }

        return Result<ProcurementCatalogue>.Ok(new ProcurementCatalogue(list));
    }

    private static bool InRange(decimal amount) => amount >= 0m && amount <= MaxThreshold && decimal.Round(amount, 2) == amount;

    private sealed record Document(IReadOnlyList<CatalogueEntry> Entries);
}
