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
    [Description("Only this county's ledger (or OCDS data).")]
    public Guid? County { get; init; }

    [CommandOption("--ocds")]
    [Description("R22: write the counties' OCDS 1.1.5 data instead of the ledger: into the folder -o, per county a release package per month (COUNTY/releases/2026-12.json) and a record package per process (COUNTY/records/OCID.json), as the web serves them under /ocds/.")]
    public bool Ocds { get; init; }

    [CommandOption("--ocds-prefix <PREFIX>")]
    [Description("The OCDS prefix (ocds- and six letters or digits) for a county that has not registered its own (fenquan county set --ocds-prefix, confirmed by a second administrator); default the demo's placeholder.")]
    public string OcdsPrefix { get; init; } = Core.Ocds.OcdsPrefix.Demo;

    [CommandOption("--base-uri <URI>")]
    [Description("The address the web serves the data at, for the packages' URIs (default http://localhost:5000).")]
    public string BaseUri { get; init; } = "http://localhost:5000";
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
        if (settings.Ocds)
        {
            return ExportOcds(db, settings);
        }

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

    // R22: each county's release and record packages, written as files named like their URLs.
    private int ExportOcds(Data.FenquanDbContext db, ExportSettings settings)
    {
        if (settings.Output is null)
        {
            throw new FenquanCliException("export --ocds writes a folder: name it with -o DIR.");
        }

        var prefix = Core.Ocds.OcdsPrefix.Check(settings.OcdsPrefix);
        if (!prefix.IsOk)
        {
            throw new FenquanCliException(prefix.Refusal!.Reason);
        }

        if (!Uri.TryCreate(settings.BaseUri, UriKind.Absolute, out _))
        {
            throw new FenquanCliException($"--base-uri {settings.BaseUri} is not an absolute address.");
        }

        var counties = settings.County is { } only ? [only] : db.Counties.AsNoTracking().Select(c => c.Id.Value).ToList();
        var files = 0;
        foreach (var county in counties)
        {
            var (countyPrefix, _) = Data.Operations.OcdsPublication.PrefixOf(db, new Core.Primitives.CountyId(county), settings.OcdsPrefix);
            foreach (var (path, package) in Data.Operations.OcdsPublication.All(db, new Core.Primitives.CountyId(county), countyPrefix, settings.BaseUri))
            {
                var file = Path.Combine(settings.Output, county.ToString("D"), path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, package.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                files++;
            }
        }

        console.MarkupLineInterpolated($"Wrote {files} OCDS packages to {settings.Output}.");
        return FenquanApp.Ok;
    }
}
