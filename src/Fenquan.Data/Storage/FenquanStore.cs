using Fenquan.Core.Ledger;
using Fenquan.Data.Ledger;

namespace Fenquan.Data.Storage;

/// <summary>
/// An opened Fenquan data store: the data folder, the migrated database, the signing key and the
/// one ledger writer. The command line and the web application open it the same way.
/// </summary>
public sealed class FenquanStore : IAsyncDisposable
{
    private FenquanStore(DataDirectory data, KeyDirectory keys, DatabaseSettings database, TreeHeadSigner signer, TimeProvider time)
    {
        Data = data;
        Keys = keys;
        Database = database;
        Signer = signer;
        Time = time;
        Writer = new LedgerWriter(database, signer, time);
    }

    public DataDirectory Data { get; }

    public KeyDirectory Keys { get; }

    public DatabaseSettings Database { get; }

    public TreeHeadSigner Signer { get; }

    public TimeProvider Time { get; }

    public LedgerWriter Writer { get; }

    /// <summary>Creates the data folder, the signing key and the database if missing, and applies migrations.</summary>
    public static async Task<FenquanStore> OpenAsync(DataDirectory data, DatabaseSettings database, TimeProvider time, CancellationToken cancellationToken = default, KeyDirectory? keys = null)
    {
        data.EnsureCreated();
        keys ??= KeyDirectory.Resolve(data);
        var signer = SigningKeyStore.LoadOrCreate(data, keys);
        await FenquanDatabase.MigrateAsync(database, cancellationToken);
        return new FenquanStore(data, keys, database, signer, time);
    }

    public FenquanDbContext Context() => FenquanDatabase.CreateContext(Database);

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        Signer.Dispose();
    }
}
