using Fenquan.Core.Construction;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// Construction projects (R19–R22): each operation loads the project and the matters it needs, lets
/// the core decide (<see cref="ConstructionProject"/>) and hands the change to the writer. The
/// proposal, the contractor choice and each variation are matters submitted in the same unit of work
/// as the project's change, through <see cref="MatterOperations.Submit"/>, so they take their routes
/// and meetings like any other matter. <c>visible</c> hides projects the caller may not see (NotFound).
/// </summary>
public sealed class ConstructionOperations(LedgerWriter writer, MatterOperations matters, ConstructionSettings? settings = null)
{
    private readonly ConstructionSettings _settings = settings ?? ConstructionSettings.Default;

    /// <summary>立项: the proposal matter (routed to a collective decision, R21) and its project, together.</summary>
    public Task<Result<ConstructionProject>> ProposeAsync(SubmitMatter command) =>
        writer.ExecuteAsync(command.CountyId, "construction.proposed", ctx =>
        {
            if (command.Kind != MatterKind.ConstructionProject)
            {
                return Refusal.Because(Refusal.InvalidId, "ProjectNeedsProjectMatter", "A construction project is proposed as a constructionProject matter.");
            }

            var proposal = matters.Submit(ctx, command, null, null, MatterFlags.None);
            if (!proposal.IsOk)
            {
                return proposal.Refusal!;
            }

            var township = ctx.Db.Units.AsNoTracking().Any(u => u.CountyId == command.CountyId && u.Id == command.UnitId && u.Kind == UnitKind.Township);
            var project = ConstructionProject.Propose(proposal.Value, township, _settings, ctx.Now);
            if (project.IsOk)
            {
                ctx.Db.Add(project.Value);
            }

            return project;
        });

    /// <summary>R20: the tender through the district tender office; a single source's red flag (R47) is written with it.</summary>
    public Task<Result<ConstructionProject>> RecordTenderAsync(CountyId county, Guid projectId, RecordTender command, Func<ConstructionProject, bool>? visible = null) =>
        Change(county, projectId, "construction.tendered", visible, (ctx, project, org) =>
        {
            var proposal = MatterOperations.Load(ctx, project.ProposalMatterId)!;
            var tendered = project.RecordTender(proposal, command, org, ctx.Now);
            if (tendered.IsOk && tendered.Value is { } flag)
            {
                ctx.Db.Add(flag);
            }

            return tendered.IsOk ? Outcome.Ok : tendered.Refusal!;
        });

    /// <summary>R20: a bid of a registered counterparty (R6).</summary>
    public Task<Result<Bid>> RecordBidAsync(CountyId county, Guid projectId, PersonId by, CounterpartyId bidder, decimal price, Func<ConstructionProject, bool>? visible = null) =>
        writer.ExecuteAsync(county, "construction.bid", ctx =>
        {
            var project = Find(ctx, projectId, visible);
            if (project is null)
            {
                return Refusal.NotFound($"Project {projectId:D}");
            }

            var counterparty = CounterpartyOperations.Find(ctx.Db, county, bidder);
            if (counterparty is null)
            {
                return Refusal.NotFound($"Counterparty {bidder}");
            }

            var bid = project.RecordBid(by, counterparty.Id, counterparty.Name, price, ctx.UnitView(project.UnitId), ctx.Now);
            if (bid.IsOk)
            {
                ctx.Db.Add(bid.Value);
            }

            return bid;
        });

    /// <summary>R20: the evaluation committee's ranking of every bid, best first.</summary>
    public Task<Result<ConstructionProject>> RankAsync(CountyId county, Guid projectId, PersonId by, IReadOnlyList<Guid> order, string? evaluationReference, Func<ConstructionProject, bool>? visible = null) =>
        Change(county, projectId, "construction.ranked", visible, (ctx, project, org) => project.Rank(by, order, evaluationReference, org, ctx.Now));

