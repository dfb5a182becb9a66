using System.ComponentModel;
using System.Globalization;
using Fenquan.Core.Flags;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

public sealed class FlagsScanSettings : CountyDataSettings
{
    [CommandOption("--unit <ID>")]
    [Description("Only this unit (its id, or its exact name).")]
    public string? Unit { get; init; }

    [CommandOption("--from <DATE>")]
    [Description("Report purchases submitted from this day (yyyy-MM-dd); earlier ones still count in the window.")]
    public DateOnly? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Report purchases submitted up to this day (yyyy-MM-dd).")]
    public DateOnly? To { get; init; }

    [CommandOption("--csv <FILE>")]
    [Description("Write every flag as CSV to FILE (\"-\": standard output) instead of a table.")]
    public string? Csv { get; init; }

    [CommandOption("--window-days <DAYS>")]
    [Description("The split-purchase window in days (default 30, both ends included).")]
    public int? WindowDays { get; init; }

    [CommandOption("--hugging-share <SHARE>")]
    [Description("The share of a limit from which an amount hugs it (default 0.90).")]
    public decimal? HuggingShare { get; init; }

    [CommandOption("--top <N>")]
    [Description("Rows shown in the table (default 50); the counts cover all.")]
    public int Top { get; init; } = 50;

    public FlagSettings FlagSettings()
    {
        var settings = Core.Flags.FlagSettings.Default with
        {
            WindowDays = WindowDays ?? Core.Flags.FlagSettings.Default.WindowDays,
            HuggingShare = HuggingShare ?? Core.Flags.FlagSettings.Default.HuggingShare,
        };
        var check = settings.Check();
        return check.IsOk ? settings : throw FenquanCliException.Refused(check.Refusal!);
    }
}

/// <summary>
/// <c>fenquan flags scan</c> (R47): the split-purchase and threshold flags over the county's history,
/// for its inspectors — one streaming pass per window index (<see cref="FlagScan"/>).
/// </summary>
public sealed class FlagsScanCommand(IAnsiConsole console) : AsyncCommand<FlagsScanSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, FlagsScanSettings settings, CancellationToken cancellationToken)
    {
        var flagSettings = settings.FlagSettings();
        var database = settings.ExistingDatabase();
        await using var db = FenquanDatabase.CreateContext(database);
        var county = await settings.CountyAsync(db, cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.CountyId == county).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        UnitId? unit = settings.Unit is null ? null
            : Guid.TryParse(settings.Unit, out var id) && units.ContainsKey(new UnitId(id)) ? new UnitId(id)
            : units.Where(u => u.Value == settings.Unit).Select(u => (UnitId?)u.Key).FirstOrDefault() ?? throw new FenquanCliException($"No unit {settings.Unit} in this county.");

        var counts = new Dictionary<(UnitId, RedFlagKind, SplitBasis?), int>();
        var shown = new List<ScanFlag>();
        await using var csv = settings.Csv is null ? null : settings.Csv == "-" ? new StreamWriter(Console.OpenStandardOutput()) : new StreamWriter(settings.Csv);
        csv?.WriteLine("unit,matter,submitted_on,kind,basis,amount,limit,total,other_matters");
        var gate = new Lock();
        await FlagScan.RunAsync(database, county, unit, settings.From, settings.To, flagSettings, flag =>
        {
            lock (gate)
            {
                var key = (flag.Unit, flag.Kind, flag.Basis);
                counts[key] = counts.GetValueOrDefault(key) + 1;
                if (csv is not null)
                {
                    csv.WriteLine(string.Join(',', flag.Unit, flag.Matter, Day(flag.Day), flag.Kind, flag.Basis?.ToString() ?? string.Empty,
                        Yuan(flag.AmountFen), Yuan(flag.LimitFen), Yuan(flag.TotalFen), string.Join(' ', flag.Others.Select(o => o.ToString("D")))));
                }
                else if (shown.Count < settings.Top)
                {
                    shown.Add(flag);
                }
            }
        }, cancellationToken);

        if (csv is not null)
        {
            return FenquanApp.Ok;
        }

        var summary = new Table().AddColumns("单位 unit", "预警 flag", "数量 count");
        foreach (var ((u, kind, basis), count) in counts.OrderBy(c => units.GetValueOrDefault(c.Key.Item1, "?"), StringComparer.Ordinal).ThenBy(c => c.Key.Item2))
        {
            summary.AddRow(Markup.Escape(units.GetValueOrDefault(u, u.ToString())), basis is null ? kind.ToString() : $"{kind} ({basis})", count.ToString(CultureInfo.InvariantCulture));
        }

        console.MarkupLineInterpolated($"R47 flags scan: {counts.Values.Sum()} flags (window {flagSettings.WindowDays} days, hugging from {flagSettings.HuggingShare:P0} of a limit)");
        console.Write(summary);
        var titles = await TitlesAsync(db, county, shown, cancellationToken);
        var table = new Table().AddColumns("单位 unit", "提交日 day", "事项 matter", "预警 flag", "金额 amount", "限额 limit", "合计 total", "其他事项 others");
        foreach (var f in shown)
        {
            table.AddRow(Markup.Escape(units.GetValueOrDefault(f.Unit, f.Unit.ToString())), Day(f.Day), Markup.Escape(titles.GetValueOrDefault(f.Matter, f.Matter.ToString())),
                f.Basis is null ? f.Kind.ToString() : $"{f.Kind} ({f.Basis})", Yuan(f.AmountFen), Yuan(f.LimitFen), Yuan(f.TotalFen), f.Others.Count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        return FenquanApp.Ok;
    }

    private static async Task<Dictionary<Core.Primitives.MatterId, string>> TitlesAsync(Data.FenquanDbContext db, CountyId county, List<ScanFlag> flags, CancellationToken cancellationToken)
    {
        var ids = flags.Select(f => f.Matter).Distinct().ToList();
        return await db.Matters.AsNoTracking().Where(m => m.CountyId == county && ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Title, cancellationToken);
    }

    private static string Day(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
