using System.Globalization;
using Fenquan.Core.Counterparties;
using Fenquan.Core.Licensing;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;
using T = Fenquan.Core.Organization.Import.ImportTemplate;

namespace Fenquan.Core.Organization.Import;

/// <summary>
/// The county's reference data in the same file: the procurement catalogue (R18) and the approval
/// item register (R24) — each sheet the whole new version, which becomes a proposal under four eyes
/// (R40) only when it differs from the version in force — and counterparties (R6), registered when
/// new and renamed when their name changed. Each row is checked as the JSON import checks a version.
/// </summary>
public sealed partial class OrganizationImport
{
    private ExistingReferenceData? _reference;
    private ProcurementCatalogue? _catalogue;
    private ApprovalItemRegister? _register;
    private readonly List<Counterparty> _counterparties = [];
    private readonly List<CounterpartyRename> _counterpartyRenames = [];

    private void ReferenceData(ImportFile file)
    {
        var kinds = new[] { ImportKind.Catalogue, ImportKind.ApprovalItems, ImportKind.Counterparties };
        if (_reference is null)
        {
            foreach (var sheet in file.Sheets.Where(s => kinds.Contains(s.Kind)))
            {
                _problems.Add(new ImportProblem(sheet.Name, 1, null, Refusal.Because("R40", "ReferenceDataNeedsOfficial", "The county's reference data is imported by a county administrator.")));
            }

            return;
        }

        if (file.Sheet(ImportKind.Catalogue) is { } catalogue)
        {
            _catalogue = Version(catalogue, CatalogueEntryOf, ProcurementCatalogue.Create, c => c.ToJson(), _reference.Catalogue.ToJson(), _reference.PendingCatalogueJson);
        }

        if (file.Sheet(ImportKind.ApprovalItems) is { } items)
        {
            _register = Version(items, ApprovalItemOf, ApprovalItemRegister.Create, r => r.ToJson(), _reference.Register.ToJson(), _reference.PendingRegisterJson);
        }

        Each(file, ImportKind.Counterparties, CounterpartyRow);
    }

    // A sheet that is a whole version: each row checked alone (so a problem names its row), then the
    // whole (unique codes); null when it is the version in force or the one pending confirmation.
    private TVersion? Version<TEntry, TVersion>(ImportSheet sheet, Func<string, ImportRow, TEntry?> entryOf, Func<IEnumerable<TEntry>, Result<TVersion>> create, Func<TVersion, string> json, string inForce, string? pending)
        where TEntry : class
        where TVersion : class
    {
        var entries = new List<TEntry>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in sheet.Rows)
        {
            var entry = entryOf(sheet.Name, row);
            if (entry is null)
            {
                continue;
            }

            var alone = create([entry]);
            if (!alone.IsOk)
            {
                Problem(sheet.Name, row, null, alone.Refusal!);
                continue;
            }

            var code = row[T.Code] ?? row[T.ItemCode] ?? string.Empty;
            if (!seen.Add(code))
            {
                Problem(sheet.Name, row, sheet.Kind == ImportKind.Catalogue ? T.Code : T.ItemCode,
                    Refusal.Because(sheet.Kind == ImportKind.Catalogue ? "R18" : "R24", "CodeTwiceInFile", "The code {code} is listed twice.", ("code", code)));
                continue;
            }

            entries.Add(entry);
        }

        var whole = create(entries);
        if (!whole.IsOk)
        {
            _problems.Add(new ImportProblem(sheet.Name, 1, null, whole.Refusal!));
            return null;
        }

