using BenchmarkDotNet.Attributes;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Documents.Organization;
using Fenquan.Testing;

namespace Fenquan.Benchmarks;

/// <summary>
/// R1–R3: a county's organisation imported from one .xlsx — 60 units, 180 sections, 5,000 people,
/// 5,000 memberships and 300 portfolio assignments (<see cref="OrganizationSample"/>) — on SQLite:
/// reading the workbook; reading, checking every row and writing it all in one ledgered unit of work
/// into an empty county (what the county administrator waits for); and the same file again, which
/// changes nothing. Each iteration imports into a new county of the same database.
/// Run: dotnet run -c Release --project bench/Fenquan.Benchmarks -- --filter '*ImportBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class ImportBenchmarks
{
    private static readonly CountyOfficial Admin = new("admin", "管理员");
    private byte[] _workbook = [];
    private DataDirectory _data = null!;
    private FenquanStore _store = null!;
    private CountyId _county;
    private CountyId _imported;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _workbook = new OrganizationSample(60, 5_000).Workbook();
        _data = DataDirectory.Resolve(Directory.CreateTempSubdirectory("fenquan-bench-import-").FullName).EnsureCreated();
        _store = await FenquanStore.OpenAsync(_data, DatabaseSettings.ForSqliteFile(_data.DatabaseFile), TimeProvider.System);
        _imported = (await new OrganizationOperations(_store.Writer).CreateCountyAsync("已导入县", CountyBounds.Default)).Value.Id;
        await ImportAsync(_imported);
        Console.WriteLine($"// workbook {_workbook.Length:N0} bytes");
    }

    [IterationSetup(Target = nameof(ImportIntoEmptyCounty))]
    public void NewCounty() => _county = new OrganizationOperations(_store.Writer).CreateCountyAsync("清河县", CountyBounds.Default).GetAwaiter().GetResult().Value.Id;

    [Benchmark]
    public int ReadWorkbook() => OrganizationWorkbook.Read(new MemoryStream(_workbook), "county.xlsx").Value.Sheets.Count;

    [Benchmark]
    public Task<ImportOutcome> ImportIntoEmptyCounty() => ImportAsync(_county);

    [Benchmark]
    public Task<ImportOutcome> ReimportUnchanged() => ImportAsync(_imported);

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data.Root, recursive: true);
        if (Directory.Exists(_data.Root + "-keys"))
        {
            Directory.Delete(_data.Root + "-keys", recursive: true);
        }
    }

    private async Task<ImportOutcome> ImportAsync(CountyId county)
    {
        var file = OrganizationWorkbook.Read(new MemoryStream(_workbook), "county.xlsx").Value;
        var imported = await new OrganizationImportOperations(_store.Writer).ImportAsync(county, file, "county.xlsx", Admin);
        return imported.IsOk && imported.Value.IsOk ? imported.Value : throw new InvalidOperationException(imported.ToString());
    }
}
