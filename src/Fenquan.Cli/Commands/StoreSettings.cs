using System.ComponentModel;
using Fenquan.Data.Storage;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

/// <summary>Where the data lives: the same rule as the web application (--data, FENQUAN_DATA, ./data).</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--data <DIR>")]
    [Description("Data folder (default: $FENQUAN_DATA or ./data).")]
    public string? Data { get; init; }

    [CommandOption("--db <CONNECTION>")]
    [Description("Database connection string (default: $FENQUAN_DB or the SQLite file in the data folder). A PostgreSQL string starts with Host=.")]
    public string? Database { get; init; }

    [CommandOption("--keys <DIR>")]
    [Description("Key folder, outside the data folder (default: $FENQUAN_KEYS or the data folder's name + \"-keys\" beside it).")]
    public string? Keys { get; init; }

    [CommandOption("--key-passphrase-file <FILE>")]
    [Description("File with the passphrase of the encrypted signing key (default: $FENQUAN_KEY_PASSPHRASE_FILE or one generated in the key folder).")]
    public string? KeyPassphraseFile { get; init; }

    public KeyDirectory KeyDirectory() => Fenquan.Data.Storage.KeyDirectory.Resolve(DataDirectory(), Keys, KeyPassphraseFile);

    public DataDirectory DataDirectory() => Fenquan.Data.Storage.DataDirectory.Resolve(Data);

    public DatabaseSettings DatabaseSettings() => Fenquan.Data.Storage.DatabaseSettings.Resolve(DataDirectory(), Database);

    public Task<FenquanStore> OpenAsync(CancellationToken cancellationToken) =>
        FenquanStore.OpenAsync(DataDirectory(), DatabaseSettings(), TimeProvider.System, cancellationToken, KeyDirectory());
}
