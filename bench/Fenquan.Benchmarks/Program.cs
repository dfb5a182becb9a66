using BenchmarkDotNet.Running;

// Run all:      dotnet run -c Release --project bench/Fenquan.Benchmarks -- --filter '*'
// Run one class: dotnet run -c Release --project bench/Fenquan.Benchmarks -- --filter '*Routing*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
