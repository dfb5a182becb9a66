using Fenquan.Core.CountyChanges;
using Fenquan.Core.Organization;
using Fenquan.Data.Operations;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

/// <summary>
/// `fenquan county set`: proposes new bounds and switches, or with --name a new name for the county,
/// or with --ocds-prefix its registered OCDS prefix (R22), --by a county administrator; a second one
/// confirms (`county-changes confirm`).
/// </summary>
public sealed class CountySetCommand(IAnsiConsole console) : AsyncCommand<CountyBoundsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CountyBoundsSettings settings, CancellationToken cancellationToken)
    {
        var official = settings.Official();
        settings.ExistingDatabase();
        if (settings.Rename is not null || settings.OcdsPrefix is not null)
        {
            return await ProposeOneAsync(settings, official, cancellationToken);
        }

        await using var store = await settings.OpenAsync(cancellationToken);
        Core.Primitives.CountyId county;
        CountyBounds current;
        await using (var db = store.Context())
        {
            county = await settings.CountyAsync(db, cancellationToken);
            current = await db.Counties.AsNoTracking().Where(c => c.Id == county).Select(c => c.Bounds).SingleAsync(cancellationToken);
        }

        var bounds = settings.Over(current);
        var proposed = await new CountyChangeOperations(store.Writer).ProposeAsync(county, CountyChangeSubject.Bounds, CountyChangePayload.BoundsToJson(bounds), settings.Summary ?? string.Empty, official);
        if (!proposed.IsOk)
        {
            throw FenquanCliException.Refused(proposed.Refusal!);
        }

        console.MarkupLineInterpolated($"Proposed change {proposed.Value.Id} by {official.Account}: pending until a second county administrator confirms it (fenquan county-changes confirm {proposed.Value.Id} --by ACCOUNT).");
        await using (var db = store.Context())
        {
            if (BoundsStandings.Check(db, county, bounds, BoundsStandings.Today(TimeProvider.System.GetUtcNow())) is { IsOk: true, Value.Count: > 0 } check)
            {
                console.MarkupLineInterpolated($"Once confirmed it waits for: {BoundsChange.Names(check.Value)}");
            }
        }

        return FenquanApp.Ok;
    }

    private async Task<int> ProposeOneAsync(CountyBoundsSettings settings, CountyOfficial official, CancellationToken cancellationToken)
    {
        if (new[] { settings.Rename is not null, settings.OcdsPrefix is not null, settings.ChangesBounds }.Count(given => given) > 1)
        {
            throw new FenquanCliException("Propose a new name, an OCDS prefix and new bounds separately: each is its own change.");
        }

        await using var store = await settings.OpenAsync(cancellationToken);
        Core.Primitives.CountyId county;
        await using (var db = store.Context())
        {
            county = await settings.CountyAsync(db, cancellationToken);
        }

        var operations = new CountyChangeOperations(store.Writer);
        var proposed = settings.OcdsPrefix is not null
            ? await operations.ProposeOcdsPrefixAsync(county, settings.OcdsPrefix, settings.Summary ?? string.Empty, official)
            : await operations.ProposeRenameAsync(county, settings.Rename, settings.Summary ?? string.Empty, official);
        if (!proposed.IsOk)
        {
            throw new FenquanCliException($"Refused: {proposed.Refusal}");
        }

        var what = settings.OcdsPrefix is not null ? "the OCDS prefix is set" : "the county is renamed";
        console.MarkupLineInterpolated($"Proposed change {proposed.Value.Id} by {official.Account}: {what} only when a second county administrator confirms it (fenquan county-changes confirm {proposed.Value.Id} --by ACCOUNT).");
        return FenquanApp.Ok;
    }
}
