using BenchmarkDotNet.Attributes;
using Fenquan.Core.Finance;
using Fenquan.Core.Finance.Inspection;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Benchmarks;

/// <summary>
/// R9: the quarterly statement of a unit with 100,000 paid claims in the quarter, built from SQLite
/// (payments joined with their matters and budget lines, income, then grouped by the core). One
/// claim goes through the real operations (submitted on a budget line, reviewed, approved, paid);
/// its rows are then copied 100,000 times by SQL, with amounts, days, kinds (every twentieth a reception, on 30217) and lines varied.
/// Run: dotnet run -c Release --project bench/Fenquan.Benchmarks -- --filter '*Statement*' --job short
/// </summary>
[MemoryDiagnoser]
public class StatementBenchmarks
{
    // FENQUAN_BENCH_CLAIMS: how many paid claims (100,000 for the statement; 1,000,000 for the draw).
    private static readonly int Claims = int.TryParse(Environment.GetEnvironmentVariable("FENQUAN_BENCH_CLAIMS"), out var claims) ? claims : 100_000;
    private static readonly Quarter Q3 = new(2026, 3);

    private DataDirectory _data = null!;
    private FenquanStore _store = null!;
    private CountyId _county;
    private UnitId _unit;

    // The draw reads only the payments: draw-profile copies them alone (no matters, no charges), foreign keys off.
    private bool _paymentsOnly;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _data = DataDirectory.Resolve(Directory.CreateTempSubdirectory("fenquan-bench-statement-").FullName).EnsureCreated();
        _store = await FenquanStore.OpenAsync(_data, DatabaseSettings.ForSqliteFile(_data.DatabaseFile), TimeProvider.System);
        var organization = new OrganizationOperations(_store.Writer);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.AddDays(-30);
        _county = Ok(await organization.CreateCountyAsync("清河县", CountyBounds.Default)).Id;
        _unit = Ok(await organization.AddUnitAsync(_county, "城关镇", UnitKind.Township)).Id;
        var people = new Dictionary<string, PersonId>();
        foreach (var (name, role) in new[] { ("王建国", Role.Principal), ("张伟", Role.Deputy), ("刘洋", Role.Deputy), ("陈明", Role.Deputy), ("杨帆", Role.Deputy), ("赵敏", Role.OfficeReviewer), ("周杰", Role.Staff), ("钱会计", Role.FinanceStaff) })
        {
            people[name] = Ok(await organization.AddPersonAsync(_county, name)).Id;
            Ok(await organization.AddMembershipAsync(_county, _unit, people[name], role, start));
        }

        foreach (var (area, name) in new[] { (Area.Finance, "张伟"), (Area.Personnel, "刘洋"), (Area.Procurement, "陈明"), (Area.Construction, "杨帆"), (Area.AdministrativeApproval, "刘洋") })
        {
            Ok(await organization.AssignPortfolioAsync(new AssignPortfolio(_county, _unit, area, people[name], start)));
        }

        Ok(await new PolicyOperations(_store.Writer).SeedFirstVersionAsync(_county, _unit, DefaultPolicy.Create(new UnitLimits(3_000m, 2_000m, 5_000m), CountyBounds.Default, effectiveFrom: start)));
        var budgets = new BudgetOperations(_store.Writer);
        var budget = Ok(await budgets.ImportAsync(_county, _unit, today.Year, "清财预〔2026〕1号",
            [new(2, "30201", "办公费", "1000000000"), new(3, "30211", "差旅费", "1000000000"), new(4, "30217", "公务接待费", "1000000000"), new(5, "30299", "其他", "1000000000")], people["钱会计"]));
        Ok(await budgets.ConfirmAsync(_county, _unit, budget.Id, people["张伟"]));

        var matters = new MatterOperations(_store.Writer);
        var claim = Ok(await matters.SubmitAsync(new SubmitMatter(_county, _unit, MatterKind.Expense, "差旅费报销", 1_000m, Payee.Person(people["周杰"], "周杰"), people["周杰"], InitiatorKind.Staff, MatterFlags.None, today), budgetLine: "30211"));
        Ok(await matters.ActAsync(_county, claim.Id, new ActRequest(people["赵敏"], ActionKind.Review, "同意")));
        Ok(await matters.ActAsync(_county, claim.Id, new ActRequest(people["张伟"], ActionKind.Approve, "同意")));
        Ok(await new PaymentOperations(_store.Writer).RecordAsync(_county, claim.Id, new RecordPayment(people["钱会计"], 1_000m, Payee.None, PaymentMethod.OfficialCard, "GWK-1", today)));

