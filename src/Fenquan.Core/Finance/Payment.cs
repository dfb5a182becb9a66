using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;

namespace Fenquan.Core.Finance;

/// <summary>
/// A payment on an approved matter (R42, R43): recorded by the unit's finance staff, with its method
/// and reference, never by the matter's initiator, payee or the payee's relatives (R6). Partial
/// payments add up to at most the approved amount, or the amount a meeting decided, and go only to
/// the approved payee (<see cref="Matter.CheckExecution(decimal, Payee, decimal)"/>). A payment is
/// a row of its own, never changed: a payment that did not go through is reversed under four eyes
/// by a counter-entry of the negative amount (<see cref="PaymentReversal"/>), never by an edit.
/// </summary>
public sealed class Payment
{
    public const int MaxReference = 100;

    private Payment()
    {
        Payee = Payee.None;
        Reference = string.Empty;
    }

    private Payment(Matter matter, RecordPayment command, string reference, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = matter.CountyId;
        UnitId = matter.UnitId;
        MatterId = matter.Id;
        Amount = command.Amount;
        Payee = command.Payee;
        Method = command.Method;
        Reference = reference;
        PaidOn = command.PaidOn;
        RecordedBy = command.RecordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public MatterId MatterId { get; private set; }

    /// <summary>Yuan, above zero; a counter-entry's is below zero (红字冲销).</summary>
    public decimal Amount { get; private set; }

    /// <summary>The payment a counter-entry reverses (<see cref="PaymentReversal"/>); null for a payment.</summary>
    public Guid? ReversesId { get; private set; }

    public Payee Payee { get; private set; }

    public PaymentMethod Method { get; private set; }

    /// <summary>The payment order's, card transaction's or bank's number.</summary>
    public string Reference { get; private set; }

    public DateOnly PaidOn { get; private set; }

    public PersonId RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The counter-entry of a confirmed reversal: the same payee, method and reference, the negative amount, on the day confirmed.</summary>
    internal static Payment CounterEntry(Payment reversed, PersonId by, DateOnly day, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CountyId = reversed.CountyId,
        UnitId = reversed.UnitId,
        MatterId = reversed.MatterId,
        Amount = -reversed.Amount,
        Payee = reversed.Payee,
        Method = reversed.Method,
        Reference = reversed.Reference,
        PaidOn = day,
        RecordedBy = by,
        RecordedAt = now,
        ReversesId = reversed.Id,
    };

    /// <summary>
    /// Records a payment on <paramref name="matter"/>, given the payments already recorded on it.
    /// Checked in this precedence: the recorder has no interest in the matter (R6); the recorder is
    /// the unit's finance staff today (R7: the cashier's step is theirs); the method, reference,
    /// amount and day are given; the matter is approved and the payments stay within what was
    /// approved or decided, to the approved payee (R42, R43).
    /// </summary>
    public static Result<Payment> Record(Matter matter, IReadOnlyCollection<Payment> earlier, RecordPayment command, IOrganizationView org, DateTimeOffset now) =>
        Record(matter, earlier, command, PurchaseProgress.None, org, now, null);

    /// <summary>
    /// As <see cref="Record(Matter, IReadOnlyCollection{Payment}, RecordPayment, IOrganizationView, DateTimeOffset)"/>;
    /// on a contractor-choice matter its project's <paramref name="contract"/> bounds the amount
    /// instead of the matter's (R19: the contract and its approved variations, the settlement audit,
    /// the retention money), while the state and payee are still the matter's (R21, R43).
    /// </summary>
    public static Result<Payment> Record(Matter matter, IReadOnlyCollection<Payment> earlier, RecordPayment command, IOrganizationView org, DateTimeOffset now, Construction.ContractTerms? contract) =>
        Record(matter, earlier, command, PurchaseProgress.None, org, now, contract);

    /// <summary>
    /// As <see cref="Record(Matter, IReadOnlyCollection{Payment}, RecordPayment, IOrganizationView, DateTimeOffset)"/>,
    /// with what a purchase plan has after its approval: a purchase is paid only once it was received
    /// (R16), and one that went to the procurement centre or to tender only to the supplier of its
    /// result, at most the result's amount (R18); and with a contractor choice's contract (R19).
    /// </summary>
    public static Result<Payment> Record(Matter matter, IReadOnlyCollection<Payment> earlier, RecordPayment command, PurchaseProgress purchase, IOrganizationView org, DateTimeOffset now, Construction.ContractTerms? contract = null)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(org);
        if (matter.Kind == MatterKind.BudgetRaise)
        {
            return Refusal.Because("R4", "RaiseIsNotPaid", "\"{title}\" raises a budget line; it pays nobody.", ("title", matter.Title));
        }

        var who = org.NameOf(command.RecordedBy);
        if (command.RecordedBy == matter.InitiatorId || command.RecordedBy == matter.Payee.PersonId || matter.PayeeRelatives.Contains(command.RecordedBy))
        {
            return Refusal.Because("R6", "PaymentByInterested", "{person} initiated this matter, is paid by it or is tied to its payee; nobody records a payment on such a matter.", ("person", who));
        }

        var today = ChinaTime.DateOf(now);
        if (!org.HoldsRole(matter.UnitId, command.RecordedBy, Role.FinanceStaff, today))
        {
            return Refusal.Because("R7", "PaymentByFinanceStaff", "{person} is not finance staff of the unit on {date}; the unit's finance staff record payments.",
                ("person", who), ("date", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var reference = command.Reference?.Trim() ?? string.Empty;
        if (!Enum.IsDefined(command.Method) || reference.Length == 0 || reference.Length > MaxReference)
        {
            return Refusal.Because(Refusal.InvalidId, "PaymentMethodReference", "A payment names its method (TreasuryDirect, OfficialCard or BankTransfer) and its reference (at most {max} characters).", ("max", MaxReference.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (command.Amount <= 0m || decimal.Round(command.Amount, 2) != command.Amount)
        {
            return Refusal.Because(Refusal.InvalidId, "PaymentAmount", "A payment's amount is above zero, to the fen.");
        }

        // Today is the county's (China) date, so a payment dated tomorrow is refused even between 00:00 and 08:00.
        if (command.PaidOn > today)
        {
            return Refusal.Because(Refusal.InvalidId, "PaymentInTheFuture", "A payment is recorded once it is made, not for a later day.");
        }

        var paid = earlier.Where(p => p.MatterId == matter.Id).Sum(p => p.Amount);
        var within = contract is not null ? matter.CheckExecution(0m, command.Payee, 0m)
            : matter.Kind == MatterKind.PurchasePlan && matter.State == MatterState.Approved ? CheckPurchase(matter, purchase, command, paid)
            : matter.CheckExecution(command.Amount, command.Payee, paid);
        if (within.IsOk && contract is not null)
        {
            within = contract.Check(command.Amount, paid, today);
        }

        return within.IsOk ? Result<Payment>.Ok(new Payment(matter, command, reference, now)) : within.Refusal!;
    }

    // R16: no receipt, no payment. R18: a purchase through the centre or a tender pays the result's
    // supplier, at most the result's amount (itself at most what the meeting decided).
    private static Outcome CheckPurchase(Matter matter, PurchaseProgress purchase, RecordPayment command, decimal paid)
    {
        if (purchase.Receipt is null)
        {
            return Refusal.Because("R16", "PaymentBeforeReceipt", "\"{title}\" has not been received (验收); a purchase is paid only after someone other than its proposer records its receipt.", ("title", matter.Title));
        }

        if (!PurchaseResult.IsHandedOffPurchase(matter))
        {
            return matter.CheckExecution(command.Amount, command.Payee, paid);
        }

        if (purchase.Result is not { } result)
        {
            return Refusal.Because("R18", "PaymentBeforeResult", "\"{title}\" went to the procurement centre or to tender; it is paid only after its result is recorded.", ("title", matter.Title));
        }

        if (paid + command.Amount > result.Amount)
        {
            return Refusal.Because("R18", "PaymentAboveResult", "Paying {amount} after {paid} already paid exceeds the result's {result} ({reference}); at most {left} is left to pay.",
                RefusalArgument.Amount("amount", command.Amount), RefusalArgument.Amount("paid", paid), RefusalArgument.Amount("result", result.Amount), ("reference", result.Reference),
                RefusalArgument.Amount("left", Math.Max(0m, result.Amount - paid)));
        }

        return command.Payee.IsSameAs(result.Supplier)
            ? Outcome.Ok
            : Refusal.Because("R18", "PaymentNotToSupplier", "The procurement result ({reference}) names {supplier} as the supplier, not {payee}; a purchase pays only its supplier.",
                ("reference", result.Reference), ("supplier", result.Supplier.Name), ("payee", command.Payee.Name.Length > 0 ? command.Payee.Name : command.Payee.PersonId?.ToString() ?? "nobody"));
    }
}
