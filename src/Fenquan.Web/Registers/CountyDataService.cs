using System.Globalization;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Licensing;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Registers;

/// <summary>The county's route-deciding data as a viewer reads it: what is in force, and the changes proposed.</summary>
public sealed record CountyDataView(
    ProcurementCatalogue Catalogue,
    CountyChange? CatalogueVersion,
    ApprovalItemRegister Register,
    CountyChange? RegisterVersion,
    CountyBounds Bounds,
    IReadOnlyList<CountyChange> Changes);

/// <summary>
/// The county's settings as a county administrator reads them: name, the bounds in force, the bounds
/// change awaiting a second official (with the units it would wait for), a confirmed one still
/// waiting for units, and a new name awaiting a second official (R40).
/// </summary>
public sealed record CountySettingsView(
    string Name,
    CountyBounds Bounds,
    CountyChange? Pending,
    IReadOnlyList<string> PendingWouldWaitFor,
    CountyChange? Waiting,
    IReadOnlyList<string> WaitingFor,
    bool TwoFactorRequired,
    CountyChange? PendingRename)
{
    /// <summary>The name the pending rename proposes, or null.</summary>
    public string? ProposedName => PendingRename is { } rename ? CountyRename.FromJson(rename.PayloadJson).Value.Name : null;

    /// <summary>R22: the OCDS prefix the county registered (four eyes), or null while the configured placeholder is used.</summary>
    public string? OcdsPrefix { get; init; }

    /// <summary>An OCDS prefix awaiting a second county administrator.</summary>
    public CountyChange? PendingOcdsPrefix { get; init; }

    public string? ProposedOcdsPrefix => PendingOcdsPrefix is { } change ? Core.Ocds.OcdsPrefixSetting.FromJson(change.PayloadJson).Value.Prefix : null;
}

/// <summary>What a proposed change would change, for its confirmer: entries added, removed and changed, by code.</summary>
public sealed record ChangeDiff(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed);

/// <summary>A change attempt's outcome: the change, or the refusal and whether the viewer may not propose or confirm at all (403).</summary>
public sealed record CountyChangeOutcome(Result<CountyChange> Result, bool Forbidden);

/// <summary>
/// The county's procurement catalogue (R18), approval-item register (R23, R24) and bounds, for
/// pages and the API alike: everyone signed in to the county reads them; only county
/// administrators propose and confirm changes, and the core's four-eyes rule (R40) decides whether
/// a confirmation counts. The county's discipline inspection is notified by the operations.
/// </summary>
public sealed class CountyDataService(DbSession session, CountyChangeOperations operations)
{
    public CountyDataView Read(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var (catalogue, catalogueVersion) = CountyChangeOperations.CatalogueInForce(session.Db, viewer.County);
        var (register, registerVersion) = CountyChangeOperations.RegisterInForce(session.Db, viewer.County);
        var bounds = session.Db.Counties.AsNoTracking().Where(c => c.Id == viewer.County).Select(c => c.Bounds).Single();
        return new CountyDataView(catalogue, catalogueVersion, register, registerVersion, bounds, CountyChangeOperations.Changes(session.Db, viewer.County));
    }

    /// <summary>The county's name, bounds and bounds changes under way, for the settings form and the API.</summary>
    public CountySettingsView Settings(Viewer viewer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var county = session.Db.Counties.AsNoTracking().Single(c => c.Id == viewer.County);
        var pending = CountyChangeOperations.Changes(session.Db, viewer.County, CountyChangeSubject.Bounds, take: 10).FirstOrDefault(c => c.State == CountyChangeState.Pending);
        var waiting = BoundsStandings.WaitingChange(session.Db, viewer.County);
        IReadOnlyList<string> wouldWait = pending is null
            ? []
            : BoundsStandings.Check(session.Db, viewer.County, CountyChangePayload.BoundsFromJson(pending.PayloadJson).Value, today) is { IsOk: true } check
                ? [.. check.Value.Select(u => u.Name)]
                : [];
        IReadOnlyList<string> waitingFor = waiting is null ? [] : [.. BoundsStandings.Load(session.Db, viewer.County, waiting.WaitingFor).Select(u => u.Name)];
        var rename = CountyChangeOperations.Changes(session.Db, viewer.County, CountyChangeSubject.CountyName, take: 10).FirstOrDefault(c => c.State == CountyChangeState.Pending);
        return new CountySettingsView(county.Name, county.Bounds, pending, wouldWait, waiting, waitingFor, county.TwoFactorRequired, rename)
        {
            OcdsPrefix = CountyChangeOperations.OcdsPrefixInForce(session.Db, viewer.County),
            PendingOcdsPrefix = CountyChangeOperations.Changes(session.Db, viewer.County, CountyChangeSubject.OcdsPrefix, take: 10).FirstOrDefault(c => c.State == CountyChangeState.Pending),
        };
    }

