using Fenquan.Core.Finance;
using Fenquan.Web.Finance;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

public sealed record PaymentDto(Guid Id, decimal Amount, PayeeDto Payee, PaymentMethod Method, string Reference, DateOnly PaidOn, Guid RecordedBy, string RecordedByName, DateTimeOffset RecordedAt)
{
    public static PaymentDto Of(Payment p, string recordedByName) =>
        new(p.Id, p.Amount, new PayeeDto(p.Payee.PersonId?.Value, p.Payee.Name, p.Payee.CounterpartyId?.Value), p.Method, p.Reference, p.PaidOn, p.RecordedBy.Value, recordedByName, p.RecordedAt);
}

/// <summary>What may be paid on a matter (the approved amount, or what a meeting decided), what was paid, what is left, and each payment.</summary>
public sealed record MatterPaymentsDto(Guid MatterId, decimal Payable, decimal Paid, decimal Left, IReadOnlyList<PaymentDto> Payments);

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
        new(id, p.Payable, p.Paid, p.Left, [.. p.Payments.Select(x => PaymentDto.Of(x, MatterService.NameOf(viewer, x.RecordedBy)))]);
}
