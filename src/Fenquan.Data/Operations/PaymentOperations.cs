using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>
/// The payment step (R42, R43) and income (R9): finance staff record them, the core decides
/// (<see cref="Payment.Record"/>, <see cref="Income.Record"/>), and the writer ledgers each row in
/// the same transaction as the check, so two payments racing each other are summed in order.
/// </summary>
public sealed class PaymentOperations(LedgerWriter writer)
{
    /// <summary>
    /// Records a payment on the matter. The payee as written is resolved against the county's
    /// register first (R6), so that a payee is compared by who it is; none named is the supplier of a
    /// purchase's result (R18), else the payee the meeting decided, or else the approved one. <paramref name="visible"/>
    /// hides matters the caller may not see (NotFound).
    /// </summary>
    public Task<Result<Payment>> RecordAsync(CountyId county, MatterId matterId, RecordPayment command, Func<Matter, bool>? visible = null) =>
        writer.ExecuteAsync(county, "matter.paid", ctx =>
        {
            var matter = MatterOperations.Load(ctx, matterId);
            if (matter is null || (visible is not null && !visible(matter)))
            {
                return Refusal.NotFound($"Matter {matterId}");
            }

            // R16, R18: a purchase is paid after its receipt, to its result's supplier when it has one.
            var purchase = matter.Kind == Core.Policy.MatterKind.PurchasePlan ? PurchaseOperations.ProgressOf(ctx.Db, county, matterId) : Core.Procurement.PurchaseProgress.None;
            var payee = command.Payee.IsNone ? Result<Payee>.Ok(purchase.Result?.Supplier ?? matter.DecidedTerms?.Payee ?? matter.Payee) : MatterOperations.Registered(ctx.Db, county, command.Payee);
            if (!payee.IsOk)
            {
                return payee.Refusal!;
            }

            // R19: on a contractor-choice matter the project's contract bounds what is paid.
            var project = matter.Kind == Core.Policy.MatterKind.ContractorChoice ? ConstructionOperations.ByContractorMatter(ctx.Db, county, matter.Id) : null;
            var contract = project is null ? null : new Core.Construction.ContractTerms(project, ConstructionOperations.VariationMatters(ctx.Db, project));
            var payment = Payment.Record(matter, Of(ctx.Db, county, matterId), command with { Payee = payee.Value }, purchase, ctx.UnitView(matter.UnitId), ctx.Now, contract);
            if (payment.IsOk)
            {
                ctx.Db.Add(payment.Value);
            }

            return payment;
        });

    /// <summary>R7: finance staff request the reversal of a payment with a reason; it waits for a second person. <paramref name="visible"/> hides matters the caller may not see.</summary>
    public Task<Result<PaymentReversal>> RequestReversalAsync(CountyId county, Guid paymentId, PersonId by, string? reason, Func<Matter, bool>? visible = null) =>
        writer.ExecuteAsync(county, "payment.reversal_requested", ctx =>
        {
            var payment = ctx.Db.Set<Payment>().AsNoTracking().SingleOrDefault(p => p.CountyId == county && p.Id == paymentId);
            var matter = payment is null ? null : MatterOperations.Load(ctx, payment.MatterId);
            if (payment is null || matter is null || (visible is not null && !visible(matter)))
            {
                return Refusal.NotFound($"Payment {paymentId:D}");
            }

            var existing = ctx.Db.Set<PaymentReversal>().AsNoTracking().SingleOrDefault(r => r.PaymentId == paymentId);
            var reversal = PaymentReversal.Request(matter, payment, existing, by, reason, ctx.UnitView(matter.UnitId), ctx.Now);
            if (reversal.IsOk)
            {
                ctx.Db.Add(reversal.Value);
            }

            return reversal;
        });