        await using var db = _store.Context();
        await CopyAsync(db, claim.Id);
        Console.WriteLine($"// {await db.Set<Payment>().CountAsync()} payments, {await db.Matters.CountAsync()} matters");
    }

    // The template claim's matter, payment and budget charge, copied Claims times: ids new, amounts,
    // paying days in the quarter, kinds (every tenth a reception) and lines varied.
    private async Task CopyAsync(FenquanDbContext db, MatterId template)
    {
        var lines = await db.Set<BudgetLine>().Where(l => l.CountyId == _county).Select(l => l.Id).ToListAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (_paymentsOnly)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF");
        }

        await using var transaction = await connection.BeginTransactionAsync();
        async Task Run(string sql)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        async Task<List<string>> Columns(string table)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            var names = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }

        const string NewGuid = "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))";
        await Run($"CREATE TEMP TABLE gen AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Claims}) SELECT i, {NewGuid} AS matter, {NewGuid} AS payment, {NewGuid} AS charge FROM n");
        var id = template.Value.ToString().ToUpperInvariant();
        // Receptions (every 20th claim) on 公务接待费, the others spread over the remaining lines.
        var reception = await db.Set<BudgetLine>().Where(l => l.CountyId == _county && l.Code == EconomicClassification.Reception).Select(l => l.Id).SingleAsync();
        var others = lines.Where(l => l != reception).ToList();
        var lineCase = $"CASE WHEN gen.i % 20 = 0 THEN '{reception.ToString().ToUpperInvariant()}' ELSE CASE gen.i % {others.Count}" + string.Concat(others.Select((l, k) => $" WHEN {k} THEN '{l.ToString().ToUpperInvariant()}'")) + " END END";
        var amount = "printf('%.2f', 100 + (gen.i % 5200) + 0.5)";
        var paidOn = $"date('{Q3.First:yyyy-MM-dd}', '+' || (gen.i % 92) || ' days')";
        string Select(string table, List<string> columns, Func<string, string?> value) =>
            $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", columns.Select(c => value(c) ?? $"t.\"{c}\""))} FROM {table} t, gen";
        var matterColumns = await Columns("matters");
        await Run(_paymentsOnly ? "SELECT 1" : Select("matters", matterColumns, c => c switch
        {
            "Id" => "gen.matter",
            "Amount" => amount,
            "Kind" => "CASE WHEN gen.i % 20 = 0 THEN 'Reception' ELSE t.\"Kind\" END",
            _ => null,
        }) + $" WHERE t.\"Id\" = '{id}'");
        await Run(Select("payments", await Columns("payments"), c => c switch
        {
            "Id" => "gen.payment",
            "MatterId" => "gen.matter",
            "Amount" => amount,
            "PaidOn" => paidOn,
            _ => null,
        }) + $" WHERE t.\"MatterId\" = '{id}'");
        if (!_paymentsOnly)
        {
            await Run(Select("budget_charges", await Columns("budget_charges"), c => c switch
            {
                "Id" => "gen.charge",
                "MatterId" => "gen.matter",
                "BudgetLineId" => lineCase,
                _ => null,
            }) + $" WHERE t.\"MatterId\" = '{id}'");
        }

        await Run("ANALYZE");
        await transaction.CommitAsync();
    }

    [Benchmark]
    public StatementContent QuarterlyStatementOf100000Claims()
    {
        using var db = _store.Context();
        var content = StatementOperations.Build(db, _county, _unit, Q3, QuarterlyStatement.DefaultLargeItemThreshold);
        return content.ExpenditureByLine.Count == 0 ? throw new InvalidOperationException("No expenditure.") : content;
    }

    /// <summary>The statement's time split into its query and the rest, without BenchmarkDotNet: <c>-- statement-profile</c>.</summary>
    public static void Profile()
    {
        var bench = new StatementBenchmarks();
        bench.Setup();
        for (var i = 0; i < 5; i++)
        {
            var process = System.Diagnostics.Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var started = System.Diagnostics.Stopwatch.StartNew();
            var content = bench.QuarterlyStatementOf100000Claims();
            process.Refresh();
            Console.WriteLine($"statement: {started.ElapsedMilliseconds} ms wall, {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU ({content.LargeItems.Count} large items, {content.Receptions.Count} receptions, {content.ExpenditureTotal:N2})");
        }

        bench.Cleanup();
    }

    /// <summary>
    /// Issue 15 (R8): the voucher inspection's draw as the data path makes it, from the database:
    /// the unit's payments read and summed by claim (<see cref="InspectionOperations.Population"/>),
    /// then the core's draw. <c>FENQUAN_BENCH_CLAIMS=1000000 … -- draw-profile</c>.
    /// </summary>
    public static void DrawProfile()
    {
        var bench = new StatementBenchmarks { _paymentsOnly = true };
        bench.Setup();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = new InspectionPeriod(today.Year, 3, ((today.Month - 1) / 3) + 1);
        var seed = new InspectionSeed(1_234_567, "iSe9DFx6HMP3+qBjcJO2zXdteCoHn9ste2DbbVehKuA=", DateTimeOffset.UnixEpoch, "demo.witness/jiwei").Bytes(bench._county, bench._unit, period);
        using (var plan = bench._store.Context())
        {
            plan.Database.OpenConnection();
            using var command = plan.Database.GetDbConnection().CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN SELECT \"MatterId\", \"Amount\" FROM payments WHERE \"CountyId\" = 'A' AND \"UnitId\" = 'B' AND \"RecordedAt\" >= 'C' AND \"RecordedAt\" < 'D'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                Console.WriteLine("// plan: " + reader.GetString(reader.FieldCount - 1));
            }
        }

        // The read as it was before 2026-12-07's change (every payment of the unit up to the period's
        // end by EF, the instants recorded chosen in memory), run beside it for the figure and the check.
        var (from, until) = (new DateTimeOffset(period.Start.ToDateTime(TimeOnly.MinValue), InspectionPeriod.ChinaOffset).ToUniversalTime(), period.EndsAt.ToUniversalTime());
        var last = period.End.AddDays(1);
        IReadOnlyList<SampleCandidate> Before(FenquanDbContext db) =>
            VoucherSample.ByClaim(db.Set<Payment>().AsNoTracking().Where(p => p.CountyId == bench._county && p.UnitId == bench._unit && p.PaidOn <= last)
                .Select(p => new { p.MatterId, p.Amount, p.RecordedAt }).AsEnumerable().Where(p => p.RecordedAt >= from && p.RecordedAt < until)
                .Select(p => (p.MatterId.Value, p.Amount)));
        IReadOnlyList<SampleCandidate>? reference = null;
        foreach (var (name, read) in new (string, Func<FenquanDbContext, IReadOnlyList<SampleCandidate>>)[] { ("before", Before), ("now", db => InspectionOperations.Population(db, bench._county, bench._unit, period)) })
        {
            for (var i = 0; i < 5; i++)
            {
                var process = System.Diagnostics.Process.GetCurrentProcess();
                var cpu = process.TotalProcessorTime;
                var started = System.Diagnostics.Stopwatch.StartNew();
                using var db = bench._store.Context();
                var population = read(db);
                var reading = started.Elapsed;
                var sample = VoucherSample.Draw(population, seed, 10, 50_000m);
                process.Refresh();
                Console.WriteLine($"draw ({name}): {started.ElapsedMilliseconds} ms wall ({reading.TotalMilliseconds:F0} ms reading and summing), {(process.TotalProcessorTime - cpu).TotalMilliseconds:F0} ms CPU; {population.Count} paid claims, {sample.Count} drawn; load {File.ReadAllText("/proc/loadavg").Trim()}");
                reference ??= population;
                if (!population.OrderBy(c => c.MatterId).SequenceEqual(reference.OrderBy(c => c.MatterId)))
                {
                    throw new InvalidOperationException("The population differs from the one read before.");
                }
            }
        }

        bench.Cleanup();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data.Root, recursive: true);
    }

    private static T Ok<T>(Result<T> result) => result.IsOk ? result.Value : throw new InvalidOperationException(result.Refusal!.ToString());
}