    /// <summary>R22: proposes the county's registered OCDS prefix (R40) as this county administrator; a second one confirms.</summary>
    public async Task<CountyChangeOutcome> ProposeOcdsPrefixAsync(Viewer viewer, string? prefix, string? summary) =>
        Official(viewer) is { } official ? new(await operations.ProposeOcdsPrefixAsync(viewer.County, prefix, summary ?? string.Empty, official), false) : NotAnOfficial();

    /// <summary>Proposes a new name for the county (R40) as this county administrator; a second one confirms.</summary>
    public async Task<CountyChangeOutcome> ProposeRenameAsync(Viewer viewer, string? name, string? summary) =>
        Official(viewer) is { } official ? new(await operations.ProposeRenameAsync(viewer.County, name, summary ?? string.Empty, official), false) : NotAnOfficial();

    /// <summary>Proposes new bounds and switches (R2–R5, R16) as this county administrator; a second one confirms.</summary>
    public Task<CountyChangeOutcome> ProposeBoundsAsync(Viewer viewer, CountyBounds bounds, string? summary) =>
        ProposeAsync(viewer, CountyChangeSubject.Bounds, CountyChangePayload.BoundsToJson(bounds), summary);

    public async Task<CountyChangeOutcome> ProposeAsync(Viewer viewer, CountyChangeSubject subject, string payloadJson, string? summary)
    {
        if (Official(viewer) is not { } official)
        {
            return NotAnOfficial();
        }

        return new(await operations.ProposeAsync(viewer.County, subject, payloadJson, summary ?? string.Empty, official), false);
    }

    public async Task<CountyChangeOutcome> ConfirmAsync(Viewer viewer, Guid id) =>
        Official(viewer) is { } official ? new(await operations.ConfirmAsync(viewer.County, id, official), false) : NotAnOfficial();

    public async Task<CountyChangeOutcome> WithdrawAsync(Viewer viewer, Guid id) =>
        Official(viewer) is { } official ? new(await operations.WithdrawAsync(viewer.County, id, official), false) : NotAnOfficial();

