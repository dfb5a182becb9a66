using System.Globalization;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

/// <summary>Proposed and confirmed changes to the county's route-deciding data, newest first (R40).</summary>
public sealed class CountyChangesListCommand(IAnsiConsole console) : AsyncCommand<CountyDataSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CountyDataSettings settings, CancellationToken cancellationToken)
    {
        await using var db = FenquanDatabase.CreateContext(settings.ExistingDatabase());
        var changes = CountyChangeOperations.Changes(db, await settings.CountyAsync(db, cancellationToken));
        var table = new Table().AddColumns("id", "subject", "no.", "state", "proposed by", "confirmed by", "summary");
        foreach (var c in changes)
        {
            table.AddRow(c.Id.ToString("D"), c.Subject.ToString(), c.Number.ToString(CultureInfo.InvariantCulture), c.State.ToString(), Markup.Escape(c.ProposedBy), Markup.Escape(c.ConfirmedBy ?? string.Empty), Markup.Escape(c.Summary));
        }

        console.Write(table);
        return FenquanApp.Ok;
    }
}
