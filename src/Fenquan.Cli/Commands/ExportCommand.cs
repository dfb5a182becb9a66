using System.ComponentModel;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

public sealed class ExportSettings : StoreSettings
{
    [CommandOption("-o|--output <FILE>")]
    [Description("Write to this file instead of standard output.")]
    public string? Output { get; init; }

    [CommandOption("--county <ID>")]
    [Description("Only this county's ledger.")]
    public Guid? County { get; init; }
}

/// <summary>The ledger as JSON lines: each line is an entry's canonical bytes exactly as hashed (R44).</summary>
public sealed class ExportCommand(IAnsiConsole console) : AsyncCommand<ExportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        var database = settings.DatabaseSettings();
        if (database.Provider == DatabaseProvider.Sqlite && !File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource))
        {
            throw new FenquanCliException($"No database at {database}: run `fenquan init` first, or pass --data.");
        }

        await using var db = FenquanDatabase.CreateContext(database);
        var output = settings.Output is null ? Console.OpenStandardOutput() : File.Create(settings.Output);
        await using (output)
        {
            var rows = db.LedgerEntries.AsNoTracking();
            if (settings.County is { } county)
            {
                rows = rows.Where(e => e.CountyId == county);
            }

            long count = 0;
            await foreach (var bytes in rows.OrderBy(e => e.CountyId).ThenBy(e => e.Sequence).Select(e => e.Bytes).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await output.WriteAsync(bytes, cancellationToken);
                output.WriteByte((byte)'\n');
                count++;
            }

            if (settings.Output is not null)
            {
                console.MarkupLineInterpolated($"Exported {count} ledger entries to {settings.Output}.");
            }
        }

        return FenquanApp.Ok;
    }
}
