namespace Fenquan.Data.Ledger;

/// <summary>
/// One ledger entry as stored (R44): its canonical bytes exactly as hashed, and the leaf hash
/// computed when it was appended. The other columns are copies for lookup only; verification
/// trusts nothing but <see cref="Bytes"/>, the leaf hashes and the signed tree heads.
/// </summary>
public sealed class LedgerEntryRow
{
    public Guid CountyId { get; set; }

    public long Sequence { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string SubjectType { get; set; } = string.Empty;

    public Guid SubjectId { get; set; }

    public byte[] Bytes { get; set; } = [];

    public byte[] LeafHash { get; set; } = [];
}

/// <summary>A signed tree head (R44): the Merkle root over the county's first TreeSize entries, signed with Ed25519.</summary>
public sealed class TreeHeadRow
{
    public Guid CountyId { get; set; }

    public long TreeSize { get; set; }

    public byte[] RootHash { get; set; } = [];

    public DateTimeOffset At { get; set; }

    public byte[] Signature { get; set; } = [];

    /// <summary>The same head as a C2SP checkpoint signed note, with the witnesses' cosignatures added as they arrive.</summary>
    public string? Checkpoint { get; set; }
}
