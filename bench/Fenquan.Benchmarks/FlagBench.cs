using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Fenquan.Core.Flags;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Microsoft.Data.Sqlite;

namespace Fenquan.Benchmarks;

/// <summary>
/// R47 figures for docs/performance.md, on generated purchase history written straight into the
/// table the flags read (bench data, not ledgered matters): one unit per 5,000 purchases (200 for
/// 1,000,000, 2,000 for 10,000,000, so each unit's history looks the same) with purchase limits of
/// 1,000–5,000, 200 suppliers of its own, amounts of 10–6,000 yuan (log-uniform), 20 catalogue
/// categories (on 30 % of the purchases), three years.
/// <list type="bullet">
/// <item><c>flags-inline [rows]</c>: the check at submission (<see cref="FlagOperations.Check"/> and
/// the limits and hugging of the policy) for new purchases against <c>rows</c> past ones (default
/// 1,000,000) in SQLite: p50/p99/p99.9 of 20,000 checks.</item>
/// <item><c>flags-scan [rows]</c>: <see cref="FlagScan"/> over <c>rows</c> purchases (default
/// 10,000,000) in SQLite against DuckDB running the same window query on the same rows (loaded from
/// CSV into memory), side by side in one run; the flags found must agree.</item>
/// </list>
/// Run: dotnet run -c Release --project bench/Fenquan.Benchmarks -- flags-inline 1000000 | flags-scan 10000000
/// </summary>
internal static class FlagBench
{
    private const int RowsPerUnit = 5_000; // a unit's purchases over the three years, about 4.5 a day
    private const int SuppliersPerUnit = 200;
    private const int Categories = 20;
    private const long Collective = 500_000; // 5,000 yuan in fen
    private static readonly long[] PurchaseLimits = [100_000, 200_000, 300_000, 500_000];
    private static readonly int FirstDay = new DateOnly(2024, 1, 1).DayNumber;
    private static readonly int Days = 3 * 365;

    public static async Task RunAsync(string[] args)
    {
        var scan = args[0] == "flags-scan";
        var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : scan ? 10_000_000 : 1_000_000;
        // FENQUAN_BENCH_KEEP=1 keeps the generated folder; FENQUAN_BENCH_DIR=that folder runs on it again without generating.
        var reuse = Environment.GetEnvironmentVariable("FENQUAN_BENCH_DIR");
        var data = DataDirectory.Resolve(reuse ?? Directory.CreateTempSubdirectory("fenquan-flags-").FullName).EnsureCreated();
        try
        {
            var settings = DatabaseSettings.ForSqliteFile(data.DatabaseFile);
            await FenquanDatabase.MigrateAsync(settings);
            var world = new World(reuse is null ? CountyId.New() : ExistingCounty(settings), Math.Max(1, rows / RowsPerUnit));
            Console.WriteLine($"folder={data.Root} cores={Environment.ProcessorCount} cpu={Cpu()} load={LoadAverage()} rows={rows:N0}");
            var csv = scan ? Path.Combine(data.Root, "purchases.csv") : null;
            var generating = Stopwatch.StartNew();
            if (reuse is null)
            {
                Generate(settings, world, rows, csv);
            }

            Console.WriteLine($"generated {rows:N0} rows into purchase_records{(csv is null ? string.Empty : " and CSV")} in {generating.Elapsed.TotalSeconds:F1} s");
            if (scan)
            {
                await ScanAsync(settings, world, csv!);
            }
            else
            {
                Inline(settings, world);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("FENQUAN_BENCH_KEEP") is null && reuse is null)
            {
                Directory.Delete(data.Root, recursive: true);
            }
        }
    }

    private static void Inline(DatabaseSettings settings, World world)
    {
        var policy = DefaultPolicy.Create(new UnitLimits(3_000m, 2_000m, 5_000m), CountyBounds.Default, effectiveFrom: new DateOnly(2024, 1, 1));
        var flagSettings = FlagSettings.Default;
        using var db = FenquanDatabase.CreateContext(settings);
        var random = new Random(7);
        const int warmup = 2_000, measured = 20_000;
        var times = new double[measured];
        var found = 0;
        for (var i = 0; i < warmup + measured; i++)
        {
            var record = world.Row(random, FirstDay + Days - random.Next(365));
            var started = Stopwatch.GetTimestamp();
            var amount = PurchaseRecord.Yuan(record.AmountFen);
            var limits = FlagLimits.Of(policy, new MatterFacts(Area.Procurement, MatterKind.PurchasePlan, amount, InitiatorKind.Section, MatterFlags.None), null);
            var hugging = FlagChecks.ThresholdHugging(amount, limits, flagSettings);
            var findings = FlagOperations.Check(db, record, flagSettings);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i >= warmup)
            {
                times[i - warmup] = elapsed;
                found += findings.Count + (hugging is null ? 0 : 1);
            }
        }

