namespace Fenquan.Data.Ledger;

/// <summary>
/// A hash tile of a county's tree (C2SP tlog-tiles), derived from the ledger's leaf hashes: full tiles
/// never change; the last tile of each level grows until it is full.
/// </summary>
public sealed class TileRow : ILedgerOwnRow
{
    public Guid CountyId { get; set; }

    public int Level { get; set; }

    public long Index { get; set; }

    public int Width { get; set; }

    public byte[] Hashes { get; set; } = [];
}
