using System.ComponentModel;
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

    public override ValidationResult Validate() =>
        Matters is < 0 or > 1_000_000 ? ValidationResult.Error("--matters must be between 0 and 1,000,000.") : ValidationResult.Success();
}

/// <summary>Seeds the demo county 清河县 with a progress bar.</summary>
public sealed class DemoCommand(IAnsiConsole console) : AsyncCommand<DemoSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var data = settings.DataDirectory().EnsureCreated();
        var database = settings.DatabaseSettings();
        await using (var store = await FenquanStore.OpenAsync(data, database, TimeProvider.System, cancellationToken))
        await using (var db = store.Context())
        {
            if (await DemoCounty.ExistsAsync(db, cancellationToken))
            {
                throw new FenquanCliException($"The demo county {DemoCounty.CountyName} is already in {database}. Use another --data folder to seed it again.");
            }
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
}
