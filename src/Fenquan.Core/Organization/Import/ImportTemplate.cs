namespace Fenquan.Core.Organization.Import;

/// <summary>A column of an import sheet: its Chinese header (what the file says), whether a row needs it, its meaning in English and an example.</summary>
public sealed record ImportColumn(string Header, bool Required, string English, string Example);

/// <summary>The template of one kind of rows: the .xlsx sheet's name, the .csv's name and the columns.</summary>
public sealed record ImportSheetTemplate(ImportKind Kind, string SheetName, string CsvName, IReadOnlyList<ImportColumn> Columns)
{
    public IEnumerable<string> Headers => Columns.Select(c => c.Header);
}

/// <summary>
/// The import's templates, one per kind, with Chinese column headers (the files a county office
/// keeps). People are named in other sheets by their staff number or ID number (人员编号), never
/// by name. Dates are written yyyy-MM-dd.
/// </summary>
public static class ImportTemplate
{
    public const string UnitName = "单位名称";
    public const string UnitKind = "单位类型";
    public const string SectionName = "股室名称";
    public const string StaffNumber = "工号";
    public const string IdNumber = "身份证号";
    public const string PersonName = "姓名";
    public const string PersonKey = "人员编号";
    public const string Role = "角色";
    public const string Section = "股室";
    public const string From = "起始日期";
    public const string Until = "截止日期";
    public const string Area = "分管领域";
    public const string DeputyKey = "副职人员编号";
    public const string Code = "编码";
    public const string Name = "名称";
    public const string Category = "品目类别";
    public const string CentralisedThreshold = "集中采购限额(元)";
    public const string TenderThreshold = "公开招标限额(元)";
    public const string ItemCode = "事项编码";
    public const string ItemName = "事项名称";
    public const string LegalBasis = "设定依据";
    public const string PromisedDays = "承诺时限(工作日)";
    public const string FeeStandard = "收费标准";
    public const string IsMajor = "重大事项";
    public const string Content = "办理内容";
    public const string Documents = "申请材料";
    public const string HandlingUnit = "承办单位";
    public const string CounterpartyKind = "类型";
    public const string Identifier = "统一社会信用代码或身份证号";

    public static IReadOnlyList<ImportSheetTemplate> Sheets { get; } =
    [
        new(ImportKind.Units, "单位", "units",
        [
            new(UnitName, true, "unit name, unique in the county", "清河县财政局"),
            new(UnitKind, true, "部门 (department) or 乡镇 (township)", "部门"),
        ]),
        new(ImportKind.Sections, "股室", "sections",
        [
            new(UnitName, true, "the unit", "清河县财政局"),
            new(SectionName, true, "section name, unique in the unit", "预算股"),
        ]),
        new(ImportKind.People, "人员", "people",
        [
            new(StaffNumber, false, "staff number (a staff number or an ID number is required)", "QH0001"),
            new(IdNumber, false, "resident identity number, 18 characters (GB 11643)", "11010519491231002X"),
            new(PersonName, true, "name; several people may share one", "张伟"),
        ]),
        new(ImportKind.Memberships, "任职", "memberships",
        [
            new(UnitName, true, "the unit", "清河县财政局"),
            new(PersonKey, true, "the person's staff number or ID number", "QH0001"),
            new(Role, true, "正职, 副职, 办公室审核, 股室负责人, 财务人员, 纪检 or 工作人员", "正职"),
            new(Section, false, "the section of the unit, if any", string.Empty),
            new(From, true, "first day (yyyy-MM-dd)", "2025-01-01"),
            new(Until, false, "the day it ends (exclusive), if it has ended", string.Empty),
        ]),
        new(ImportKind.Portfolios, "分管", "portfolios",
        [
            new(UnitName, true, "the unit", "清河县财政局"),
            new(Area, true, "财务, 人事, 物资采购, 工程建设, 行政审批 or 执法", "财务"),
            new(DeputyKey, true, "the deputy's staff number or ID number", "QH0002"),
            new(From, true, "first day (yyyy-MM-dd)", "2025-01-01"),
        ]),
        new(ImportKind.Catalogue, "采购目录", "catalogue",
        [
            new(Code, true, "catalogue code", "A02010104"),
            new(Name, true, "item name", "台式计算机"),
            new(Category, true, "category", "货物"),
            new(CentralisedThreshold, true, "centralised purchase threshold in yuan", "0"),
            new(TenderThreshold, true, "open tender threshold in yuan", "2000000"),
        ]),
        new(ImportKind.ApprovalItems, "审批事项", "approval-items",
        [
            new(ItemCode, true, "item code", "QH-XK-001"),
            new(ItemName, true, "item name", "食品经营许可"),
            new(LegalBasis, true, "legal basis", "《食品安全法》第三十五条"),
            new(PromisedDays, true, "promised time limit in working days", "10"),
            new(FeeStandard, true, "fee standard", "不收费"),
            new(IsMajor, false, "是 for a major item (R23), otherwise 否", "否"),
            new(Content, false, "what is handled", string.Empty),
            new(Documents, false, "required documents, separated by ；", "申请书；营业执照"),
            new(HandlingUnit, false, "the unit that handles it", string.Empty),
        ]),
        new(ImportKind.Counterparties, "往来单位", "counterparties",
        [
            new(CounterpartyKind, true, "单位 (a company, by credit code) or 个人 (an individual, by ID number)", "单位"),
            new(Name, true, "registered name", "清河县某某建筑有限公司"),
            new(Identifier, true, "unified social credit code or ID number", "91130534MA0C12345M"),
        ]),
    ];

    public static ImportSheetTemplate Of(ImportKind kind) => Sheets.Single(s => s.Kind == kind);

    /// <summary>The kind a sheet or .csv is: by its name (the sheet's Chinese name or the .csv's English one); else by its headers.</summary>
    public static ImportSheetTemplate? Recognise(string? name, IReadOnlyCollection<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var byName = Sheets.FirstOrDefault(s => string.Equals(s.SheetName, name, StringComparison.Ordinal) || string.Equals(s.CsvName, name, StringComparison.OrdinalIgnoreCase));
        return byName ?? Sheets.FirstOrDefault(s => s.Columns.Where(c => c.Required).All(c => headers.Contains(c.Header)) && headers.All(h => s.Headers.Contains(h)));
    }
}
