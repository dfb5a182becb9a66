using System.ComponentModel;
using Fenquan.Core.Organization.Import;
using Fenquan.Data.Operations;
using Fenquan.Documents.Organization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

public sealed class ImportSettings : CountyOfficialSettings
{
    /// <summary>The word that asks for the templates instead of importing: never a file's name, which ends in .xlsx or .csv.</summary>
    public const string Template = "template";

    [CommandArgument(0, "<FILE>")]
    [Description("An .xlsx with one sheet per kind (单位, 股室, 人员, 任职, 分管), or one kind's .csv; or `template` to write the templates (docs/operations.md).")]
    public string File { get; init; } = string.Empty;

    [CommandOption("-o|--output <PATH>")]
    [Description("With `template`: the .xlsx to write (default organisation-import.xlsx), or with --csv a folder for one .csv per kind.")]
    public string? Output { get; init; }

    [CommandOption("--csv")]
    [Description("With `template`: one .csv per kind instead of the .xlsx.")]
    public bool Csv { get; init; }

    [CommandOption("--kind <KIND>")]
    [Description("A .csv's kind when neither its name nor its headers say: units, sections, people, memberships or portfolios.")]
    public string? Kind { get; init; }

    [CommandOption("--dry-run")]
    [Description("Check every row and report, changing nothing.")]
    public bool DryRun { get; init; }
}

/// <summary>
/// Imports a county's organisation (R1–R3) from a file: every row is checked first; then all of it
/// is written in one ledgered unit of work, or nothing, with each refused row named (sheet, row,
/// column, rule). The same file again changes nothing.
/// </summary>
public sealed class ImportCommand(IAnsiConsole console) : AsyncCommand<ImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken)
    {
        if (settings.File == ImportSettings.Template)
        {
            return await WriteTemplatesAsync(settings, cancellationToken);
        }

        var official = settings.Official();
        if (!System.IO.File.Exists(settings.File))
        {
            throw new FenquanCliException($"No file {settings.File}.");
        }

        ImportKind? kind = null;
        if (settings.Kind is { } named)
        {
            kind = ImportTemplate.Sheets.FirstOrDefault(s => string.Equals(s.CsvName, named, StringComparison.OrdinalIgnoreCase))?.Kind
                ?? throw new FenquanCliException($"--kind {named}: one of {string.Join(", ", ImportTemplate.Sheets.Select(s => s.CsvName))}.");
        }

        Core.Primitives.Result<ImportFile> file;
        await using (var stream = System.IO.File.OpenRead(settings.File))
        {
            file = OrganizationWorkbook.Read(stream, Path.GetFileName(settings.File), kind);
        }

        if (!file.IsOk)
        {
            throw FenquanCliException.Refused(file.Refusal!);
        }

        settings.ExistingDatabase();
        await using var store = await settings.OpenAsync(cancellationToken);
        Core.Primitives.CountyId county;
        await using (var db = store.Context())
        {
            county = await settings.CountyAsync(db, cancellationToken);
        }

        ImportOutcome outcome;
        if (settings.DryRun)
        {
            await using var db = store.Context();
            outcome = new ImportOutcome(OrganizationImportOperations.Plan(db, county, file.Value, official, TimeProvider.System.GetUtcNow()), Written: false);
        }
        else
        {
            var imported = await new OrganizationImportOperations(store.Writer).ImportAsync(county, file.Value, Path.GetFileName(settings.File), official);
            outcome = imported.IsOk ? imported.Value : throw FenquanCliException.Refused(imported.Refusal!);
        }

        var plan = outcome.Plan;
        if (!plan.IsOk)
        {
            var table = new Table().AddColumns("Sheet 表", "Row 行", "Column 列", "Rule 规则", "Reason");
            foreach (var problem in plan.Problems)
            {
                table.AddRow(Markup.Escape(problem.Sheet), problem.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(problem.Column ?? string.Empty), problem.Refusal.Key, Markup.Escape(Documents.Language.RefusalText.Shared.Message(problem.Refusal)));
            }

            console.Write(table);
            throw new FenquanCliException($"Nothing was imported: {plan.Problems.Count} row(s) refused (未导入).");
        }

        var counts = $"{plan.Units.Count} units, {plan.Sections.Count} sections, {plan.People.Count} people ({plan.PersonChanges.Count} changed), "
            + $"{plan.Memberships.Count} memberships ({plan.EndedMemberships.Count} ended), {plan.Assignments.Count} portfolio assignments ({plan.EndedAssignments.Count} ended)";
        var summary = plan.ChangesNothing
            ? "No changes: the file restates what is recorded (无变化)."
            : settings.DryRun ? $"Dry run, nothing written (试运行): would add {counts}." : $"Imported (已导入): {counts}.";
        console.WriteLine(summary);
        return FenquanApp.Ok;
    }

    /// <summary>Writes the import's templates with their Chinese headers and an example row.</summary>
    private async Task<int> WriteTemplatesAsync(ImportSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Csv)
        {
            var folder = Directory.CreateDirectory(settings.Output ?? "organisation-import").FullName;
            foreach (var sheet in ImportTemplate.Sheets)
            {
                await System.IO.File.WriteAllBytesAsync(Path.Combine(folder, sheet.CsvName + ".csv"), OrganizationWorkbook.CsvTemplate(sheet.Kind), cancellationToken);
            }

            console.MarkupLineInterpolated($"Wrote {ImportTemplate.Sheets.Count} .csv templates to {folder}.");
            return FenquanApp.Ok;
        }

        var path = Path.GetFullPath(settings.Output ?? "organisation-import.xlsx");
        await System.IO.File.WriteAllBytesAsync(path, OrganizationWorkbook.Template(), cancellationToken);
        console.MarkupLineInterpolated($"Wrote {path}.");
        return FenquanApp.Ok;
    }
}
