using System.ComponentModel;
using Fenquan.Core.Access;
using Fenquan.Core.Counterparties;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

public sealed class CounterpartyListSettings : CountyDataSettings
{
    [CommandOption("--search <TEXT>")]
    [Description("Part of the name, or the whole credit code or ID number.")]
    public string? Search { get; init; }
}

/// <summary>The county's register of external counterparties (R6), ID numbers masked: the command line shows what the pages show everyone.</summary>
public sealed class CounterpartyListCommand(IAnsiConsole console) : AsyncCommand<CounterpartyListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CounterpartyListSettings settings, CancellationToken cancellationToken)
    {
        await using var db = FenquanDatabase.CreateContext(settings.ExistingDatabase());
        var county = await settings.CountyAsync(db, cancellationToken);
        var table = new Table().AddColumns("名称 name", "类别 kind", "代码 identifier", "登记 registered");
        foreach (var c in CounterpartyOperations.List(db, county, settings.Search))
        {
            table.AddRow(Markup.Escape(c.Name), c.Kind == CounterpartyKind.Company ? "单位 company" : "个人 individual", Markup.Escape(c.MaskedIdentifier), Markup.Escape($"{c.RegisteredBy} {c.RegisteredAt:yyyy-MM-dd}"));
        }

        console.Write(table);
        return FenquanApp.Ok;
    }
}

public sealed class CounterpartyRegisterSettings : CountyOfficialSettings
{
    [CommandArgument(0, "<KIND>")]
    [Description("company or individual.")]
    public string Kind { get; init; } = string.Empty;

    [CommandArgument(1, "<NAME>")]
    [Description("The registered name.")]
    public string CounterpartyName { get; init; } = string.Empty;

    [CommandArgument(2, "<IDENTIFIER>")]
    [Description("The unified social credit code (company) or resident ID number (individual).")]
    public string Identifier { get; init; } = string.Empty;
}

/// <summary>Registers a counterparty as a county administrator (--by), ledgered (R6).</summary>
public sealed class CounterpartyRegisterCommand(IAnsiConsole console) : AsyncCommand<CounterpartyRegisterSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CounterpartyRegisterSettings settings, CancellationToken cancellationToken)
    {
        var official = settings.Official();
        if (!Enum.TryParse<CounterpartyKind>(settings.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            throw new FenquanCliException("KIND is company or individual.");
        }

        settings.ExistingDatabase();
        await using var store = await settings.OpenAsync(cancellationToken);
        Core.Primitives.CountyId county;
        await using (var db = store.Context())
        {
            county = await settings.CountyAsync(db, cancellationToken);
        }

        var asker = new Asker { County = county, IsCountyAdministrator = true };
        var registered = await new CounterpartyOperations(store.Writer).RegisterAsync(asker, kind, settings.CounterpartyName, settings.Identifier, official.Name == official.Account ? official.Account : $"{official.Name}（{official.Account}）");
        if (!registered.IsOk)
        {
            throw FenquanCliException.Refused(registered.Refusal!);
        }

        console.MarkupLineInterpolated($"Registered {registered.Value.Name} ({registered.Value.MaskedIdentifier}) as counterparty {registered.Value.Id}.");
        return FenquanApp.Ok;
    }
}
