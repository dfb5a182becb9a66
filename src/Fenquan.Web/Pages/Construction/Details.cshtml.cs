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
public sealed class ConstructionDetailsModel(ConstructionService projects, DbSession session, IStringLocalizer<SharedResource> text, IStringLocalizer<ConstructionResource> constructionText, IStringLocalizer<FinanceResource> financeText) : FenquanPage(text)
{
    public ConstructionProject Project { get; private set; } = null!;

    public IReadOnlyList<Matter> Matters { get; private set; } = [];

    public IReadOnlyList<Counterparty> Counterparties { get; private set; } = [];

    public bool MayRecord { get; private set; }

    public IActionResult OnGet(Guid id) => Load(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostTenderAsync(Guid id, TenderMethod method, string? office, string? justification, string? guidance) =>
        Done(id, projects.TenderAsync(Viewer, id, method, office, justification, guidance));

    public Task<IActionResult> OnPostBidAsync(Guid id, Guid bidder, string? price) => WithAmount(id, price, "Bid.Price", yuan => projects.BidAsync(Viewer, id, bidder, yuan));

    public Task<IActionResult> OnPostRankAsync(Guid id, List<Guid> order, string? report) => Done(id, projects.RankAsync(Viewer, id, order, report));

    public Task<IActionResult> OnPostNoticeAsync(Guid id, string? where) => Done(id, projects.NoticeAsync(Viewer, id, where));

    public Task<IActionResult> OnPostChooseAsync(Guid id, Guid bid, string? reason) => Done(id, projects.ChooseContractorAsync(Viewer, id, bid, reason));

    public Task<IActionResult> OnPostContractAsync(Guid id, string? amount, DateOnly signedOn, DateOnly from, DateOnly until, string? reference, decimal retention, int warranty) =>
        WithAmount(id, amount, "Contract.Amount", yuan => projects.ContractAsync(Viewer, id, yuan, signedOn, from, until, reference, retention, warranty));

    public Task<IActionResult> OnPostVariationAsync(Guid id, string? title, string? amount) => WithAmount(id, amount, "Variation.Amount", yuan => projects.VariationAsync(Viewer, id, title, yuan));

    public Task<IActionResult> OnPostAcceptanceAsync(Guid id, DateOnly on, string? reference) => Done(id, projects.AcceptanceAsync(Viewer, id, on, reference));

    public Task<IActionResult> OnPostAuditAsync(Guid id, string? audited, string? reference) => WithAmount(id, audited, "Audit.Amount", yuan => projects.AuditAsync(Viewer, id, yuan, reference));

    public string NameOf(PersonId person) => Viewer.Org?.NameOf(person) ?? person.ToString();

    // A money field as typed ("3000", "3,000.00", "¥3,000", "3000元", "1.2万"); an unreadable one is refused naming its field.
    private Task<IActionResult> WithAmount<T>(Guid id, string? typed, string label, Func<decimal, Task<Result<T>>> step)
    {
        var amount = Fenquan.Web.Finance.AmountField.Read(typed, constructionText[label], financeText);
        return Done(id, amount.IsOk ? step(amount.Value) : Task.FromResult<Result<T>>(amount.Refusal!));
    }

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
