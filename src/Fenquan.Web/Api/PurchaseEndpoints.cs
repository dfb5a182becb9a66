using Fenquan.Core.Procurement;
using Fenquan.Web.Matters;
using Fenquan.Web.Procurement;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

public sealed record PurchaseResultDto(Guid Id, string Reference, ProcurementMethod Method, PayeeDto Supplier, decimal Amount, DateOnly ResultOn, Guid RecordedBy, DateTimeOffset RecordedAt)
{
    public static PurchaseResultDto Of(PurchaseResult r) =>
        new(r.Id, r.Reference, r.Method, new PayeeDto(null, r.Supplier.Name, r.Supplier.CounterpartyId?.Value), r.Amount, r.ResultOn, r.RecordedBy.Value, r.RecordedAt);
}

public sealed record PurchaseReceiptDto(Guid Id, DateOnly ReceivedOn, string Note, Guid RecordedBy, DateTimeOffset RecordedAt)
{
    public static PurchaseReceiptDto Of(PurchaseReceipt r) => new(r.Id, r.ReceivedOn, r.Note, r.RecordedBy.Value, r.RecordedAt);
}

/// <summary>A purchase after approval: whether it goes to the centre or to tender, its result and its receipt (null until recorded).</summary>
public sealed record PurchaseDto(Guid MatterId, bool HandedOff, PurchaseResultDto? Result, PurchaseReceiptDto? Receipt);

/// <summary>
/// JSON API v1 for a purchase after its approval (R16, R18): the office or the procurement deputy
/// record the procurement centre's or tender's result (within the team's decision, to a registered
/// supplier), someone other than the proposer records the receipt; every row is ledgered. The same
/// operations and checks as the matter's page.
/// </summary>
public static class PurchaseEndpoints
{
    public static void MapPurchaseApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1", "Procurement");

        api.MapGet("/matters/{id:guid}/purchase", async (Caller caller, MatterService matters, PurchaseService purchases, Guid id) =>
            {
                var matter = await matters.GetAsync(caller.Viewer, id);
                if (!matter.IsOk)
                {
                    return Problems.Result(matter.Refusal!);
                }

                var progress = purchases.ProgressOf(matter.Value);
                return Results.Ok(new PurchaseDto(id, PurchaseResult.IsHandedOffPurchase(matter.Value),
                    progress.Result is { } r ? PurchaseResultDto.Of(r) : null, progress.Receipt is { } c ? PurchaseReceiptDto.Of(c) : null));
            })
            .WithSummary("A purchase's procurement result and receipt (R16, R18)");

        api.MapPost("/matters/{id:guid}/purchase/result", async (Caller caller, PurchaseService purchases, Guid id, [FromBody] PurchaseResultInput input) =>
            {
                var recorded = await purchases.RecordResultAsync(caller.Viewer, id, input);
                return recorded.Result.IsOk
                    ? Results.Created($"/api/v1/matters/{id:D}/purchase", PurchaseResultDto.Of(recorded.Result.Value))
                    : Problems.Result(recorded.Result.Refusal!, recorded.Forbidden);
            })
            .WithSummary("The office or the procurement deputy record the centre's or tender's result of a decided, handed-off catalogue purchase: reference, method, registered supplier, amount at most the decision, day (R18)");

        api.MapPost("/matters/{id:guid}/purchase/receipt", async (Caller caller, PurchaseService purchases, Guid id, [FromBody] PurchaseReceiptInput input) =>
            {
                var recorded = await purchases.RecordReceiptAsync(caller.Viewer, id, input);
                return recorded.Result.IsOk
                    ? Results.Created($"/api/v1/matters/{id:D}/purchase", PurchaseReceiptDto.Of(recorded.Result.Value))
                    : Problems.Result(recorded.Result.Refusal!, recorded.Forbidden);
            })
            .WithSummary("Someone of the unit other than the proposer records the receipt (验收) of an approved purchase, after its result; nothing is paid before it (R16)");
    }
}