    /// <summary>The change of the viewer's county with that id, or NotFound.</summary>
    public Result<CountyChange> Get(Viewer viewer, Guid id)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var change = session.Db.Set<CountyChange>().AsNoTracking().SingleOrDefault(c => c.Id == id && c.CountyId == viewer.County);
        return change is null ? Refusal.NotFound("County change " + id.ToString("D")) : Result<CountyChange>.Ok(change);
    }

    /// <summary>What the change would change against what is in force now.</summary>
    public static ChangeDiff Diff(CountyChange change, CountyDataView current)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(current);
        return change.Subject switch
        {
            CountyChangeSubject.ProcurementCatalogue => Diff(current.Catalogue.Entries, ProcurementCatalogue.FromJson(change.PayloadJson).Value.Entries, e => e.Code),
            CountyChangeSubject.ApprovalItemRegister => Diff(current.Register.Items, ApprovalItemRegister.FromJson(change.PayloadJson).Value.Items, i => i.Code),
            CountyChangeSubject.Bounds => Diff([current.Bounds], [CountyChangePayload.BoundsFromJson(change.PayloadJson).Value], _ => "bounds"),
            CountyChangeSubject.CountyName => new ChangeDiff([], [], [CountyRename.FromJson(change.PayloadJson).Value.Name]),
            CountyChangeSubject.OcdsPrefix => new ChangeDiff([], [], [Core.Ocds.OcdsPrefixSetting.FromJson(change.PayloadJson).Value.Prefix]),
            _ => new ChangeDiff([], [], []),
        };
    }

    /// <summary>
    /// The account acting as a county official, or null when it is not a county administrator:
    /// only they propose and confirm (a sign-in account's user name identifies them for four eyes).
    /// </summary>
    public static CountyOfficial? Official(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsCountyAdministrator ? new CountyOfficial(viewer.UserName, string.IsNullOrWhiteSpace(viewer.Name) ? viewer.UserName : viewer.Name) : null;
    }

    /// <summary>A catalogue from the page's lines: <c>code|name|category|centralised threshold|tender threshold</c>.</summary>
    public static Result<ProcurementCatalogue> CatalogueFromLines(string? text)
    {
        var entries = new List<CatalogueEntry>();
        foreach (var (fields, line) in Lines(text))
        {
            if (fields.Length != 5 || !Yuan(fields[3], out var centralised) || !Yuan(fields[4], out var tender))
            {
                return Refusal.Because(Refusal.InvalidId, "CatalogueLine", "Line {line}: code|name|category|centralised-purchase threshold|tender threshold (yuan).", ("line", line.ToString(CultureInfo.InvariantCulture)));
            }

            entries.Add(new CatalogueEntry(fields[0], fields[1], fields[2], centralised, tender));
        }

        return ProcurementCatalogue.Create(entries);
    }

    public static string CatalogueToLines(ProcurementCatalogue catalogue) =>
        string.Join('\n', catalogue.Entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Code}|{e.Name}|{e.Category}|{e.CentralisedPurchaseThreshold:0.##}|{e.TenderThreshold:0.##}")));

    /// <summary>A register from the page's lines: <c>code|name|legal basis|working days|fee standard|major (是/否)</c>.</summary>
    public static Result<ApprovalItemRegister> RegisterFromLines(string? text)
    {
        var items = new List<ApprovalItemEntry>();
        foreach (var (fields, line) in Lines(text))
        {
            var item = fields.Length is 6 or 12 && int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && Major(fields[5]) is { } major
                ? new ApprovalItemEntry(fields[0], fields[1], fields[2], days, fields[4], major)
                : null;
            item = fields.Length == 12 && item is not null ? WithDetails(item, fields) : item;
            if (item is null)
            {
                return Refusal.Because(Refusal.InvalidId, "RegisterLine", "Line {line}: code|name|legal basis|working days|fee standard|major (是 or 否), optionally followed by |content|documents (a;b)|steps (name:days;…)|unit id|acceptance working days|fee in yuan.", ("line", line.ToString(CultureInfo.InvariantCulture)));
            }

            items.Add(item);
        }

        return ApprovalItemRegister.Create(items);
    }

    public static string RegisterToLines(ApprovalItemRegister register) =>
        string.Join('\n', register.Items.Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{i.Code}|{i.Name}|{i.LegalBasis}|{i.PromisedWorkingDays}|{i.FeeStandard}|{(i.IsMajor ? "是" : "否")}|{i.Content}|{string.Join(';', i.Documents)}|{string.Join(';', i.Steps.Select(s => s.Name + ":" + s.WorkingDays.ToString(CultureInfo.InvariantCulture)))}|{i.UnitId:D}|{i.AcceptanceWorkingDays}|{i.FeeYuan:0.##}")));

    // The published details after the first six fields, or null when one does not read.
    private static ApprovalItemEntry? WithDetails(ApprovalItemEntry item, string[] fields) =>
        Steps(fields[8], out var steps) && OptionalGuid(fields[9], out var unit) && int.TryParse(fields[10], NumberStyles.None, CultureInfo.InvariantCulture, out var acceptance) && OptionalYuan(fields[11], out var fee)
            ? item with { Content = fields[6], RequiredDocuments = List(fields[7]), Procedure = steps, UnitId = unit, AcceptanceWorkingDays = acceptance, FeeYuan = fee }
            : null;

    private static IReadOnlyList<string>? List(string text) =>
        text.Split([';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } parts ? parts : null;

    private static bool Steps(string text, out IReadOnlyList<ProcedureStep>? steps)
    {
        var list = new List<ProcedureStep>();
        foreach (var part in List(text) ?? [])
        {
            var at = part.LastIndexOfAny([':', '：']);
            if (at <= 0 || !int.TryParse(part[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                steps = null;
                return false;
            }

            list.Add(new ProcedureStep(part[..at].Trim(), days));
        }

        steps = list.Count > 0 ? list : null;
        return true;
    }

    private static bool OptionalGuid(string text, out Guid? id)
    {
        id = Guid.TryParse(text, out var parsed) ? parsed : null;
        return id is not null || text.Length == 0;
    }

    private static bool OptionalYuan(string text, out decimal? fee)
    {
        fee = Yuan(text, out var amount) ? amount : null;
        return fee is not null || text.Length == 0;
    }

    private static CountyChangeOutcome NotAnOfficial() =>
        new(CountyOfficial.OfficialsOnly, true);

    private static ChangeDiff Diff<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key)
    {
        var old = before.ToDictionary(key, StringComparer.OrdinalIgnoreCase);
        var now = after.ToDictionary(key, StringComparer.OrdinalIgnoreCase);
        return new ChangeDiff(
            [.. now.Keys.Where(k => !old.ContainsKey(k))],
            [.. old.Keys.Where(k => !now.ContainsKey(k))],
            [.. now.Where(p => old.TryGetValue(p.Key, out var was) && !Equals(was, p.Value)).Select(p => p.Key)]);
    }

    private static IEnumerable<(string[] Fields, int Line)> Lines(string? text)
    {
        var lines = (text ?? string.Empty).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0)
            {
                yield return ([.. line.Split('|').Select(f => f.Trim())], i + 1);
            }
        }
    }

    private static bool Yuan(string text, out decimal amount) =>
        decimal.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);

    private static bool? Major(string text) => text.Trim().ToUpperInvariant() switch
    {
        "是" or "Y" or "YES" or "TRUE" or "重大" => true,
        "否" or "N" or "NO" or "FALSE" or "" => false,
        _ => null,
    };
}
