using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Procurement;

/// <summary>
/// R16: the receipt (验收) of what an approved purchase bought, recorded by someone of the unit
/// other than the section that proposed it (the proposer never checks their own purchase), after
/// the centre's result for a catalogue purchase (R18) and before any payment. One per matter,
/// never changed.
/// </summary>
public sealed class PurchaseReceipt
{
    public const int MaxNote = 500;

    private PurchaseReceipt()
    {
        Note = string.Empty;
    }

    private PurchaseReceipt(Matter matter, RecordPurchaseReceipt command, string note, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = matter.CountyId;
        UnitId = matter.UnitId;
        MatterId = matter.Id;
        ReceivedOn = command.ReceivedOn;
        Note = note;
        RecordedBy = command.RecordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public MatterId MatterId { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    /// <summary>What was received and checked (quantities, condition, the delivery note's number).</summary>
    public string Note { get; private set; }

    public PersonId RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Records the receipt of <paramref name="matter"/>. Checked in this precedence: the matter is a
    /// purchase plan; the recorder is not its proposer (R16) nor paid by it or tied to its payee or
    /// supplier (R6); the recorder belongs to the unit today (R1); the purchase is approved and, when
    /// it went to the centre or to tender, has its result (R18); no receipt yet; the day and the
    /// note are given, the day not before the result.
    /// </summary>
    public static Result<PurchaseReceipt> Record(Matter matter, PurchaseProgress progress, RecordPurchaseReceipt command, IReadOnlyCollection<PersonId> supplierTies, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(supplierTies);
        ArgumentNullException.ThrowIfNull(org);
        if (matter.Kind != MatterKind.PurchasePlan)
        {
            return Refusal.Because("R16", "ReceiptNotAPurchase", "\"{title}\" is not a purchase plan; only a purchase is received.", ("title", matter.Title));
        }

        var who = org.NameOf(command.RecordedBy);
        if (command.RecordedBy == matter.InitiatorId)
        {
            return Refusal.Because("R16", "ReceiptByProposer", "{person} proposed this purchase; someone else of the unit receives and checks it.", ("person", who));
        }

        if (IsInterested(matter, command.RecordedBy) || supplierTies.Contains(command.RecordedBy))
        {
            return Refusal.Because("R6", "ReceiptByInterested", "{person} is paid by this purchase or is tied to its supplier; nobody receives a purchase that pays them or theirs.", ("person", who));
        }

        var today = ChinaTime.DateOf(now);
        if (!org.BelongsTo(matter.UnitId, command.RecordedBy, today))
        {
            return Refusal.Because("R1", "ReceiptOutsideUnit", "{person} does not belong to the unit on {date}; the unit receives its own purchases.", ("person", who), ("date", PurchaseResult.Day(today)));
        }

        if (matter.State != MatterState.Approved)
        {
            return Refusal.Because("R16", "ReceiptBeforeApproval", "\"{title}\" is {state}; only an approved purchase is received.", ("title", matter.Title), ("state", matter.State.ToString()));
        }

        if (PurchaseResult.IsHandedOffPurchase(matter) && progress.Result is null)
        {
            return Refusal.Because("R18", "ReceiptBeforeResult", "\"{title}\" went to the procurement centre or to tender; record its result before its receipt.", ("title", matter.Title));
        }

        if (progress.Receipt is { } earlier)
        {
            return Refusal.Because("R16", "ReceiptRecorded", "\"{title}\" was received already on {day}; a receipt is never changed.", ("title", matter.Title), ("day", PurchaseResult.Day(earlier.ReceivedOn)));
        }

        var note = command.Note?.Trim() ?? string.Empty;
        if (note.Length is 0 or > MaxNote)
        {
            return Refusal.Because(Refusal.InvalidId, "ReceiptNote", "A receipt says what was received and checked (1 to {max} characters).", ("max", MaxNote.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var notBefore = progress.Result?.ResultOn ?? matter.SubmittedOn;
        if (command.ReceivedOn < notBefore || command.ReceivedOn > today.AddDays(1))
        {
            return Refusal.Because("R16", "ReceiptDay", "The receipt's day {day} is before {notBefore} or after today.",
                ("day", PurchaseResult.Day(command.ReceivedOn)), ("notBefore", PurchaseResult.Day(notBefore)));
        }

        return Result<PurchaseReceipt>.Ok(new PurchaseReceipt(matter, command, note, now));
    }

    /// <summary>R6: the initiator, the payee and the payee's declared relatives or ties have an interest in the matter.</summary>
    internal static bool IsInterested(Matter matter, PersonId person) =>
        person == matter.InitiatorId || person == matter.Payee.PersonId || matter.PayeeRelatives.Contains(person);
}
