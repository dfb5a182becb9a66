namespace Fenquan.Data.Ledger;

/// <summary>Rows that belong to the ledger's own machinery (tiles, cosignatures): never ledgered themselves.</summary>
public interface ILedgerOwnRow;
