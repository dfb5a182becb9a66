using Fenquan.Data.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

/// <summary>
/// R44 with GB/T 39786 (密评): adds an SM2 key to the log, so that every checkpoint signed from the
/// next start on carries an SM2/SM3 signature line beside the Ed25519 one. The key is kept encrypted
/// in the key folder like the signing key. Give verifiers a new trust file afterwards.
/// </summary>
public sealed class KeysAddSm2Command(IAnsiConsole console) : Command<StoreSettings>
{
    public override int Execute(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        var keys = settings.KeyDirectory();
        if (!File.Exists(keys.SigningKeyFile))
        {
            throw new FenquanCliException($"No ledger key in {keys.Root}: run `fenquan init` first, or pass --keys.");
        }

        var (key, created) = SigningKeyStore.AddSm2(keys);
        var hex = Convert.ToHexStringLower(key.PublicKey);
        if (created)
        {
            console.MarkupLineInterpolated($"SM2 key [bold]{hex}[/] added in {keys.Sm2KeyFile}: checkpoints signed from the next start on carry an SM2 line. Give verifiers a new trust file: fenquan keys export-trust.");
        }
        else
        {
            console.MarkupLineInterpolated($"The log already has the SM2 key {hex} ({keys.Sm2KeyFile}).");
        }

        return FenquanApp.Ok;
    }
}
