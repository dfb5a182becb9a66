using System.ComponentModel;
using Fenquan.Core.Ledger;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

/// <summary>
/// R44: writes the trust file a verifier keeps apart from the server: every key the log has signed
/// with, as a verifier key for each county's origin, and the configured witnesses' keys.
/// </summary>
public sealed class KeysExportTrustCommand(IAnsiConsole console) : AsyncCommand<KeysExportTrustCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("-o|--output <FILE>")]
        [Description("Where to write the trust file (default: standard output).")]
        public string? Output { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var keys = settings.KeyDirectory();
        var logKeys = SigningKeyStore.LoadPublicKeys(keys);
        if (logKeys.Count == 0)
        {
            throw new FenquanCliException($"No ledger key in {keys.Root}: run `fenquan init` first, or pass --keys.");
        }

        await using var db = FenquanDatabase.CreateContext(settings.DatabaseSettings());
        var counties = await db.Counties.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
        var trust = TrustFile.ForCounties(counties, logKeys, WitnessList.Load(keys).Select(w => w.Key), SigningKeyStore.LoadSm2PublicKeys(keys));
        if (settings.Output is { } output)
        {
            await File.WriteAllTextAsync(output, trust.Format(), cancellationToken);
            console.MarkupLineInterpolated($"Trust file written to [bold]{output}[/]: {trust.Logs.Count} log keys, {trust.Witnesses.Count} witness keys.");
        }
        else
        {
            console.Profile.Out.Writer.Write(trust.Format());
        }

        return FenquanApp.Ok;
    }
}
