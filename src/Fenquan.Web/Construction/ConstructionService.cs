using Fenquan.Core.Construction;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Construction;

/// <summary>
/// Construction projects (R19–R22) for pages and the API. Who sees and who records is the core's
/// (<see cref="ConstructionAccess"/>, and each step's own check); the writer ledgers; this only
/// translates. Another unit's project does not exist, also inside an operation (<c>visible</c>).
/// The public notice (R22) shows a tendered project's method, procedure, candidates and result
/// without sign-in.
/// </summary>
public sealed class ConstructionService(DbSession session, ConstructionOperations operations)
{
    public const int ListLimit = 200;

    public IReadOnlyList<ConstructionProject> List(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Unit is { } unit && viewer.Person is not null ? ConstructionOperations.OfUnit(session.Db, viewer.County, unit, ListLimit) : [];
    }

    public Result<ConstructionProject> Of(Viewer viewer, Guid id)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var project = ConstructionOperations.Load(session.Db, viewer.County, id);
        return project is not null && ConstructionAccess.MaySee(viewer.Asker, project) ? Result<ConstructionProject>.Ok(project) : Refusal.NotFound("Project " + id.ToString("D"));
    }

    /// <summary>Whether the viewer records this project's steps (the deputy in charge of construction, the office).</summary>
    public static bool MayRecord(Viewer viewer, ConstructionProject project)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(project);
        return viewer.Person is { } me && viewer.Org is { } org && ConstructionAccess.MaySee(viewer.Asker, project) && ConstructionAccess.MayRecord(project.UnitId, me, org, viewer.Today);
    }

    /// <summary>The project's matters (proposal, contractor choice, variations) as the viewer may open them.</summary>
    public IReadOnlyList<Matter> MattersOf(ConstructionProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var ids = project.Variations.Select(v => v.MatterId).Append(project.ProposalMatterId).ToList();
        if (project.ContractorMatterId is { } choice)
        {
            ids.Add(choice);
        }

        return [.. session.Db.Matters.AsNoTracking().Where(m => m.CountyId == project.CountyId && ids.Contains(m.Id)).AsEnumerable().OrderBy(m => m.SubmittedAt)];
    }

    public Task<Result<ConstructionProject>> ProposeAsync(Viewer viewer, string? title, decimal budget)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.Person is not { } me || viewer.Unit is not { } unit)
        {
            return Task.FromResult<Result<ConstructionProject>>(Refusal.NotFound("Unit"));
        }

        var input = CheckInput(title, budget);
        if (!input.IsOk)
        {
            return Task.FromResult<Result<ConstructionProject>>(input.Refusal!);
        }

        return operations.ProposeAsync(new SubmitMatter(viewer.County, unit, MatterKind.ConstructionProject, title ?? string.Empty, budget, Payee.None, me, viewer.InitiatorKind, MatterFlags.None, viewer.Today));
    }

    public Task<Result<ConstructionProject>> TenderAsync(Viewer viewer, Guid id, TenderMethod method, string? officeReference, string? justification, string? guidance) =>
        viewer.Person is { } me ? operations.RecordTenderAsync(viewer.County, id, new RecordTender(me, method, officeReference, justification, guidance), Visible(viewer)) : NotFound<ConstructionProject>(id);

    public Task<Result<Bid>> BidAsync(Viewer viewer, Guid id, Guid bidder, decimal price) =>
        viewer.Person is { } me ? operations.RecordBidAsync(viewer.County, id, me, new CounterpartyId(bidder), price, Visible(viewer)) : NotFound<Bid>(id);

    public Task<Result<ConstructionProject>> RankAsync(Viewer viewer, Guid id, IReadOnlyList<Guid> order, string? report) =>
        viewer.Person is { } me ? operations.RankAsync(viewer.County, id, me, order, report, Visible(viewer)) : NotFound<ConstructionProject>(id);

    public Task<Result<ConstructionProject>> NoticeAsync(Viewer viewer, Guid id, string? where) =>
        viewer.Person is { } me ? operations.NoticeAsync(viewer.County, id, me, where, Visible(viewer)) : NotFound<ConstructionProject>(id);

    public Task<Result<Matter>> ChooseContractorAsync(Viewer viewer, Guid id, Guid bid, string? reason) =>
        viewer.Person is { } me ? operations.ChooseContractorAsync(viewer.County, id, me, viewer.InitiatorKind, bid, reason, Visible(viewer)) : NotFound<Matter>(id);

    public Task<Result<ConstructionProject>> ContractAsync(Viewer viewer, Guid id, decimal amount, DateOnly signedOn, DateOnly from, DateOnly until, string? reference, decimal retentionRate, int warrantyMonths) =>
        viewer.Person is { } me
            ? operations.SignContractAsync(viewer.County, id, new SignContract(me, amount, signedOn, from, until, reference, retentionRate, warrantyMonths), Visible(viewer))
            : NotFound<ConstructionProject>(id);

    public Task<Result<Matter>> VariationAsync(Viewer viewer, Guid id, string? title, decimal amount) =>
        viewer.Person is not { } me ? NotFound<Matter>(id)
        : CheckInput(title, amount) is { IsOk: false } input ? Task.FromResult<Result<Matter>>(input.Refusal!)
        : operations.SubmitVariationAsync(viewer.County, id, me, viewer.InitiatorKind, title!.Trim(), amount, Visible(viewer));

    public Task<Result<ConstructionProject>> AcceptanceAsync(Viewer viewer, Guid id, DateOnly on, string? reference) =>
        viewer.Person is { } me ? operations.RecordAcceptanceAsync(viewer.County, id, me, on, reference, Visible(viewer)) : NotFound<ConstructionProject>(id);

    public Task<Result<ConstructionProject>> AuditAsync(Viewer viewer, Guid id, decimal audited, string? reference) =>
        viewer.Person is { } me ? operations.RecordSettlementAuditAsync(viewer.County, id, me, audited, reference, Visible(viewer)) : NotFound<ConstructionProject>(id);

    /// <summary>R22: a project of the county whose tender is recorded, for its public notice; null otherwise.</summary>
    public PublicProject? Published(Guid county, Guid id)
    {
        var project = ConstructionOperations.Load(session.Db, new CountyId(county), id);
        if (project is null || project.Stage == ConstructionStage.Proposed)
        {
            return null;
        }

        var unit = session.Db.Units.AsNoTracking().Where(u => u.Id == project.UnitId).Select(u => u.Name).Single();
        var countyName = session.Db.Counties.AsNoTracking().Where(c => c.Id == project.CountyId).Select(c => c.Name).Single();
        return new PublicProject(project, countyName, unit);
    }

    // A matter's title and amount as the matter form checks them (absurd input is refused, not routed).
    private static Outcome CheckInput(string? title, decimal amount)
    {
        var text = title?.Trim() ?? string.Empty;
        return text.Length is 0 or > Matters.InputRules.MaxTitle
            ? Refusal.Because(Refusal.InvalidId, "TitleLength", "title: a title of 1 to {max} characters is required.", ("max", Matters.InputRules.MaxTitle.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : amount is <= 0m or > Matters.InputRules.MaxAmount || decimal.Round(amount, 2) != amount
                ? Refusal.Because(Refusal.InvalidId, "AmountField", "amount: above zero, in yuan and fen, within the largest amount a matter carries.")
                : Outcome.Ok;
    }

    private static Func<ConstructionProject, bool> Visible(Viewer viewer) => p => ConstructionAccess.MaySee(viewer.Asker, p);

    private static Task<Result<T>> NotFound<T>(Guid id) => Task.FromResult<Result<T>>(Refusal.NotFound("Project " + id.ToString("D")));
}

/// <summary>What the public notice shows (R22): the project, its county and unit.</summary>
public sealed record PublicProject(ConstructionProject Project, string County, string Unit);
