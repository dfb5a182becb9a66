using Fenquan.Core.Primitives;

namespace Fenquan.Core.Matters;

/// <summary>What was done to a matter outside its route: by the initiator, or the office's correction of its catalogue entry.</summary>
public enum MatterChangeKind
{
    /// <summary>Amount, payee or title changed (R42).</summary>
    Edit,

    /// <summary>A returned matter sent back into approval (a new round).</summary>
    Resubmit,

    /// <summary>The initiator withdrew the matter.</summary>
    Withdraw,

    /// <summary>The office corrected the catalogue entry a purchase plan names (R18, R40); re-routed when the correction changes the route.</summary>
    ItemCorrected,
}

/// <summary>
/// An immutable row for each edit, resubmission and withdrawal by the initiator, with the values
/// before and after, so what was approved in each round can be read back (R42).
/// </summary>
public sealed class MatterChange
{
    private MatterChange()
    {
        OldTitle = NewTitle = OldPayeeName = NewPayeeName = string.Empty;
    }

    internal MatterChange(Guid id, Matter before, MatterChangeKind kind, PersonId byId, DateTimeOffset at)
    {
        Id = id;
        MatterId = before.Id;
        CountyId = before.CountyId;
        Kind = kind;
        ById = byId;
        At = at;
        RoundBefore = RoundAfter = before.Round;
        StateBefore = StateAfter = before.State;
        OldAmount = NewAmount = before.Amount;
        OldPayeeId = NewPayeeId = before.Payee.PersonId;
        OldPayeeName = NewPayeeName = before.Payee.Name;
        OldPayeeCounterpartyId = NewPayeeCounterpartyId = before.Payee.CounterpartyId;
        OldTitle = NewTitle = before.Title;
        OldItemCode = NewItemCode = before.ItemCode;
    }

    public Guid Id { get; private set; }

    public MatterId MatterId { get; private set; }

    public CountyId CountyId { get; private set; }

    public MatterChangeKind Kind { get; private set; }

    public PersonId ById { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The change sent the matter back through approval: R42, amount up or payee changed; R18, a corrected catalogue entry that changes the route.</summary>
    public bool Material { get; private set; }

    public int RoundBefore { get; private set; }

    public int RoundAfter { get; private set; }

    public MatterState StateBefore { get; private set; }

    public MatterState StateAfter { get; private set; }

    public decimal OldAmount { get; private set; }

    public decimal NewAmount { get; private set; }

    public PersonId? OldPayeeId { get; private set; }

    public PersonId? NewPayeeId { get; private set; }

    public string OldPayeeName { get; private set; }

    public CounterpartyId? OldPayeeCounterpartyId { get; private set; }

    public CounterpartyId? NewPayeeCounterpartyId { get; private set; }

    public string NewPayeeName { get; private set; }

    public string OldTitle { get; private set; }

    public string NewTitle { get; private set; }

    /// <summary>The register entry named before and after (R18: the office's correction).</summary>
    public string? OldItemCode { get; private set; }

    public string? NewItemCode { get; private set; }

    internal MatterChange After(Matter after, bool material)
    {
        Material = material;
        RoundAfter = after.Round;
        StateAfter = after.State;
        NewAmount = after.Amount;
        NewPayeeId = after.Payee.PersonId;
        NewPayeeName = after.Payee.Name;
        NewPayeeCounterpartyId = after.Payee.CounterpartyId;
        NewTitle = after.Title;
        NewItemCode = after.ItemCode;
        return this;
    }
}
