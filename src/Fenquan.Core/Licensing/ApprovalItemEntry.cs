using System.Text.Json.Serialization;
using Fenquan.Core.Calendar;

namespace Fenquan.Core.Licensing;

/// <summary>
/// One item of the county's register of administrative approval items (行政审批事项目录, R24): its
/// published content (code, name and what it grants), legal basis (设定依据), promised time limit in
/// working days (承诺时限, R46), fee standard (收费标准; <see cref="FeeYuan"/> the amount set by law,
/// null when free — 行政许可法 Art. 58), the procedure's steps each with its own limit, the documents
/// an applicant hands in (申请材料), the acceptance limit (受理时限, Art. 32), the unit that handles it
/// (null: any unit of the county may be named when a matter is submitted), and whether the county
/// marks it major (R23: then the unit decides it collectively).
/// </summary>
public sealed record ApprovalItemEntry(
    string Code,
    string Name,
    string LegalBasis,
    int PromisedWorkingDays,
    string FeeStandard,
    bool IsMajor,
    string Content = "",
    IReadOnlyList<ProcedureStep>? Procedure = null,
    IReadOnlyList<string>? RequiredDocuments = null,
    Guid? UnitId = null,
    int AcceptanceWorkingDays = ApprovalItemEntry.DefaultAcceptanceWorkingDays,
    decimal? FeeYuan = null)
{
    /// <summary>行政许可法 Art. 32: an application is accepted, refused or told what is missing within five days.</summary>
    public const int DefaultAcceptanceWorkingDays = 5;

    /// <summary>R46: the item's promised limit counts working days.</summary>
    [JsonIgnore]
    public TimeLimit Limit => TimeLimit.Working(PromisedWorkingDays);

    [JsonIgnore]
    public TimeLimit AcceptanceLimit => TimeLimit.Working(AcceptanceWorkingDays);

    /// <summary>The published steps; an item that publishes none has one step, the decision, within the whole limit.</summary>
    [JsonIgnore]
    public IReadOnlyList<ProcedureStep> Steps => Procedure is { Count: > 0 } steps ? steps : [new ProcedureStep("审查决定", PromisedWorkingDays)];

    [JsonIgnore]
    public IReadOnlyList<string> Documents => RequiredDocuments ?? [];

    [JsonIgnore]
    public bool IsFree => FeeYuan is null or 0m;

    public bool Equals(ApprovalItemEntry? other) =>
        other is not null && Code == other.Code && Name == other.Name && LegalBasis == other.LegalBasis && PromisedWorkingDays == other.PromisedWorkingDays
        && FeeStandard == other.FeeStandard && IsMajor == other.IsMajor && Content == other.Content && Steps.SequenceEqual(other.Steps)
        && Documents.SequenceEqual(other.Documents) && UnitId == other.UnitId && AcceptanceWorkingDays == other.AcceptanceWorkingDays && FeeYuan == other.FeeYuan;

    public override int GetHashCode() => HashCode.Combine(Code, Name, PromisedWorkingDays);
}