    /// <summary>R7, four eyes: a second person confirms the reversal, and its counter-entry is written in the same unit of work.</summary>
    public Task<Result<Payment>> ConfirmReversalAsync(CountyId county, Guid reversalId, PersonId by, Func<Matter, bool>? visible = null) =>
        writer.ExecuteAsync(county, "payment.reversed", ctx =>
        {
            var reversal = ctx.Db.Set<PaymentReversal>().SingleOrDefault(r => r.CountyId == county && r.Id == reversalId);
            var matter = reversal is null ? null : MatterOperations.Load(ctx, reversal.MatterId);
            if (reversal is null || matter is null || (visible is not null && !visible(matter)))
            {
                return Refusal.NotFound($"Payment reversal {reversalId:D}");
            }

            var payment = ctx.Db.Set<Payment>().AsNoTracking().Single(p => p.Id == reversal.PaymentId);
            var counter = reversal.Confirm(matter, payment, by, ctx.UnitView(matter.UnitId), ctx.Now);
            if (counter.IsOk)
            {
                ctx.Db.Add(counter.Value);
            }

            return counter;
        });

    /// <summary>The reversals requested on a matter's payments, confirmed or waiting.</summary>
    public static IReadOnlyList<PaymentReversal> ReversalsOf(FenquanDbContext db, CountyId county, MatterId matter)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<PaymentReversal>().AsNoTracking().Where(r => r.CountyId == county && r.MatterId == matter).AsEnumerable().OrderBy(r => r.RequestedAt)];
    }

    /// <summary>Records income of the unit (R9).</summary>
    public Task<Result<Income>> RecordIncomeAsync(CountyId county, UnitId unit, RecordIncome command) =>
        writer.ExecuteAsync(county, "income.recorded", ctx =>
        {
            if (!ctx.HasUnit(unit))
            {
                return Refusal.NotFound($"Unit {unit}");
            }

            var income = Income.Record(county, unit, command, ctx.UnitView(unit), ctx.Now);
            if (income.IsOk)
            {
                ctx.Db.Add(income.Value);
            }

            return income;
        });

    /// <summary>The payments on a matter, in the order they were recorded.</summary>
    public static IReadOnlyList<Payment> Of(FenquanDbContext db, CountyId county, MatterId matter)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<Payment>().AsNoTracking().Where(p => p.CountyId == county && p.MatterId == matter).AsEnumerable().OrderBy(p => p.RecordedAt)];
    }

    /// <summary>The unit's approved matters that carry money, with what has been paid on each: the finance staff's list of what is still to pay first.</summary>
    public static IReadOnlyList<(Matter Matter, decimal Paid)> ToPay(FenquanDbContext db, CountyId county, UnitId unit, int limit)
    {
        ArgumentNullException.ThrowIfNull(db);
        var approved = db.Matters.AsNoTracking()
            .Where(m => m.CountyId == county && m.UnitId == unit && m.State == MatterState.Approved && m.Amount > 0m && m.Kind != Core.Policy.MatterKind.BudgetRaise)
            .OrderByDescending(m => m.SubmittedOn).Take(limit).ToList();
        var ids = approved.Select(m => m.Id).ToList();
        var paid = db.Set<Payment>().AsNoTracking().Where(p => p.CountyId == county && ids.Contains(p.MatterId))
            .Select(p => new { p.MatterId, p.Amount }).AsEnumerable()
            .GroupBy(p => p.MatterId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        return [.. approved.Select(m => (m, paid.GetValueOrDefault(m.Id))).OrderBy(x => x.Item2 >= x.m.Amount)];
    }

    /// <summary>The unit's income, newest first.</summary>
    public static IReadOnlyList<Income> IncomeOf(FenquanDbContext db, CountyId county, UnitId unit, int limit)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. db.Set<Income>().AsNoTracking().Where(i => i.CountyId == county && i.UnitId == unit)
            .OrderByDescending(i => i.ReceivedOn).Take(limit).AsEnumerable().OrderByDescending(i => i.ReceivedOn).ThenByDescending(i => i.RecordedAt)];
    }
}
