using System.Globalization;
using Fenquan.Core.Access;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Procurement;

/// <summary>
/// R18: the district procurement centre's or the tender's result for a catalogue purchase the team
/// decided and handed off: the centre's reference, the method, the supplier (a registered
/// counterparty), the amount and the day. One per matter, never changed; the amount never exceeds
/// what the meeting decided. The payment step pays only this supplier, at most this amount.
/// </summary>
public sealed class PurchaseResult
{
    public const int MaxReference = 100;

    private PurchaseResult()
    {
        Reference = string.Empty;
        Supplier = Payee.None;
    }

    private PurchaseResult(Matter matter, RecordPurchaseResult command, string reference, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = matter.CountyId;
        UnitId = matter.UnitId;
        MatterId = matter.Id;
        Reference = reference;
        Method = command.Method;
        Supplier = command.Supplier;
        Amount = command.Amount;
        ResultOn = command.ResultOn;
        RecordedBy = command.RecordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public MatterId MatterId { get; private set; }

    /// <summary>The centre's or tender office's reference of the result (成交/中标通知书编号).</summary>
    public string Reference { get; private set; }

    public ProcurementMethod Method { get; private set; }

    /// <summary>The supplier: a counterparty of the county's register.</summary>
    public Payee Supplier { get; private set; }

    /// <summary>Yuan: the contract amount the centre or tender reached.</summary>
    public decimal Amount { get; private set; }

    public DateOnly ResultOn { get; private set; }

    public PersonId RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Records the result of <paramref name="matter"/>'s hand-off. Checked in this precedence: the
    /// matter is a purchase plan; the recorder has no interest in it or in the supplier
    /// (<paramref name="supplierTies"/>, R6); the recorder is the unit's office or the procurement
    /// deputy today, who record hand-offs (R18); the matter was decided and handed off, and has no
    /// result yet; the reference, method, supplier, amount and day are given; the amount is at most
    /// what the meeting decided (R18, R43).
    /// </summary>
    public static Result<PurchaseResult> Record(Matter matter, PurchaseResult? earlier, RecordPurchaseResult command, IReadOnlyCollection<PersonId> supplierTies, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(supplierTies);
        ArgumentNullException.ThrowIfNull(org);
        if (matter.Kind != MatterKind.PurchasePlan)
        {
            return Refusal.Because("R18", "ResultNotAPurchase", "\"{title}\" is not a purchase plan; only a purchase has a procurement result.", ("title", matter.Title));
        }

        var who = org.NameOf(command.RecordedBy);
        var today = ChinaTime.DateOf(now);
        if (PurchaseReceipt.IsInterested(matter, command.RecordedBy) || supplierTies.Contains(command.RecordedBy))
        {
            return Refusal.Because("R6", "ResultByInterested", "{person} initiated this purchase, is paid by it or is tied to its supplier; nobody records its result.", ("person", who));
        }

        if (!StepAuthority.MayFill(ActorSpec.External, command.RecordedBy, matter.UnitId, matter.Area, today, org))
        {
            return Refusal.Because("R18", "ResultRecorder", "{person} is neither the office nor the deputy in charge of procurement on {date}; they record what the centre or the tender returns.",
                ("person", who), ("date", Day(today)));
        }

        if (HandedOffAt(matter) is not { } handedOff)
        {
            return Refusal.Because("R18", "ResultBeforeHandOff", "\"{title}\" has not been decided by the team and handed off to the procurement centre or to tender; only then is there a result.", ("title", matter.Title));
        }

        if (earlier is not null)
        {
            return Refusal.Because("R18", "ResultRecorded", "The result of \"{title}\" was recorded already ({reference}); a result is never changed.", ("title", matter.Title), ("reference", earlier.Reference));
        }

        var reference = command.Reference?.Trim() ?? string.Empty;
        if (reference.Length is 0 or > MaxReference || !Enum.IsDefined(command.Method) || command.Amount <= 0m || decimal.Round(command.Amount, 2) != command.Amount)
        {
            return Refusal.Because(Refusal.InvalidId, "ResultFields", "A result names the centre's reference (1 to {max} characters), the method (FrameworkAgreement, ProcurementCentre or OpenTender) and an amount above zero, to the fen.", ("max", MaxReference.ToString(CultureInfo.InvariantCulture)));
        }

        if (command.Supplier.CounterpartyId is null)
        {
            return Refusal.Because("R18", "SupplierNotRegistered", "The supplier {supplier} is not a counterparty of the county's register; register it first.", ("supplier", command.Supplier.Name));
        }

        if (command.ResultOn < ChinaTime.DateOf(handedOff).AddDays(-1) || command.ResultOn > today.AddDays(1))
        {
            return Refusal.Because("R18", "ResultDay", "The result's day {day} is before the hand-off ({handedOff}) or after today.",
                ("day", Day(command.ResultOn)), ("handedOff", Day(ChinaTime.DateOf(handedOff))));
        }

        if (matter.DecidedTerms is not { } decided)
        {
            return Refusal.Because("R43", "NoDecidedTerms", "The matter \"{title}\" was decided collectively but no decided terms were recorded; record the decision through its meeting.", ("title", matter.Title));
        }

        if (command.Amount > decided.Amount)
        {
            return Refusal.Because("R18", "ResultAboveDecision", "The result {amount} exceeds the {decided} the team decided ({meeting}); buying for more needs a new collective decision.",
                RefusalArgument.Amount("amount", command.Amount), RefusalArgument.Amount("decided", decided.Amount), ("meeting", decided.MeetingReference));
        }

        return Result<PurchaseResult>.Ok(new PurchaseResult(matter, command, reference, now));
    }

    /// <summary>When the approved matter was handed off to the centre or to tender (R18), or null when it was not (yet).</summary>
    public static DateTimeOffset? HandedOffAt(Matter matter)
    {
        ArgumentNullException.ThrowIfNull(matter);
        return matter.State == MatterState.Approved && matter.Route.Steps.Any(s => s.Kind == StepKind.HandOff)
            ? matter.CurrentRoundActions.LastOrDefault(a => a.Kind == ActionKind.HandOff)?.At
            : null;
    }

    /// <summary>Whether the matter goes to the procurement centre or to tender, so that it is paid only after a result (R18).</summary>
    public static bool IsHandedOffPurchase(Matter matter)
    {
        ArgumentNullException.ThrowIfNull(matter);
        return matter.Kind == MatterKind.PurchasePlan && matter.Route.Steps.Any(s => s.Kind == StepKind.HandOff);
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
