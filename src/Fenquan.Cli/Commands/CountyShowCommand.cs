using System.Globalization;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Organization;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

/// <summary>`fenquan county show`: name, bounds and switches in force, the bounds changes under way with the units they wait for, and a rename awaiting confirmation.</summary>
public sealed class CountyShowCommand(IAnsiConsole console) : AsyncCommand<CountyDataSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CountyDataSettings settings, CancellationToken cancellationToken)
    {
        await using var db = FenquanDatabase.CreateContext(settings.ExistingDatabase());
        var id = await settings.CountyAsync(db, cancellationToken);
        var county = await db.Counties.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
        console.MarkupLineInterpolated($"{county.Name} ({county.Id})");
        WriteBounds(console, county.Bounds);
        var today = BoundsStandings.Today(TimeProvider.System.GetUtcNow());
        foreach (var change in CountyChangeOperations.Changes(db, id, CountyChangeSubject.Bounds, take: 10).Where(c => c.State is CountyChangeState.Pending or CountyChangeState.AwaitingUnits))
        {
            var units = change.State == CountyChangeState.AwaitingUnits
                ? BoundsStandings.Load(db, id, change.WaitingFor)
                : BoundsStandings.Check(db, id, CountyChangePayload.BoundsFromJson(change.PayloadJson).Value, today) is { IsOk: true } check ? check.Value : [];
            console.MarkupLineInterpolated($"Change {change.Id} ({change.State}) by {change.ProposedBy}: {change.Summary}");
            console.MarkupLineInterpolated($"  {change.PayloadJson}");
            if (units.Count > 0)
            {
                console.MarkupLineInterpolated($"  waits for: {BoundsChange.Names(units)}");
            }
        }

        foreach (var rename in CountyChangeOperations.Changes(db, id, CountyChangeSubject.CountyName, take: 10).Where(c => c.State == CountyChangeState.Pending))
        {
            console.MarkupLineInterpolated($"Change {rename.Id} ({rename.State}) by {rename.ProposedBy}: rename to {CountyRename.FromJson(rename.PayloadJson).Value.Name} ({rename.Summary})");
        }

        return FenquanApp.Ok;
    }

    internal static void WriteBounds(IAnsiConsole console, CountyBounds b)
    {
        string Y(decimal yuan) => yuan.ToString("#,0.00", CultureInfo.InvariantCulture);
        var table = new Table().AddColumns("setting", "value");
        table.AddRow("R4 small-expense limit S", $"{Y(b.SmallExpenseMin)}–{Y(b.SmallExpenseMax)}");
        table.AddRow("R16 purchase limit P", $"{Y(b.PurchaseMin)}–{Y(b.PurchaseMax)}");
        table.AddRow("R5 collective limit C", Y(b.CollectiveLimit));
        table.AddRow("R2 law enforcement 执法 a sixth area", b.LawEnforcementEnabled ? "on" : "off");
        table.AddRow("R3 no single deputy holds all areas", b.ForbidSingleDeputyHoldingAll ? "on" : "off");
        table.AddRow("R3 discipline member holds no area", b.ForbidDisciplineMemberPortfolio ? "on" : "off");
        console.Write(table);
    }
}
