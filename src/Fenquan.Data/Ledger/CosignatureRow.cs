namespace Fenquan.Data.Ledger;

/// <summary>A witness's cosignature (C2SP tlog-cosignature) of one of the county's checkpoints, as the witness returned it.</summary>
public sealed class CosignatureRow : ILedgerOwnRow
{
    public Guid CountyId { get; set; }

    public long TreeSize { get; set; }

    public string Witness { get; set; } = "";

    /// <summary>The signature line, <c>— name base64(…)</c> with its newline.</summary>
    public string Line { get; set; } = "";

    /// <summary>The time the witness put in its cosignature.</summary>
    public DateTimeOffset SignedAt { get; set; }
}
