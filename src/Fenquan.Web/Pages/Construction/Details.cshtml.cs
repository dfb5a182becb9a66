using Fenquan.Core.Construction;
using Fenquan.Core.Counterparties;
using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Construction;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Construction;

/// <summary>
/// One construction project (R19–R22): its procedure so far and, for the deputy in charge of
/// construction or the office, the form of its next step; the contractor choice and variations are
/// matters with their own pages (routes and meetings), paid there by finance staff.
/// </summary>
public sealed class ConstructionDetailsModel(ConstructionService projects, DbSession session, IStringLocalizer<SharedResource> text, IStringLocalizer<ConstructionResource> constructionText) : FenquanPage(text)
{
    public ConstructionProject Project { get; private set; } = null!;

    public IReadOnlyList<Matter> Matters { get; private set; } = [];

    public IReadOnlyList<Counterparty> Counterparties { get; private set; } = [];

    public bool MayRecord { get; private set; }

    public IActionResult OnGet(Guid id) => Load(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostTenderAsync(Guid id, TenderMethod method, string? office, string? justification, string? guidance) =>
        Done(id, projects.TenderAsync(Viewer, id, method, office, justification, guidance));

    public Task<IActionResult> OnPostBidAsync(Guid id, Guid bidder, decimal price) => Done(id, projects.BidAsync(Viewer, id, bidder, price));

    public Task<IActionResult> OnPostRankAsync(Guid id, List<Guid> order, string? report) => Done(id, projects.RankAsync(Viewer, id, order, report));

    public Task<IActionResult> OnPostNoticeAsync(Guid id, string? where) => Done(id, projects.NoticeAsync(Viewer, id, where));

    public Task<IActionResult> OnPostChooseAsync(Guid id, Guid bid, string? reason) => Done(id, projects.ChooseContractorAsync(Viewer, id, bid, reason));

    public Task<IActionResult> OnPostContractAsync(Guid id, decimal amount, DateOnly signedOn, DateOnly from, DateOnly until, string? reference, decimal retention, int warranty) =>
        Done(id, projects.ContractAsync(Viewer, id, amount, signedOn, from, until, reference, retention, warranty));

    public Task<IActionResult> OnPostVariationAsync(Guid id, string? title, decimal amount) => Done(id, projects.VariationAsync(Viewer, id, title, amount));

    public Task<IActionResult> OnPostAcceptanceAsync(Guid id, DateOnly on, string? reference) => Done(id, projects.AcceptanceAsync(Viewer, id, on, reference));

    public Task<IActionResult> OnPostAuditAsync(Guid id, decimal audited, string? reference) => Done(id, projects.AuditAsync(Viewer, id, audited, reference));

    public string NameOf(PersonId person) => Viewer.Org?.NameOf(person) ?? person.ToString();

    private async Task<IActionResult> Done<T>(Guid id, Task<Result<T>> step)
    {
        var result = await step;
        if (result.IsOk)
        {
            Notice = constructionText["Done"];
            return Redirect($"/construction/{id:D}");
        }

        if (!Load(id))
        {
            return NotFound();
        }

        Show(result.Refusal!);
        return Page();
    }

    private bool Load(Guid id)
    {
        var project = projects.Of(Viewer, id);
        if (!project.IsOk)
        {
            return false;
        }

        Project = project.Value;
        Matters = projects.MattersOf(Project);
        MayRecord = ConstructionService.MayRecord(Viewer, Project);
        Counterparties = MayRecord && Project.Stage == ConstructionStage.Tendered ? CounterpartyOperations.List(session.Db, Viewer.County, null) : [];
        return true;
    }
}
