using System.ComponentModel;
using Fenquan.Data.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

/// <summary>`fenquan backup -o FILE`: a consistent online backup of a SQLite data folder (see <see cref="Backup"/>).</summary>
public sealed class BackupCommand(IAnsiConsole console) : AsyncCommand<BackupCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("The backup file to write (.zip); never overwritten.")]
        public string? Output { get; init; }

        [CommandOption("--with-signing-key")]
        [Description("Also put the log's signing key in, as its encrypted file (never the passphrase). Keep such a backup apart.")]
        public bool WithSigningKey { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Output))
        {
            throw new FenquanCliException("Name the backup file: fenquan backup -o FILE.");
        }

        try
        {
            var summary = await Backup.CreateAsync(settings.DataDirectory(), settings.DatabaseSettings(), settings.KeyDirectory(), settings.Output, settings.WithSigningKey, TimeProvider.System, cancellationToken);
            console.MarkupLineInterpolated($"Backup {summary.File}: {summary.Bytes:N0} bytes, the database as of {summary.TakenAt:u}, {summary.Uploads} uploads, public keys{(summary.SigningKey ? ", the encrypted signing key" : string.Empty)}.");
            return FenquanApp.Ok;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new FenquanCliException(e.Message);
        }
    }
}

/// <summary>`fenquan restore FILE`: restore a backup into an empty data folder, then verify the ledger (R44).</summary>
public sealed class RestoreCommand(IAnsiConsole console) : AsyncCommand<RestoreCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The backup file (fenquan backup).")]
        public string File { get; init; } = string.Empty;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            throw new FenquanCliException($"No backup at {settings.File}.");
        }

        if (settings.DatabaseSettings().Provider != DatabaseProvider.Sqlite)
        {
            throw new FenquanCliException("A backup restores into a SQLite data folder; PostgreSQL is restored with pg_restore (see docs/operations.md).");
        }

        try
        {
            var manifest = await Backup.RestoreAsync(settings.File, settings.DataDirectory(), settings.KeyDirectory(), cancellationToken);
            console.MarkupLineInterpolated($"Restored {manifest.Files.Count} files (taken {manifest.TakenAt:u}) into {settings.DataDirectory().Root}; verifying the ledger…");
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            throw new FenquanCliException(e.Message);
        }

        return await new VerifyCommand(console).ExecuteAsync(context, new VerifyCommand.Settings { Data = settings.Data, Keys = settings.Keys, KeyPassphraseFile = settings.KeyPassphraseFile }, cancellationToken);
    }
}
