using System.Diagnostics;
using System.Globalization;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Demo;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;

namespace Fenquan.Benchmarks;

/// <summary>
/// Where the writer's time goes per batch, for (a) event-only units (as LedgerOnly) and (b) approval
/// actions through <see cref="MatterOperations.ActAsync(CountyId, MatterId, ActRequest)"/> on the
/// demo county, with <c>Concurrent</c> callers in flight (the writer takes up to 1,024 a batch).
/// Run: dotnet run -c Release --project bench/Fenquan.Benchmarks -- profile [units] [concurrent] [--no-kept-views] [--events-only]
/// </summary>
internal static class WriterProfile
{
    public static async Task RunAsync(string[] args)
    {
        var numbers = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var units = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 20_000;
        var concurrent = numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 256;
        var data = DataDirectory.Resolve(Directory.CreateTempSubdirectory("fenquan-profile-").FullName).EnsureCreated();
        try
        {
            var settings = DatabaseSettings.ForSqliteFile(data.DatabaseFile);
            var info = await DemoCounty.SeedAsync(data, settings, TimeProvider.System, new DemoOptions { Matters = 0 });
            var keepViews = !args.Contains("--no-kept-views");
            await using var store = await FenquanStore.OpenAsync(data, settings, TimeProvider.System);
            await using var own = new Fenquan.Data.Ledger.LedgerWriter(settings, store.Signer, TimeProvider.System, keepViews: keepViews);
            var writer = own; // the store's writer stays idle: one writer appends to the county
            var county = info.County;
            Console.WriteLine($"cores={Environment.ProcessorCount} load={LoadAverage()} units={units} concurrent={concurrent} keepViews={keepViews}");

            // (a) Event-only units (three rounds with --events-only, to see the steady state).
            var eventsOnly = args.Contains("--events-only");
            for (var round = 0; round < (eventsOnly ? 3 : 1); round++)
            {
                await Measure("event-only (LedgerOnly)", writer, units, concurrent, i =>
                {
                    var subject = Guid.CreateVersion7();
                    return writer.ExecuteAsync(county, "signin.succeeded", ctx =>
                    {
                        ctx.Append("SignIn", subject, """{"person":"基准","ip":"127.0.0.1","ok":true}""");
                        return Result<bool>.Ok(true);
                    });
                });
            }

            if (eventsOnly)
            {
                return;
            }

            // (b) Approval actions: pending 3,000-yuan expenses by the section head, reviewed by the office, approved by the finance deputy.
            var unit = info.Units[0].Id;
            var people = info.People.Where(p => p.Unit == unit).ToList();
            var section = people.First(p => p.Role == Role.SectionHead);
            var office = people.First(p => p.Role == Role.OfficeReviewer);
            var finance = people.First(p => p.Role == Role.Deputy && p.Portfolio.Contains(Area.Finance));
            var matters = new Operations(writer);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var ids = new MatterId[units / 2];
            await Measure("submit (expense, section head)", writer, ids.Length, concurrent, async i =>
            {
                var submitted = await matters.Matters.SubmitAsync(new SubmitMatter(county, unit, MatterKind.Expense, "基准报销", 3_000m, Payee.Named(Fenquan.Data.Demo.DemoCounterparties.Companies[0].Name), section.Id, InitiatorKind.Section, MatterFlags.None, today));
                ids[i] = submitted.IsOk ? submitted.Value.Id : throw new InvalidOperationException(submitted.ToString());
                return Result<bool>.Ok(true);
            });
            // Review and approve measured apart: the final approval alone runs the budget check (R4)
            // and may raise a fast-approval flag (R47).
            foreach (var (actor, kind) in new[] { (office.Id, ActionKind.Review), (finance.Id, ActionKind.Approve) })
            {
                await Measure($"approval actions ({kind})", writer, ids.Length, concurrent, async i =>
                {
                    var acted = await matters.Matters.ActAsync(county, ids[i], new ActRequest(actor, kind, "同意"));
                    return acted.IsOk ? Result<bool>.Ok(true) : throw new InvalidOperationException(acted.ToString());
                });
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data.Root, recursive: true);
        }
    }

    private static async Task Measure(string what, Fenquan.Data.Ledger.LedgerWriter writer, int count, int concurrent, Func<int, Task<Result<bool>>> unit)
    {
        var before = writer.Metrics;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, concurrent).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await unit(i);
            }
        }));
        await Task.WhenAll(workers);
        watch.Stop();
        var metrics = writer.Metrics.Since(before);
        // CPU time (all threads) per unit: less sensitive to other processes' load than wall time.
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {count} in {watch.Elapsed.TotalSeconds:F2} s = {count / watch.Elapsed.TotalSeconds:F0}/s ({watch.Elapsed.TotalMicroseconds / count:F1} µs each, CPU {cpu.TotalMicroseconds / count:F1} µs each); writer: {metrics}"));
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private sealed class Operations(Fenquan.Data.Ledger.LedgerWriter writer)
    {
        public MatterOperations Matters { get; } = new(writer);
    }
}
