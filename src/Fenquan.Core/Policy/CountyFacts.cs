using Fenquan.Core.Licensing;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;

namespace Fenquan.Core.Policy;

/// <summary>
/// R40: the facts that decide a route beyond area, kind, amount and initiator come from county
/// data, never from the submitter's own declaration. A purchase plan names a catalogue entry (or
/// "not in the catalogue"), and the catalogue in force decides <see cref="MatterFlags.CatalogueItem"/>
/// (R18: any item of the catalogue, at any amount); an approval-item matter names a register item,
/// and the register decides <see cref="MatterFlags.MajorApprovalItem"/> (R23). Fails closed: an
/// unnamed or unknown entry is refused, never routed as the cheaper case.
/// </summary>
public static class CountyFacts
{
    /// <summary>The refusal name of a route-deciding fact the submitter tried to declare (answered as a bad request).</summary>
    public const string SelfDeclaredName = "SelfDeclared";

    /// <summary>R18, R40: a submitter who still declares a catalogue item is told the catalogue decides.</summary>
    public static Refusal CatalogueItemSelfDeclared { get; } = Refusal.Because("R18", SelfDeclaredName,
        "catalogueItem: a submitter no longer declares a catalogue item (R18, R40); name the catalogue entry in itemCode (or \"none\"), and the county's catalogue decides.");

    /// <summary>R23, R40: a submitter who still declares a major approval item is told the register decides.</summary>
    public static Refusal MajorApprovalItemSelfDeclared { get; } = Refusal.Because("R23", SelfDeclaredName,
        "majorApprovalItem: a submitter no longer declares a major approval item (R23, R40); name the register item in itemCode, and the county's register decides.");

    /// <summary>The code as the register spells it (codes match case-insensitively), so the matter records the entry exactly.</summary>
    public static string? EntryCode(MatterKind kind, string? itemCode, ProcurementCatalogue catalogue, ApprovalItemRegister register)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(register);
        var code = itemCode?.Trim();
        return string.IsNullOrEmpty(code) ? null : kind switch
        {
            MatterKind.PurchasePlan when string.Equals(code, ProcurementCatalogue.NotInCatalogue, StringComparison.OrdinalIgnoreCase) => ProcurementCatalogue.NotInCatalogue,
            MatterKind.PurchasePlan => catalogue.Find(code)?.Code ?? code,
            MatterKind.ApprovalItem => register.Find(code)?.Code ?? code,
            _ => code,
        };
    }

    public static Result<MatterFlags> FlagsOf(MatterKind kind, string? itemCode, ProcurementCatalogue catalogue, ApprovalItemRegister register)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(register);
        var code = itemCode?.Trim();
        switch (kind)
        {
            case MatterKind.PurchasePlan:
                if (string.IsNullOrEmpty(code))
                {
                    return Refusal.Because("R18", "CatalogueItemNotNamed",
                        "A purchase plan names its item in the county's procurement catalogue, or says it is not in the catalogue (\"none\").");
                }

                if (string.Equals(code, ProcurementCatalogue.NotInCatalogue, StringComparison.OrdinalIgnoreCase))
                {
                    return Result<MatterFlags>.Ok(MatterFlags.None);
                }

                return catalogue.Find(code) is null
                    ? Refusal.Because("R18", "NotInCatalogue",
                        "{code} is not in the county's procurement catalogue in force: name one of its entries, or \"none\" when the item is not in it.",
                        ("code", code))
                    : Result<MatterFlags>.Ok(MatterFlags.CatalogueItem);

            case MatterKind.ApprovalItem:
                if (string.IsNullOrEmpty(code))
                {
                    return Refusal.Because("R24", "ApprovalItemNotNamed", "An approval-item matter names its item in the county's register of administrative approval items.");
                }

                return register.Find(code) is { } item
                    ? Result<MatterFlags>.Ok(item.IsMajor ? MatterFlags.MajorApprovalItem : MatterFlags.None)
                    : Refusal.Because("R24", "NotInApprovalRegister",
                        "{code} is not in the county's register of administrative approval items in force.", ("code", code));

            default:
                return string.IsNullOrEmpty(code)
                    ? Result<MatterFlags>.Ok(MatterFlags.None)
                    : Refusal.Because(Refusal.InvalidId, "ItemCodeNotExpected", "itemCode: only purchase plans and approval items name a catalogue or register entry.");
        }
    }
}
