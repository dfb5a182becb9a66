using System.ComponentModel;
using Fenquan.Data.Operations;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

public sealed class CountyChangeConfirmSettings : CountyOfficialSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The pending change (see `fenquan county-changes list`).")]
    public Guid Id { get; init; }
}

/// <summary>Four eyes (R40): a county administrator other than the proposer confirms a pending change, and it takes effect.</summary>
public sealed class CountyChangesConfirmCommand(IAnsiConsole console) : AsyncCommand<CountyChangeConfirmSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CountyChangeConfirmSettings settings, CancellationToken cancellationToken)
    {
        var official = settings.Official();
        settings.ExistingDatabase();
        await using var store = await settings.OpenAsync(cancellationToken);
        Core.Primitives.CountyId county;
        await using (var db = store.Context())
        {
            county = await settings.CountyAsync(db, cancellationToken);
        }

        var confirmed = await new CountyChangeOperations(store.Writer).ConfirmAsync(county, settings.Id, official);
        if (!confirmed.IsOk)
        {
            throw FenquanCliException.Refused(confirmed.Refusal!);
        }

        if (confirmed.Value.State == Core.CountyChanges.CountyChangeState.AwaitingUnits)
        {
            console.MarkupLineInterpolated($"Confirmed change {confirmed.Value.Number} of {confirmed.Value.Subject} by {official.Account}: waiting for {confirmed.Value.WaitingFor.Count} unit(s) to comply (fenquan county show).");
        }
        else
        {
            console.MarkupLineInterpolated($"Confirmed change {confirmed.Value.Number} of {confirmed.Value.Subject} by {official.Account}: in force.");
        }

        return FenquanApp.Ok;
    }
}
