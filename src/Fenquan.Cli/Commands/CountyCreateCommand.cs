using Fenquan.Core.CountyChanges;
using Fenquan.Core.Organization;
using Fenquan.Data.Operations;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

/// <summary>
/// `fenquan county create`: the county of a data folder that has none, as the first-run page makes
/// it (ledgered); its bounds must be ones a unit can meet (R4, R5, R16). Needs no --by: whoever holds
/// the data folder sets it up, and every later change goes through four eyes (`county set`).
/// </summary>
public sealed class CountyCreateCommand(IAnsiConsole console) : AsyncCommand<CountyBoundsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CountyBoundsSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.CountyName))
        {
            throw new FenquanCliException("Name the county with --county-name NAME.");
        }

        await using var store = await settings.OpenAsync(cancellationToken);
        await using (var db = store.Context())
        {
            if (await db.Counties.AnyAsync(cancellationToken))
            {
                throw new FenquanCliException("This data folder already holds a county: change it with `fenquan county set`.");
            }
        }

        var bounds = settings.Over(CountyBounds.Default);
        if (BoundsChange.Check(bounds, bounds, [], DateOnly.MinValue) is { IsOk: false } unreachable)
        {
            throw FenquanCliException.Refused(unreachable.Refusal!);
        }

        var created = await new OrganizationOperations(store.Writer).CreateCountyAsync(settings.CountyName, bounds);
        if (!created.IsOk)
        {
            throw FenquanCliException.Refused(created.Refusal!);
        }

        console.MarkupLineInterpolated($"Created county {created.Value.Name} ({created.Value.Id}).");
        CountyShowCommand.WriteBounds(console, created.Value.Bounds);
        return FenquanApp.Ok;
    }
}
