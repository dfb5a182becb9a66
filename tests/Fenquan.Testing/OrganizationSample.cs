using System.Globalization;
using System.Text;
using Fenquan.Core.Counterparties;
using Fenquan.Core.Organization.Import;
using MiniExcelLibs;
using T = Fenquan.Core.Organization.Import.ImportTemplate;

namespace Fenquan.Testing;

/// <summary>
/// A county's organisation as an import file, made up for tests and benchmarks: units (every tenth a
/// township with two principals), three sections each, full teams with every restricted area
/// assigned, and staff up to the number of people. Names come from a small pool, so many people share
/// one (同名同姓) and are told apart by staff number; every other person also has an ID number.
/// </summary>
public sealed class OrganizationSample
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰"];

    public OrganizationSample(int units = 60, int people = 5_000, DateOnly? from = null)
    {
        var start = (from ?? new DateOnly(2025, 1, 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var person = 0;
        string NextPerson()
        {
            person++;
            var staff = string.Create(CultureInfo.InvariantCulture, $"QH{person:D5}");
            var id = person % 2 == 0
                ? CounterpartyIdentifier.CompleteIdNumber(string.Create(CultureInfo.InvariantCulture, $"130534{1960 + (person / 1000)}0101{person % 1000:D3}"))
                : null;
            People.Add(Row((T.StaffNumber, staff), (T.IdNumber, id), (T.PersonName, Surnames[person % Surnames.Length] + Given[person / Surnames.Length % Given.Length])));
            return staff;
        }

        for (var u = 0; u < units; u++)
        {
            var township = u % 10 == 0;
            var unit = township ? string.Create(CultureInfo.InvariantCulture, $"第{u + 1}镇") : string.Create(CultureInfo.InvariantCulture, $"第{u + 1}局");
            Units.Add(Row((T.UnitName, unit), (T.UnitKind, township ? "乡镇" : "部门")));
            foreach (var section in new[] { "办公室", "财务股", "业务股" })
            {
                Sections.Add(Row((T.UnitName, unit), (T.SectionName, section)));
            }

            void Member(string staff, string role, string? section = null) =>
                Memberships.Add(Row((T.UnitName, unit), (T.PersonKey, staff), (T.Role, role), (T.Section, section), (T.From, start), (T.Until, null)));

            for (var p = 0; p < (township ? 2 : 1); p++)
            {
                Member(NextPerson(), "正职");
            }

            var deputies = Enumerable.Range(0, 4).Select(_ => NextPerson()).ToList();
            deputies.ForEach(d => Member(d, "副职"));
            foreach (var (area, deputy) in new[] { ("财务", 0), ("人事", 1), ("物资采购", 2), ("工程建设", 3), ("行政审批", 1) })
            {
                Portfolios.Add(Row((T.UnitName, unit), (T.Area, area), (T.DeputyKey, deputies[deputy]), (T.From, start)));
            }

            Member(NextPerson(), "办公室审核", "办公室");
            Member(NextPerson(), "纪检");
            Member(NextPerson(), "股室负责人", "业务股");
            Member(NextPerson(), "财务人员", "财务股");
        }

        // The rest are staff, spread over the units.
        for (var u = 0; person < people; u = (u + 1) % units)
        {
            var unit = (string)Units[u][T.UnitName]!;
            Memberships.Add(Row((T.UnitName, unit), (T.PersonKey, NextPerson()), (T.Role, "工作人员"), (T.Section, "业务股"), (T.From, start), (T.Until, null)));
        }
    }

    public List<Dictionary<string, object?>> Units { get; } = [];

    public List<Dictionary<string, object?>> Sections { get; } = [];

    public List<Dictionary<string, object?>> People { get; } = [];

    public List<Dictionary<string, object?>> Memberships { get; } = [];

    public List<Dictionary<string, object?>> Portfolios { get; } = [];

    /// <summary>
    /// The sample as an .xlsx with one sheet per kind, as the template names them, and sheets of
    /// reference data when given (rows of cells in the template's column order).
    /// </summary>
    public byte[] Workbook(string?[][]? catalogue = null, string?[][]? approvalItems = null, string?[][]? counterparties = null)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [T.Of(ImportKind.Units).SheetName] = Units,
            [T.Of(ImportKind.Sections).SheetName] = Sections,
            [T.Of(ImportKind.People).SheetName] = People,
            [T.Of(ImportKind.Memberships).SheetName] = Memberships,
            [T.Of(ImportKind.Portfolios).SheetName] = Portfolios,
        };
        foreach (var (kind, rows) in new[] { (ImportKind.Catalogue, catalogue), (ImportKind.ApprovalItems, approvalItems), (ImportKind.Counterparties, counterparties) })
        {
            if (rows is not null)
            {
                var columns = T.Of(kind).Headers.ToList();
                sheets[T.Of(kind).SheetName] = rows.Select(cells => columns.Select((c, i) => (c, Value: i < cells.Length ? cells[i] : null)).ToDictionary(p => p.c, p => (object?)p.Value)).ToList();
            }
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>One kind's rows as a UTF-8 .csv with the template's headers.</summary>
    public byte[] Csv(ImportKind kind)
    {
        var rows = kind switch
        {
            ImportKind.Units => Units,
            ImportKind.Sections => Sections,
            ImportKind.People => People,
            ImportKind.Memberships => Memberships,
            ImportKind.Portfolios => Portfolios,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var headers = T.Of(kind).Headers.ToList();
        var text = new StringBuilder().AppendJoin(',', headers).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', headers.Select(h => row.TryGetValue(h, out var v) ? v?.ToString() : null)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static Dictionary<string, object?> Row(params (string Column, object? Value)[] cells) => cells.ToDictionary(c => c.Column, c => c.Value, StringComparer.Ordinal);
}
