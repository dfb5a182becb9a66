using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

public sealed class InitCommand(IAnsiConsole console) : AsyncCommand<StoreSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await settings.OpenAsync(cancellationToken);
        console.MarkupLineInterpolated($"Data folder: [bold]{store.Data.Root}[/]");
        console.MarkupLineInterpolated($"Database:    [bold]{store.Database}[/]");
        console.MarkupLineInterpolated($"Key folder:  [bold]{store.Keys.Root}[/] (the signing key, encrypted; passphrase file {store.Keys.PassphraseFile})");
        console.MarkupLineInterpolated($"Ledger public key: [bold]{Convert.ToHexStringLower(store.Signer.PublicKey)}[/]");
        return FenquanApp.Ok;
    }
}