        var written = json(whole.Value);
        return written == inForce || written == pending ? null : whole.Value;
    }

    private CatalogueEntry? CatalogueEntryOf(string sheet, ImportRow row)
    {
        var code = Required(sheet, row, T.Code, ProcurementCatalogue.MaxCode);
        var name = Required(sheet, row, T.Name, ProcurementCatalogue.MaxName);
        var category = Required(sheet, row, T.Category, ProcurementCatalogue.MaxCategory);
        var centralised = Yuan(sheet, row, T.CentralisedThreshold);
        var tender = Yuan(sheet, row, T.TenderThreshold);
        return code is null || name is null || category is null || centralised is null || tender is null
            ? null
            : new CatalogueEntry(code, name, category, centralised.Value, tender.Value);
    }

    private ApprovalItemEntry? ApprovalItemOf(string sheet, ImportRow row)
    {
        var code = Required(sheet, row, T.ItemCode, ApprovalItemRegister.MaxCode);
        var name = Required(sheet, row, T.ItemName, ApprovalItemRegister.MaxName);
        var basis = Required(sheet, row, T.LegalBasis, ApprovalItemRegister.MaxLegalBasis);
        var fee = Required(sheet, row, T.FeeStandard, ApprovalItemRegister.MaxFeeStandard);
        var daysText = Required(sheet, row, T.PromisedDays, 10);
        int? days = null;
        if (daysText is not null)
        {
            if (int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
            {
                days = d;
            }
            else
            {
                Problem(sheet, row, T.PromisedDays, Refusal.Because("R24", "ApprovalItemTimeLimit", "Approval item {code}: the promised time limit is 1 to 365 working days.", ("code", code ?? string.Empty)));
            }
        }

        var major = row[T.IsMajor] switch
        {
            null or "否" or "no" or "No" => (bool?)false,
            "是" or "yes" or "Yes" => true,
            _ => null,
        };
        if (major is null)
        {
            Problem(sheet, row, T.IsMajor, Refusal.Because("R23", "MajorMark", "{value} is not 是 or 否.", ("value", row[T.IsMajor]!)));
        }

        Guid? unit = null;
        if (row[T.HandlingUnit] is { } unitName)
        {
            if (_units.TryGetValue(unitName, out var found))
            {
                unit = found.Id.Value;
            }
            else
            {
                Problem(sheet, row, T.HandlingUnit, Refusal.Because("R1", "UnknownUnit", "The county has no unit {unit}; list it on the units sheet (单位).", ("unit", unitName)));
                return null;
            }
        }

        if (code is null || name is null || basis is null || fee is null || days is null || major is null)
        {
            return null;
        }

        // What the sheet cannot say (procedure steps, acceptance limit, fee in yuan) is kept from the item in force.
        var kept = _reference!.Register.Find(code);
        var documents = row[T.Documents]?.Split(['；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ApprovalItemEntry(code, name, basis, days.Value, fee, major.Value, row[T.Content] ?? string.Empty, kept?.Procedure,
            documents is { Length: > 0 } ? documents : null, unit, kept?.AcceptanceWorkingDays ?? ApprovalItemEntry.DefaultAcceptanceWorkingDays, kept?.FeeYuan);
    }

    private void CounterpartyRow(string sheet, ImportRow row)
    {
        var kindText = Required(sheet, row, T.CounterpartyKind, 10);
        var name = Required(sheet, row, T.Name, Counterparty.MaxName);
        var identifier = Required(sheet, row, T.Identifier, 40);
        CounterpartyKind? kind = kindText switch
        {
            null => null,
            "单位" or "企业" or "Company" => CounterpartyKind.Company,
            "个人" or "Individual" => CounterpartyKind.Individual,
            _ => null,
        };
        if (kindText is not null && kind is null)
        {
            Problem(sheet, row, T.CounterpartyKind, Refusal.Because("R6", "UnknownCounterpartyKind", "{value} is not 单位 (a company) or 个人 (an individual).", ("value", kindText)));
        }

        if (kind is null || name is null || identifier is null)
        {
            return;
        }

        var normalised = CounterpartyIdentifier.Normalise(kind.Value, identifier);
        if (!normalised.IsOk)
        {
            Problem(sheet, row, T.Identifier, normalised.Refusal!);
            return;
        }

        var existing = _reference!.Counterparties.FirstOrDefault(c => c.Identifier == normalised.Value)
            ?? _counterparties.FirstOrDefault(c => c.Identifier == normalised.Value);
        if (existing is not null && (_counterparties.Contains(existing) || _counterpartyRenames.Any(r => r.Id == existing.Id)))
        {
            Problem(sheet, row, T.Identifier, Refusal.Because("R6", "CounterpartyTwiceInFile", "{identifier} is listed twice.", ("identifier", existing.MaskedIdentifier)));
            return;
        }

        if (existing is not null)
        {
            if (existing.Name != name.Trim())
            {
                _counterpartyRenames.Add(new CounterpartyRename(existing.Id, name.Trim()));
            }

            return;
        }

        var registered = Counterparty.Register(_county, kind.Value, name, identifier, _reference.RegisteredBy, null, _reference.Now);
        if (registered.IsOk)
        {
            _counterparties.Add(registered.Value);
        }
        else
        {
            Problem(sheet, row, T.Name, registered.Refusal!);
        }
    }

    private decimal? Yuan(string sheet, ImportRow row, string column)
    {
        var text = Required(sheet, row, column, 20);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var yuan) && yuan <= ProcurementCatalogue.MaxThreshold)
        {
            return yuan;
        }

        Problem(sheet, row, column, Refusal.Because("R18", "InvalidAmount", "{value} is not an amount in yuan.", ("value", text)));
        return null;
    }
}
