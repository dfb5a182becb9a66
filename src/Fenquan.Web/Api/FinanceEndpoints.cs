using Fenquan.Core.Finance;
using Fenquan.Web.Finance;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

public sealed record PaymentDto(Guid Id, decimal Amount, PayeeDto Payee, PaymentMethod Method, string Reference, DateOnly PaidOn, Guid RecordedBy, string RecordedByName, DateTimeOffset RecordedAt, Guid? Reverses = null)
{
    public static PaymentDto Of(Payment p, string recordedByName) =>
        new(p.Id, p.Amount, new PayeeDto(p.Payee.PersonId?.Value, p.Payee.Name, p.Payee.CounterpartyId?.Value), p.Method, p.Reference, p.PaidOn, p.RecordedBy.Value, recordedByName, p.RecordedAt, p.ReversesId);
}

/// <summary>R7: a payment's reversal: requested with a reason, confirmed by a second person with its counter-entry; null confirmation while it waits.</summary>
public sealed record PaymentReversalDto(Guid Id, Guid MatterId, Guid PaymentId, string Reason, Guid RequestedBy, DateTimeOffset RequestedAt, Guid? ConfirmedBy, DateTimeOffset? ConfirmedAt, Guid? CounterEntryId)
{
    public static PaymentReversalDto Of(PaymentReversal r) =>
        new(r.Id, r.MatterId.Value, r.PaymentId, r.Reason, r.RequestedBy.Value, r.RequestedAt, r.ConfirmedBy?.Value, r.ConfirmedAt, r.CounterEntryId);
}

/// <summary>R7: why a payment is to be reversed.</summary>
public sealed record ReversalInput(string? Reason);

/// <summary>What may be paid on a matter (the approved amount, or what a meeting decided), what was paid, what is left, each payment (a counter-entry is negative) and each reversal.</summary>
public sealed record MatterPaymentsDto(Guid MatterId, decimal Payable, decimal Paid, decimal Left, IReadOnlyList<PaymentDto> Payments, IReadOnlyList<PaymentReversalDto> Reversals);

public sealed record IncomeDto(Guid Id, IncomeKind Kind, decimal Amount, string Source, string Voucher, DateOnly ReceivedOn, Guid RecordedBy, DateTimeOffset RecordedAt)
{
    public static IncomeDto Of(Income i) => new(i.Id, i.Kind, i.Amount, i.Source, i.Voucher, i.ReceivedOn, i.RecordedBy.Value, i.RecordedAt);
}

public sealed record ClaimLineDto(int Number, string Category, decimal Quantity, decimal UnitPrice, decimal Amount);

public sealed record VoucherDto(VoucherKind Kind, string? InvoiceCode, string Number);

/// <summary>An expense claim's line items and invoices (R4, R8); empty lists for a matter without them.</summary>
public sealed record ClaimDto(Guid MatterId, IReadOnlyList<ClaimLineDto> Lines, IReadOnlyList<VoucherDto> Vouchers);

/// <summary>
/// JSON API v1 for claims' line items and invoices (R4, R8), the payment step (R42, R43) and income (R9): the unit's finance staff pay an
/// approved matter, within the approved or decided amount, to its payee; every payment and income
/// is a ledgered row. The same operations and checks as the pages.
/// </summary>
public static class FinanceEndpoints
{
    public static void MapFinanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1", "Finance");

        api.MapGet("/matters/{id:guid}/claim", async (Caller caller, MatterService matters, PaymentService payments, Guid id) =>
            {
                var matter = await matters.GetAsync(caller.Viewer, id);
                if (!matter.IsOk)
                {
                    return Problems.Result(matter.Refusal!);
                }

                var (lines, vouchers) = payments.ClaimOf(matter.Value);
                return Results.Ok(new ClaimDto(id, [.. lines.Select(l => new ClaimLineDto(l.Number, l.Category, l.Quantity, l.UnitPrice, l.Amount))], [.. vouchers.Select(v => new VoucherDto(v.Kind, v.InvoiceCode, v.Number))]));
            })
            .WithSummary("The claim's line items and invoices (submitted with the matter: lines and vouchers)");

