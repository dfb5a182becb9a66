using BenchmarkDotNet.Running;

// Run all:      dotnet run -c Release --project bench/Fenquan.Benchmarks -- --filter '*'
// Run one class: dotnet run -c Release --project bench/Fenquan.Benchmarks -- --filter '*Routing*'
// Writer profile (per-phase time of the ledger writer): dotnet run -c Release --project bench/Fenquan.Benchmarks -- profile [units] [concurrent]
// R47 flags: dotnet run -c Release --project bench/Fenquan.Benchmarks -- flags-inline [rows] | flags-scan [rows]
if (args.Length > 0 && args[0] is "flags-inline" or "flags-scan")
{
    await Fenquan.Benchmarks.FlagBench.RunAsync(args);
    return;
}

if (args.Length > 0 && args[0] == "profile")
{
    await Fenquan.Benchmarks.WriterProfile.RunAsync(args);
    return;
}

if (args.Length > 0 && args[0] == "draw-profile")
{
    Fenquan.Benchmarks.StatementBenchmarks.DrawProfile();
    return;
}

if (args.Length > 0 && args[0] == "statement-profile")
{
    Fenquan.Benchmarks.StatementBenchmarks.Profile();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
