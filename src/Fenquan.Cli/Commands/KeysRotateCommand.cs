using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

/// <summary>
/// R44: replaces the log's signing key. Each county's ledger gets a rotation entry signed by the old
/// and the new key (under a head still signed by the old key); then the new key takes over. Run it
/// with the server stopped, and give verifiers the new trust file (`fenquan keys export-trust`).
/// </summary>
public sealed class KeysRotateCommand(IAnsiConsole console) : AsyncCommand<StoreSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        var keys = settings.KeyDirectory();
        using var next = TreeHeadSigner.Create();
        byte[] old;
        await using (var store = await settings.OpenAsync(cancellationToken))
        {
            old = store.Signer.PublicKey;
            await using var db = store.Context();
            var counties = await db.Counties.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
            foreach (var county in counties)
            {
                var rotation = KeyRotation.Sign(county, store.Signer, next);
                var written = await store.Writer.ExecuteAsync(county, KeyRotation.Kind, ctx =>
                {
                    ctx.Append(KeyRotation.SubjectType, county.Value, rotation.ToJson());
                    return Result<bool>.Ok(true);
                }, cancellationToken);
                if (!written.IsOk)
                {
                    throw new FenquanCliException($"County {county}: {Documents.Language.RefusalText.Shared.WithRule(written.Refusal!)}");
                }

                console.MarkupLineInterpolated($"County {county}: rotation entry appended, signed by the old and the new key.");
            }
        }

        SigningKeyStore.Rotate(keys, next, TimeProvider.System.GetUtcNow());
        console.MarkupLineInterpolated($"Old key {Convert.ToHexStringLower(old)} retired to {keys.RetiredFolder}.");
        console.MarkupLineInterpolated($"New key [bold]{Convert.ToHexStringLower(next.PublicKey)}[/] in {keys.SigningKeyFile}. Give verifiers a new trust file: fenquan keys export-trust.");
        return FenquanApp.Ok;
    }
}
