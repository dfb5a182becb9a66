using System.Globalization;
using System.Text.Json;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Licensing;

/// <summary>
/// The county's register of administrative approval items (行政审批事项目录, R23, R24): county data,
/// never the submitter's. A version is the payload of a confirmed <see cref="CountyChange"/> of
/// subject <see cref="CountyChangeSubject.ApprovalItemRegister"/> (four eyes, R40); the latest
/// confirmed version is in force. An approval-item matter names one of its items, and the item's
/// "major" mark — set by the county — decides whether the matter takes the R23 route.
/// </summary>
public sealed record ApprovalItemRegister(IReadOnlyList<ApprovalItemEntry> Items)
{
    public const int MaxItems = 5_000;
    public const int MaxCode = 40;
    public const int MaxName = 200;
    public const int MaxLegalBasis = 1_000;
    public const int MaxFeeStandard = 200;
    public const int MaxWorkingDays = 365;

    public static ApprovalItemRegister Empty { get; } = new([]);

    /// <summary>The item of that code (case-insensitive), or null.</summary>
    /// <summary>R24: the items a public visitor finds — by words of the code, name, content or legal basis, and by handling unit.</summary>
    public IReadOnlyList<ApprovalItemEntry> Search(string? words, Guid? unit)
    {
        var terms = (words ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. Items.Where(i => (unit is null || i.UnitId == unit)
            && terms.All(t => i.Code.Contains(t, StringComparison.OrdinalIgnoreCase) || i.Name.Contains(t, StringComparison.OrdinalIgnoreCase)
                || i.Content.Contains(t, StringComparison.OrdinalIgnoreCase) || i.LegalBasis.Contains(t, StringComparison.OrdinalIgnoreCase)))];
    }

    public ApprovalItemEntry? Find(string code) =>
        Items.FirstOrDefault(i => string.Equals(i.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool Equals(ApprovalItemRegister? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Count;

    public string ToJson() => JsonSerializer.Serialize(new Document([.. Items]), RegisterJson.Options);

    /// <summary>
    /// A register from its JSON (<c>{"items":[{"code":…,"name":…,"legalBasis":…,"promisedWorkingDays":…,"feeStandard":…,"isMajor":…}]}</c>,
    /// optionally with <c>content</c>, <c>procedure</c> ([{"name","workingDays"}]), <c>requiredDocuments</c>, <c>unitId</c>,
    /// <c>acceptanceWorkingDays</c> and <c>feeYuan</c>), checked.
    /// </summary>
    public static Result<ApprovalItemRegister> FromJson(string json)
    {
        var document = RegisterJson.Read<Document>(json, "register");
        return document.IsOk ? Create(document.Value.Items) : document.Refusal!;
    }

    /// <summary>R24: every item publishes its content, legal basis, time limit and fee standard; codes are unique.</summary>
    public static Result<ApprovalItemRegister> Create(IEnumerable<ApprovalItemEntry> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = new List<ApprovalItemEntry>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in items)
        {
            if (raw is null)
            {
                return Refusal.Because(Refusal.InvalidId, "RegisterEmptyItem", "The register has an empty item.");
            }

            var item = raw with
            {
                Code = raw.Code?.Trim() ?? string.Empty,
                Name = raw.Name?.Trim() ?? string.Empty,
                LegalBasis = raw.LegalBasis?.Trim() ?? string.Empty,
                FeeStandard = raw.FeeStandard?.Trim() ?? string.Empty,
                Content = raw.Content?.Trim() ?? string.Empty,
                RequiredDocuments = raw.RequiredDocuments is { Count: > 0 } documents ? [.. documents.Select(d => d?.Trim() ?? string.Empty)] : null,
                Procedure = raw.Procedure is { Count: > 0 } steps ? [.. steps.Select(st => st is null ? null! : st with { Name = st.Name?.Trim() ?? string.Empty })] : null,
            };
            var line = (list.Count + 1).ToString(CultureInfo.InvariantCulture);
            if (item.Code.Length is 0 or > MaxCode || item.Name.Length is 0 or > MaxName
                || item.LegalBasis.Length is 0 or > MaxLegalBasis || item.FeeStandard.Length is 0 or > MaxFeeStandard)
            {
                return Refusal.Because("R24", "ApprovalItemUnpublished",
                    "Approval item {line} must publish a code, a name, its legal basis and its fee standard (\"不收费\" when free).",
                    ("line", line));
            }

            if (item.PromisedWorkingDays is < 1 or > MaxWorkingDays)
            {
                return Refusal.Because("R24", "ApprovalItemTimeLimit",
                    "Approval item {code}: the promised time limit is 1 to 365 working days.", ("code", item.Code));
            }

            if (item.Content.Length > MaxLegalBasis || item.AcceptanceWorkingDays is < 1 or > 20 || item.FeeYuan is < 0m
                || item.Documents.Any(d => string.IsNullOrWhiteSpace(d) || d.Length > MaxName)
                || item.Steps.Any(s => string.IsNullOrWhiteSpace(s?.Name) || s.Name.Length > MaxName || s.WorkingDays < 1))
            {
                return Refusal.Because("R24", "ApprovalItemDetailInvalid",
                    "Approval item {code}: each procedure step and required document is named, each step has at least one working day, the acceptance limit is 1 to 20 working days and a fee is not negative.",
                    ("code", item.Code));
            }

            if (item.Steps.Sum(s => s.WorkingDays) > item.PromisedWorkingDays)
            {
                return Refusal.Because("R24", "ApprovalItemStepsOverPromise",
                    "Approval item {code}: its steps take {steps} working days, more than the {days} promised.",
                    ("code", item.Code), ("steps", item.Steps.Sum(s => s.WorkingDays).ToString(CultureInfo.InvariantCulture)), ("days", item.PromisedWorkingDays.ToString(CultureInfo.InvariantCulture)));
            }

            if (!codes.Add(item.Code))
            {
                return Refusal.Because("R24", "ApprovalItemCodeRepeated", "The register names code {code} twice.", ("code", item.Code));
            }

            list.Add(item);
        }

        if (list.Count > MaxItems)
        {
            return Refusal.Because(Refusal.InvalidId, "RegisterTooLarge", "A register has at most {max} items.", ("max", MaxItems.ToString(CultureInfo.InvariantCulture)));
        }

        return Result<ApprovalItemRegister>.Ok(new ApprovalItemRegister(list));
    }

    private sealed record Document(IReadOnlyList<ApprovalItemEntry> Items);
}
