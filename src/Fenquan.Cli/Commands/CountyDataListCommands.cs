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

/// <summary>The county's register of administrative approval items in force (R23, R24).</summary>
public sealed class ApprovalItemsListCommand(IAnsiConsole console) : AsyncCommand<CountyDataListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CountyDataListSettings settings, CancellationToken cancellationToken)
    {
        await using var db = FenquanDatabase.CreateContext(settings.ExistingDatabase());
        var (register, version) = CountyChangeOperations.RegisterInForce(db, await settings.CountyAsync(db, cancellationToken));
        if (settings.Json)
        {
            console.Profile.Out.Writer.WriteLine(register.ToJson());
            return FenquanApp.Ok;
        }

        console.MarkupLineInterpolated($"行政审批事项目录 {CatalogueListCommand.Version(version)}");
        var table = new Table().AddColumns("编码 code", "名称 name", "设定依据 legal basis", "承诺时限 days", "收费标准 fee", "重大 major");
        foreach (var i in register.Items)
        {
            table.AddRow(Markup.Escape(i.Code), Markup.Escape(i.Name), Markup.Escape(i.LegalBasis), i.PromisedWorkingDays.ToString(CultureInfo.InvariantCulture), Markup.Escape(i.FeeStandard), i.IsMajor ? "重大 major" : string.Empty);
        }

        console.Write(table);
        return FenquanApp.Ok;
    }
}

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
