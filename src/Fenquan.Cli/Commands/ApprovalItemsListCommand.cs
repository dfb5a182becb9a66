using System.Globalization;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

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