    /// <summary>R22: the winning candidates' public notice, from today.</summary>
    public Task<Result<ConstructionProject>> NoticeAsync(CountyId county, Guid projectId, PersonId by, string? where, Func<ConstructionProject, bool>? visible = null) =>
        Change(county, projectId, "construction.noticed", visible, (ctx, project, org) => project.NoticeCandidates(by, where, org, ctx.Now));

    /// <summary>
    /// R21: puts a noticed candidate to the team as a contractor-choice matter at its bid price,
    /// paying the bidder, once the notice has run (the reasons written for one not ranked first).
    /// </summary>
    public Task<Result<Matter>> ChooseContractorAsync(CountyId county, Guid projectId, PersonId by, InitiatorKind initiator, Guid bidId, string? reason, Func<ConstructionProject, bool>? visible = null) =>
        writer.ExecuteAsync(county, "construction.contractor-proposed", ctx =>
        {
            var project = Find(ctx, projectId, visible);
            if (project is null)
            {
                return Refusal.NotFound($"Project {projectId:D}");
            }

            var previous = project.ContractorMatterId is { } id ? MatterOperations.Load(ctx, id) : null;
            var bid = project.CheckContractorChoice(bidId, reason, previous, ctx.Now);
            if (!bid.IsOk)
            {
                return bid.Refusal!;
            }

            var today = ChinaTime.DateOf(ctx.Now);
            // The matter's title (at most 300 characters) names the project and the bidder.
            var (head, tail) = ("确定中标人：", $"（{bid.Value.BidderName}）");
            var room = 300 - head.Length - tail.Length;
            var title = head + (project.Title.Length > room ? project.Title[..room] : project.Title) + tail;
            var choice = matters.Submit(ctx, new SubmitMatter(county, project.UnitId, MatterKind.ContractorChoice, title, bid.Value.Price,
                Payee.Counterparty(bid.Value.BidderId, bid.Value.BidderName), by, initiator, MatterFlags.None, today), null, null, MatterFlags.None);
            if (choice.IsOk)
            {
                project.ProposeContractor(choice.Value, bid.Value, reason, ctx.Now);
            }

            return choice;
        });

    /// <summary>R21: the contract with the contractor the team chose.</summary>
    public Task<Result<ConstructionProject>> SignContractAsync(CountyId county, Guid projectId, SignContract command, Func<ConstructionProject, bool>? visible = null) =>
        Change(county, projectId, "construction.contracted", visible, (ctx, project, org) =>
            project.ContractorMatterId is { } id && MatterOperations.Load(ctx, id) is { } choice
                ? project.SignContract(choice, command, org, ctx.Now)
                : Refusal.Because("R21", "ContractorChoiceNotFound", "The contractor of \"{title}\" is chosen by the team collectively before the contract is signed.", ("title", project.Title)));

    /// <summary>
    /// R19: a variation order as its own matter paying the contractor, routed to a meeting once the
    /// project's variations with it pass the share of the contract (decided here from the project's
    /// data, R40), and linked to the project.
    /// </summary>
    public Task<Result<Matter>> SubmitVariationAsync(CountyId county, Guid projectId, PersonId by, InitiatorKind initiator, string title, decimal amount, Func<ConstructionProject, bool>? visible = null) =>
        writer.ExecuteAsync(county, "construction.variation", ctx =>
        {
            var project = Find(ctx, projectId, visible);
            if (project is null)
            {
                return Refusal.NotFound($"Project {projectId:D}");
            }

            var beyond = project.CheckVariation(amount, VariationMatters(ctx.Db, project));
            if (!beyond.IsOk)
            {
                return beyond.Refusal!;
            }

            var today = ChinaTime.DateOf(ctx.Now);
            var payee = Payee.Counterparty(project.ContractorId!.Value, project.ContractorName!);
            var variation = matters.Submit(ctx, new SubmitMatter(county, project.UnitId, MatterKind.VariationOrder, title, amount, payee, by, initiator, MatterFlags.None, today),
                null, null, beyond.Value ? MatterFlags.BeyondVariationShare : MatterFlags.None);
            if (!variation.IsOk)
            {
                return variation;
            }

            var linked = project.AddVariation(variation.Value, beyond.Value, ctx.Now);
            if (!linked.IsOk)
            {
                return linked.Refusal!;
            }

            ctx.Db.Add(linked.Value);
            return variation;
        });

