using System.ComponentModel;
using System.Globalization;
using Fenquan.Core.CountyChanges;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

public sealed class CountyDataListSettings : CountyDataSettings
{
    [CommandOption("--json")]
    [Description("Print the version in force as JSON (the import format) instead of a table.")]
    public bool Json { get; init; }
}

/// <summary>The county's government procurement catalogue in force (R18).</summary>
public sealed class CatalogueListCommand(IAnsiConsole console) : AsyncCommand<CountyDataListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CountyDataListSettings settings, CancellationToken cancellationToken)
    {
        await using var db = FenquanDatabase.CreateContext(settings.ExistingDatabase());
        var (catalogue, version) = CountyChangeOperations.CatalogueInForce(db, await settings.CountyAsync(db, cancellationToken));
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(catalogue.ToJson());
            return FenquanApp.Ok;
        }

        console.MarkupLineInterpolated($"政府采购目录 {Version(version)}");
        var table = new Table().AddColumns("编码 code", "名称 name", "类别 category", "集中采购限额 centralised", "公开招标 tender");
        foreach (var e in catalogue.Entries)
        {
            table.AddRow(Markup.Escape(e.Code), Markup.Escape(e.Name), Markup.Escape(e.Category), Yuan(e.CentralisedPurchaseThreshold), Yuan(e.TenderThreshold));
        }

        console.Write(table);
        return FenquanApp.Ok;
    }

    internal static string Version(CountyChange? version) => version is null
        ? "(no version in force)"
        : string.Create(CultureInfo.InvariantCulture, $"version {version.Number}, in force since {version.ConfirmedAt:yyyy-MM-dd HH:mm} UTC (proposed by {version.ProposedBy}, confirmed by {version.ConfirmedBy})");

    internal static string Yuan(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);
}
