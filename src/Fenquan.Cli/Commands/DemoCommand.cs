using System.ComponentModel;
using System.Globalization;
using Fenquan.Core.Primitives;
using Microsoft.EntityFrameworkCore;
using Fenquan.Data.Demo;
using Fenquan.Data.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

public sealed class DemoSettings : StoreSettings
{
    [CommandOption("--matters <N>")]
    [Description("How many matters to create (default 300).")]
    [DefaultValue(300)]
    public int Matters { get; init; } = 300;

    [CommandOption("--seed <N>")]
    [Description("Random seed, for the same demo every time (default 20261128).")]
    [DefaultValue(20_261_128)]
    public int Seed { get; init; } = 20_261_128;

    [CommandOption("--bulk")]
    [Description("Write the matters in large ledgered batches (automatic above 10,000 matters); adds them to the demo county when it exists.")]
    public bool Bulk { get; init; }

    [CommandOption("--batch <N>")]
    [Description("Matters per writer transaction with --bulk (default 2000).")]
    [DefaultValue(2_000)]
    public int Batch { get; init; } = 2_000;

    /// <summary>Above this many matters the per-matter path would take hours: the bulk path is used.</summary>
    public const int BulkAbove = 10_000;

    public bool UsesBulk => Bulk || Matters > BulkAbove;

    public override ValidationResult Validate() =>
        Matters is < 0 or > 1_000_000 ? ValidationResult.Error("--matters must be between 0 and 1,000,000.")
        : Batch is < 1 or > 20_000 ? ValidationResult.Error("--batch must be between 1 and 20,000.")
        : ValidationResult.Success();
}

/// <summary>
/// Seeds the demo county 清河县 with a progress bar. With --bulk (or more than 10,000 matters) the
/// matters are written in large ledgered batches by <see cref="BulkSeeder"/>, into the existing demo
/// county if there is one (e.g. the one the web application seeded with its sign-ins).
/// </summary>
public sealed class DemoCommand(IAnsiConsole console) : AsyncCommand<DemoSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var data = settings.DataDirectory().EnsureCreated();
        var database = settings.DatabaseSettings();
        bool exists;
        await using (var store = await FenquanStore.OpenAsync(data, database, TimeProvider.System, cancellationToken))
        await using (var db = store.Context())
        {
            exists = await DemoCounty.ExistsAsync(db, cancellationToken);
            if (exists && !settings.UsesBulk)
            {
                throw new FenquanCliException($"The demo county {DemoCounty.CountyName} is already in {database}. Use another --data folder to seed it again, or --bulk to add matters to it.");
            }
        }

        if (settings.UsesBulk)
        {
            return await BulkAsync(settings, data, database, exists, cancellationToken);
        }

        DemoCountyInfo? info = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var organisation = progress.AddTask("组织与策略 organisation and policies", maxValue: 1);
                var matters = progress.AddTask("事项 matters", maxValue: 100);
                var report = new Progress<(string Stage, double Percent)>(p =>
                {
                    if (p.Stage == "matters")
                    {
                        organisation.Value = 1;
                        matters.Value = p.Percent;
                    }
                });
                info = await DemoCounty.SeedAsync(data, database, TimeProvider.System, new DemoOptions { Matters = settings.Matters, Seed = settings.Seed }, report, cancellationToken);
                organisation.Value = 1;
                matters.Value = 100;
            });

        var table = new Table().AddColumns("单位 Unit", "姓名 Name", "角色 Role", "分管 Portfolio");
        foreach (var person in info!.People.Where(p => p.Role is not Core.Organization.Role.Staff))
        {
            table.AddRow(person.UnitName, person.Name, person.Role.ToString(), string.Join(", ", person.Portfolio));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"[green]Seeded[/] {info.Name}: {info.Units.Count} units, {info.People.Count} people, {info.Matters} matters, in {database}.");
        return FenquanApp.Ok;
    }

    private async Task<int> BulkAsync(DemoSettings settings, DataDirectory data, DatabaseSettings database, bool exists, CancellationToken cancellationToken)
    {
        CountyId county;
        if (exists)
        {
            await using var db = FenquanDatabase.CreateContext(database);
            county = await DemoCounty.FindAsync(db, cancellationToken) ?? throw new InvalidOperationException("The demo county was there a moment ago.");
        }
        else
        {
            county = (await DemoCounty.SeedAsync(data, database, TimeProvider.System, new DemoOptions { Matters = 0, Seed = settings.Seed }, cancellationToken: cancellationToken)).County;
        }

        BulkSeedReport? report = null;
        string? writer = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var matters = progress.AddTask(string.Create(CultureInfo.InvariantCulture, $"事项 matters ({settings.Matters:N0}, {settings.Batch:N0} per transaction)"), maxValue: Math.Max(1, settings.Matters));
                var report1 = new Progress<int>(written => matters.Value = written);
                await using var store = await FenquanStore.OpenAsync(data, database, TimeProvider.System, cancellationToken);
                report = await BulkSeeder.SeedAsync(store, county, new BulkSeedOptions { Matters = settings.Matters, Seed = settings.Seed, BatchSize = settings.Batch }, report1, cancellationToken);
                matters.Value = matters.MaxValue;
                writer = store.Writer.Metrics.ToString();
            });

        var states = string.Join(", ", report!.States.Where(s => s.Value > 0).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {s.Value:N0}")));
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Seeded[/] {report.Matters:N0} matters ({states}), {report.Actions:N0} actions, {report.Changes:N0} changes, {report.Entries:N0} ledger entries into {DemoCounty.CountyName} in {database}.");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{report.Elapsed.TotalSeconds:F1} s: {report.MattersPerSecond:N0} matters/s, {report.Entries / Math.Max(report.Elapsed.TotalSeconds, 1e-9):N0} ledger entries/s.");
        console.WriteLine("Writer: " + writer);
        return FenquanApp.Ok;
    }
}
