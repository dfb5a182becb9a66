using System.ComponentModel;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Documents.Budgets;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

public sealed class BudgetImportSettings : CountyDataSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The finance bureau's approval (预算批复) as .xlsx, with the template's Chinese headers.")]
    public string File { get; init; } = string.Empty;

    [CommandOption("--unit <NAME>")]
    [Description("The unit whose budget it is (required).")]
    public string? Unit { get; init; }

    [CommandOption("--year <YEAR>")]
    [Description("The budget year (required).")]
    public int? Year { get; init; }

    [CommandOption("--document <NUMBER>")]
    [Description("The approval's document number (批复文号; default: the file name).")]
    public string? Document { get; init; }

    [CommandOption("--by <NAME>")]
    [Description("The unit's finance staff member or finance deputy importing it (required; recorded in the ledger).")]
    public string? By { get; init; }
}

/// <summary>
/// Imports a unit's budget approval (R5), all or nothing: pending until a second official (the
/// finance deputy or a principal, not the importer) confirms it in the application.
/// </summary>
public sealed class BudgetImportCommand(IAnsiConsole console) : AsyncCommand<BudgetImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BudgetImportSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Unit) || settings.Year is not { } year || string.IsNullOrWhiteSpace(settings.By))
        {
            throw new FenquanCliException("Name the unit (--unit), the year (--year) and the person importing (--by).");
        }

        if (!File.Exists(settings.File))
        {
            throw new FenquanCliException($"No file {settings.File}.");
        }

        settings.ExistingDatabase();
        await using var store = await settings.OpenAsync(cancellationToken);
        CountyId county;
        UnitId unit;
        PersonId by;
        await using (var db = store.Context())
        {
            county = await settings.CountyAsync(db, cancellationToken);
            unit = (await db.Units.AsNoTracking().Where(u => u.CountyId == county && u.Name == settings.Unit).Select(u => (UnitId?)u.Id).FirstOrDefaultAsync(cancellationToken))
                ?? throw new FenquanCliException($"No unit {settings.Unit} in the county.");
            var people = await db.People.AsNoTracking().Where(p => p.CountyId == county && p.Name == settings.By).Select(p => p.Id).Take(2).ToListAsync(cancellationToken);
            by = people.Count == 1 ? people[0] : throw new FenquanCliException($"{settings.By} names {people.Count} people of the county; name exactly one.");
        }

        await using var file = File.OpenRead(settings.File);
        var rows = BudgetWorkbook.Read(file);
        var imported = rows.IsOk
            ? await new BudgetOperations(store.Writer).ImportAsync(county, unit, year, settings.Document ?? Path.GetFileName(settings.File), rows.Value, by)
            : Result<Core.Finance.Budget>.Refused(rows.Refusal!);
        if (!imported.IsOk)
        {
            throw FenquanCliException.Refused(imported.Refusal!);
        }

        console.MarkupLineInterpolated($"Imported the {year} budget of {settings.Unit}: {imported.Value.Lines.Count} lines, {imported.Value.Lines.Sum(l => l.Amount):N2} yuan. It is pending until the finance deputy or a principal confirms it (R5).");
        return FenquanApp.Ok;
    }
}