        api.MapGet("/matters/{id:guid}/payments", async (Caller caller, MatterService matters, PaymentService payments, Guid id) =>
            {
                var matter = await matters.GetAsync(caller.Viewer, id);
                return matter.IsOk ? Results.Ok(ToDto(caller.Viewer, id, payments.Of(matter.Value))) : Problems.Result(matter.Refusal!);
            })
            .WithSummary("The matter's payments: what may be paid (approved or decided), paid and left");

        api.MapPost("/matters/{id:guid}/payments", async (Caller caller, PaymentService payments, Guid id, [FromBody] PaymentInput input) =>
            {
                var paid = await payments.PayAsync(caller.Viewer, id, input);
                return paid.Result.IsOk
                    ? Results.Created($"/api/v1/matters/{id:D}/payments", PaymentDto.Of(paid.Result.Value, caller.Viewer.Name))
                    : Problems.Result(paid.Result.Refusal!, paid.Forbidden);
            })
            .WithSummary("Finance staff record a payment on an approved matter: at most what is left of the approved (or meeting-decided) amount, to its payee, with method and reference (R42, R43)");

        api.MapPost("/payments/{id:guid}/reversal", async (Caller caller, PaymentService payments, Guid id, [FromBody] ReversalInput input) =>
            {
                var requested = await payments.RequestReversalAsync(caller.Viewer, id, input.Reason);
                return requested.Result.IsOk
                    ? Results.Created($"/api/v1/matters/{requested.Result.Value.MatterId.Value:D}/payments", PaymentReversalDto.Of(requested.Result.Value))
                    : Problems.Result(requested.Result.Refusal!, requested.Forbidden);
            })
            .WithSummary("Finance staff request the reversal of a payment with a reason (a bounced transfer, a wrong account); nothing moves until a second person confirms (R6, R7)");

        api.MapPost("/payment-reversals/{id:guid}/confirm", async (Caller caller, PaymentService payments, Guid id) =>
            {
                var confirmed = await payments.ConfirmReversalAsync(caller.Viewer, id);
                return confirmed.Result.IsOk
                    ? Results.Ok(PaymentDto.Of(confirmed.Result.Value, caller.Viewer.Name))
                    : Problems.Result(confirmed.Result.Refusal!, confirmed.Forbidden);
            })
            .WithSummary("A second person — other finance staff or the finance deputy in charge, never the requester — confirms a reversal; its counter-entry (the negative amount) is returned and the amount may be paid again (R6, R7, R42)");

        api.MapGet("/finance/to-pay", (Caller caller, PaymentService payments) =>
                Results.Ok(payments.ToPay(caller.Viewer).Select(x => new { id = x.Matter.Id.Value, x.Matter.Title, x.Matter.Amount, payable = x.Matter.DecidedTerms?.Amount ?? x.Matter.Amount, paid = x.Paid }).ToList()))
            .WithSummary("For finance staff: the unit's approved matters, unpaid first, with what was paid on each");

        api.MapGet("/finance/income", (Caller caller, PaymentService payments) =>
                Results.Ok(payments.IncomeOf(caller.Viewer).Select(IncomeDto.Of).ToList()))
            .WithSummary("The unit's recorded income, newest first (finance staff and those who see the whole unit)");

        api.MapPost("/finance/income", async (Caller caller, PaymentService payments, [FromBody] IncomeInput input) =>
            {
                var recorded = await payments.RecordIncomeAsync(caller.Viewer, input);
                return recorded.Result.IsOk
                    ? Results.Created("/api/v1/finance/income", IncomeDto.Of(recorded.Result.Value))
                    : Problems.Result(recorded.Result.Refusal!, recorded.Forbidden);
            })
            .WithSummary("Finance staff record income (appropriation, non-tax revenue, other) with its voucher (R9)");
    }

    private static MatterPaymentsDto ToDto(Access.Viewer viewer, Guid id, PaymentsOfMatter p) =>
        new(id, p.Payable, p.Paid, p.Left, [.. p.Payments.Select(x => PaymentDto.Of(x, MatterService.NameOf(viewer, x.RecordedBy)))], [.. (p.Reversals ?? []).Select(PaymentReversalDto.Of)]);
}
