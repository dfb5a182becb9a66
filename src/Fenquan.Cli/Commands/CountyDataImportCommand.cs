using System.ComponentModel;
using Fenquan.Core.CountyChanges;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

public sealed class CountyDataImportSettings : CountyOfficialSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The whole new version, as JSON: {\"entries\":[…]} for the catalogue, {\"items\":[…]} for the approval items (docs/county-data.md).")]
    public string File { get; init; } = string.Empty;

    [CommandOption("--summary <TEXT>")]
    [Description("What changes, in a few words (shown to the confirming official and the county discipline inspection).")]
    public string? Summary { get; init; }
}

/// <summary>
/// Proposes a new version of a county register from a file (R40): it is checked, ledgered and
/// pending until a different county administrator confirms it; the county discipline inspection is
/// notified. The import never puts anything in force by itself.
/// </summary>
public abstract class CountyDataImportCommand(IAnsiConsole console, CountyChangeSubject subject) : AsyncCommand<CountyDataImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CountyDataImportSettings settings, CancellationToken cancellationToken)
    {
        var official = settings.Official();
        if (!System.IO.File.Exists(settings.File))
        {
            throw new FenquanCliException($"No file {settings.File}.");
        }

        var json = await System.IO.File.ReadAllTextAsync(settings.File, cancellationToken);
        settings.ExistingDatabase();
        await using var store = await settings.OpenAsync(cancellationToken);
        Core.Primitives.CountyId county;
        await using (var db = store.Context())
        {
            county = await settings.CountyAsync(db, cancellationToken);
        }

        var proposed = await new CountyChangeOperations(store.Writer).ProposeAsync(county, subject, json, settings.Summary ?? "Imported from " + Path.GetFileName(settings.File), official);
        if (!proposed.IsOk)
        {
            throw FenquanCliException.Refused(proposed.Refusal!);
        }

        console.MarkupLineInterpolated($"Proposed change {proposed.Value.Number} of {subject} ({proposed.Value.Id}) by {official.Account}.");
        console.MarkupLineInterpolated($"It takes effect when a different county administrator confirms it: `fenquan county-changes confirm {proposed.Value.Id} --by ACCOUNT`, or on /registers/changes (R40).");
        return FenquanApp.Ok;
    }
}

public sealed class CatalogueImportCommand(IAnsiConsole console) : CountyDataImportCommand(console, CountyChangeSubject.ProcurementCatalogue);

public sealed class ApprovalItemsImportCommand(IAnsiConsole console) : CountyDataImportCommand(console, CountyChangeSubject.ApprovalItemRegister);