    /// <summary>R19: acceptance of the works.</summary>
    public Task<Result<ConstructionProject>> RecordAcceptanceAsync(CountyId county, Guid projectId, PersonId by, DateOnly on, string? reference, Func<ConstructionProject, bool>? visible = null) =>
        Change(county, projectId, "construction.accepted", visible, (ctx, project, org) => project.RecordAcceptance(by, on, reference, org, ctx.Now));

    /// <summary>R19: the settlement audit, before the final payment.</summary>
    public Task<Result<ConstructionProject>> RecordSettlementAuditAsync(CountyId county, Guid projectId, PersonId by, decimal audited, string? reference, Func<ConstructionProject, bool>? visible = null) =>
        Change(county, projectId, "construction.audited", visible, (ctx, project, org) => project.RecordSettlementAudit(by, audited, reference, VariationMatters(ctx.Db, project), org, ctx.Now));

    /// <summary>A project with its bids and variations, untracked, or null when the county has none such.</summary>
    public static ConstructionProject? Load(FenquanDbContext db, CountyId county, Guid id)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Projects(db).AsNoTracking().SingleOrDefault(p => p.CountyId == county && p.Id == id);
    }

    /// <summary>The unit's projects, newest first.</summary>
    public static IReadOnlyList<ConstructionProject> OfUnit(FenquanDbContext db, CountyId county, UnitId unit, int limit)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. Projects(db).AsNoTracking().Where(p => p.CountyId == county && p.UnitId == unit).AsEnumerable().OrderByDescending(p => p.UpdatedAt).Take(limit)];
    }

    /// <summary>The project whose contractor-choice matter this is, or null: its contract bounds the payments on that matter (R19).</summary>
    public static ConstructionProject? ByContractorMatter(FenquanDbContext db, CountyId county, MatterId matter)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Projects(db).AsNoTracking().SingleOrDefault(p => p.CountyId == county && p.ContractorMatterId == matter);
    }

    /// <summary>The matters of the project's variations, untracked.</summary>
    public static IReadOnlyList<Matter> VariationMatters(FenquanDbContext db, ConstructionProject project)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(project);
        var ids = project.Variations.Select(v => v.MatterId).ToList();
        return ids.Count == 0 ? [] : [.. db.Matters.AsNoTracking().Where(m => m.CountyId == project.CountyId && ids.Contains(m.Id))];
    }

    private static IQueryable<ConstructionProject> Projects(FenquanDbContext db) => db.Set<ConstructionProject>().Include(p => p.Bids).Include(p => p.Variations);

    private static ConstructionProject? Find(WriteContext ctx, Guid id, Func<ConstructionProject, bool>? visible)
    {
        var project = Projects(ctx.Db).SingleOrDefault(p => p.CountyId == ctx.County && p.Id == id);
        return project is null || (visible is not null && !visible(project)) ? null : project;
    }

    private Task<Result<ConstructionProject>> Change(CountyId county, Guid projectId, string kind, Func<ConstructionProject, bool>? visible, Func<WriteContext, ConstructionProject, IOrganizationView, Outcome> change) =>
        writer.ExecuteAsync(county, kind, ctx =>
        {
            var project = Find(ctx, projectId, visible);
            if (project is null)
            {
                return Refusal.NotFound($"Project {projectId:D}");
            }

            var changed = change(ctx, project, ctx.UnitView(project.UnitId));
            return changed.IsOk ? Result<ConstructionProject>.Ok(project) : changed.Refusal!;
        });
}