        Array.Sort(times);
        static double P(double[] sorted, double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine($"inline check, wall clock: {measured:N0} checks, {found:N0} findings; p50 {P(times, 0.50):F3} ms, p90 {P(times, 0.90):F3} ms, p99 {P(times, 0.99):F3} ms, p99.9 {P(times, 0.999):F3} ms, max {times[^1]:F3} ms");
        Console.WriteLine($"cpu pressure: {(File.Exists("/proc/pressure/cpu") ? File.ReadLines("/proc/pressure/cpu").First() : "?")}");
    }

    // Side by side in one run, interleaved (ours, DuckDB, ours, …) so that both meet the same load on
    // a shared machine; each round also reports the process's CPU time, which waiting for a core does
    // not inflate.
    private static async Task ScanAsync(DatabaseSettings settings, World world, string csv)
    {
        using var duck = new DuckDBConnection("Data Source=:memory:");
        duck.Open();
        Execute(duck, "SET threads = " + Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
        var loading = Stopwatch.StartNew();
        Execute(duck, $"CREATE TABLE purchases AS SELECT * FROM read_csv('{csv}', header = true, columns = {{'unit': 'VARCHAR', 'supplier': 'VARCHAR', 'category': 'VARCHAR', 'day': 'INTEGER', 'id': 'VARCHAR', 'amount': 'BIGINT', 'lim': 'BIGINT', 'p': 'BIGINT'}})");
        Console.WriteLine($"duckdb load from CSV into memory (not counted below): {loading.Elapsed.TotalSeconds:F2} s");
        var rounds = int.Parse(Environment.GetEnvironmentVariable("FENQUAN_BENCH_ROUNDS") ?? "3", CultureInfo.InvariantCulture);
        for (var round = 1; round <= rounds; round++)
        {
            long hugging = 0, bySupplier = 0, byCategory = 0, total = 0;
            var (wall, cpu) = await TimedAsync(() => FlagScan.RunAsync(settings, world.County, null, null, null, FlagSettings.Default, flag =>
            {
                switch (flag.Kind, flag.Basis)
                {
                    case (RedFlagKind.ThresholdHugging, _):
                        Interlocked.Increment(ref hugging);
                        break;
                    case (_, SplitBasis.Supplier):
                        Interlocked.Increment(ref bySupplier);
                        Interlocked.Add(ref total, flag.TotalFen);
                        break;
                    default:
                        Interlocked.Increment(ref byCategory);
                        Interlocked.Add(ref total, flag.TotalFen);
                        break;
                }
            }));
            Console.WriteLine($"round {round} fenquan scan: {wall:F2} s wall, {cpu:F2} s CPU — split by supplier {bySupplier:N0}, by category {byCategory:N0} (totals {total:N0} fen), hugging {hugging:N0}; {Pressure()}");

            (long Count, long Total) supplier = default, category = default;
            long duckHugging = 0;
            var (duckWall, duckCpu) = await TimedAsync(() =>
            {
                supplier = Split(duck, "supplier");
                category = Split(duck, "category");
                duckHugging = Scalar(duck, "SELECT count(*) FROM purchases WHERE lim IS NOT NULL AND amount > 0 AND amount <= lim AND amount * 10 >= lim * 9");
                return Task.CompletedTask;
            });
            Console.WriteLine($"round {round} duckdb query: {duckWall:F2} s wall, {duckCpu:F2} s CPU — split by supplier {supplier.Count:N0}, by category {category.Count:N0} (totals {supplier.Total + category.Total:N0} fen), hugging {duckHugging:N0}; {Pressure()}");
            Console.WriteLine($"round {round} ratio duckdb/fenquan: wall {duckWall / wall:F2}, CPU {duckCpu / cpu:F2}; same flags: {bySupplier == supplier.Count && byCategory == category.Count && total == supplier.Total + category.Total && hugging == duckHugging}");
        }
    }

    private static async Task<(double Wall, double Cpu)> TimedAsync(Func<Task> run)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await run();
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    private static string Pressure() => File.Exists("/proc/pressure/cpu") ? "cpu pressure " + File.ReadLines("/proc/pressure/cpu").First().Split(' ')[1] : string.Empty;

    private static CountyId ExistingCounty(DatabaseSettings settings)
    {
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"CountyId\" FROM purchase_records LIMIT 1";
        return new CountyId(Guid.Parse((string)command.ExecuteScalar()!, CultureInfo.InvariantCulture));
    }

    // The split-purchase window in SQL: for each purchase at or under its limit, the purchases of the
    // same unit and key 0 to 30 days before it (earlier ones that day by id), each at or under that
    // limit (the unit's purchase limit P, or the collective limit), with it over the limit.
    private static (long Count, long Total) Split(DuckDBConnection duck, string key)
    {
        var sql = $"""
            WITH s AS (
              SELECT amount, lim, p,
                SUM(CASE WHEN amount <= p THEN amount ELSE 0 END) OVER r - SUM(CASE WHEN amount <= p THEN amount ELSE 0 END) OVER d AS sp,
                SUM(CASE WHEN amount <= {Collective} THEN amount ELSE 0 END) OVER r - SUM(CASE WHEN amount <= {Collective} THEN amount ELSE 0 END) OVER d AS sc
              FROM purchases WHERE {key} IS NOT NULL
              WINDOW r AS (PARTITION BY unit, {key} ORDER BY day RANGE BETWEEN 30 PRECEDING AND CURRENT ROW),
                     d AS (PARTITION BY unit, {key}, day ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING))
            SELECT count(*), coalesce(sum(amount + CASE WHEN lim = p THEN sp ELSE sc END), 0) FROM s
            WHERE lim IS NOT NULL AND amount <= lim AND amount + CASE WHEN lim = p THEN sp ELSE sc END > lim
            """;
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), (long)System.Numerics.BigInteger.Parse(reader.GetValue(1).ToString()!, CultureInfo.InvariantCulture));
    }

    private static long Scalar(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Rows in random order, straight into purchase_records (indexes dropped first and built after,
    // as a bulk load does), and the same rows as CSV for DuckDB.
    private static void Generate(DatabaseSettings settings, World world, int rows, string? csvPath)
    {
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        var indexes = new List<string>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'purchase_records' AND sql IS NOT NULL";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add(reader.GetString(0));
            }
        }

        foreach (var name in new[] { "ix_purchase_records_supplier_window", "ix_purchase_records_category_window", "ix_purchase_records_unit_day" })
        {
            Run(connection, $"DROP INDEX IF EXISTS \"{name}\"");
        }

        Run(connection, "PRAGMA synchronous = OFF");
        using var csv = csvPath is null ? null : new StreamWriter(csvPath);
        csv?.WriteLine("unit,supplier,category,day,id,amount,lim,p");
        var random = new Random(47);
        var county = world.County.Value.ToString("D").ToUpperInvariant();
        for (var done = 0; done < rows;)
        {
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO purchase_records (\"Id\", \"CountyId\", \"UnitId\", \"SubmittedDay\", \"CounterpartyId\", \"Category\", \"AmountFen\", \"LimitFen\") VALUES ($id, $county, $unit, $day, $supplier, $category, $amount, $limit)";
            var p = new[] { "$id", "$county", "$unit", "$day", "$supplier", "$category", "$amount", "$limit" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            insert.Prepare();
            p[1].Value = county;
            for (var i = 0; i < 100_000 && done < rows; i++, done++)
            {
                var row = world.Row(random, FirstDay + random.Next(Days));
                var unit = row.UnitId.Value.ToString("D").ToUpperInvariant();
                var id = row.Id.ToString("D").ToUpperInvariant();
                var supplier = row.CounterpartyId?.Value.ToString("D").ToUpperInvariant();
                p[0].Value = id;
                p[2].Value = unit;
                p[3].Value = row.SubmittedDay;
                p[4].Value = (object?)supplier ?? DBNull.Value;
                p[5].Value = (object?)row.Category ?? DBNull.Value;
                p[6].Value = row.AmountFen;
                p[7].Value = (object?)row.LimitFen ?? DBNull.Value;
                insert.ExecuteNonQuery();
                csv?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{unit},{supplier},{row.Category},{row.SubmittedDay},{id},{row.AmountFen},{row.LimitFen},{world.PurchaseLimit(row.UnitId)}"));
            }

            transaction.Commit();
        }

        foreach (var sql in indexes)
        {
            Run(connection, sql);
        }

        Run(connection, "ANALYZE");
        Run(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Cpu() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?" : "?";

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    // The county's units (each with its purchase limit), suppliers and categories.
    private sealed class World(CountyId county, int units)
    {
        private readonly UnitId[] _units = [.. Enumerable.Range(0, units).Select(_ => UnitId.New())];
        private readonly CounterpartyId[] _suppliers = [.. Enumerable.Range(0, units * SuppliersPerUnit).Select(_ => CounterpartyId.New())];
        private readonly string[] _categories = [.. Enumerable.Range(0, Categories).Select(i => "品目" + i.ToString("D2", CultureInfo.InvariantCulture))];

        public CountyId County { get; } = county;

        private Dictionary<UnitId, int>? _indexes;

        public long PurchaseLimit(UnitId unit) => PurchaseLimits[(_indexes ??= _units.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i))[unit] % PurchaseLimits.Length];

        public PurchaseRecord Row(Random random, int day)
        {
            var index = random.Next(_units.Length);
            var unit = _units[index];
            var amount = (long)Math.Round(Math.Exp(Math.Log(10) + (random.NextDouble() * Math.Log(600))), 0) * 100; // 10 to 6,000 yuan, log-uniform
            var p = PurchaseLimits[index % PurchaseLimits.Length];
            long? limit = amount <= p ? p : amount <= Collective ? Collective : null;
            var supplier = random.Next(20) == 0 ? (CounterpartyId?)null : _suppliers[(index * SuppliersPerUnit) + random.Next(SuppliersPerUnit)];
            var category = random.Next(10) < 3 ? _categories[random.Next(_categories.Length)] : null;
            return new PurchaseRecord(Guid.CreateVersion7(), County, unit, DateOnly.FromDayNumber(day), supplier, category, amount, limit);
        }
    }
}
