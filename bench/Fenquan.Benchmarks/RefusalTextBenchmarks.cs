using System.Globalization;
using BenchmarkDotNet.Attributes;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Documents.Language;

namespace Fenquan.Benchmarks;

/// <summary>
/// The cost of wording a refusal from its key (every refused API call and page pays it once): a
/// refusal with a person, an area, a date and a step of the route, in Chinese and in English, and
/// the same with its rule's label in front.
/// Run: dotnet run -c Release --project bench/Fenquan.Benchmarks -- --filter '*RefusalText*' --job short
/// </summary>
[MemoryDiagnoser]
public class RefusalTextBenchmarks
{
    private static readonly CultureInfo Chinese = new("zh-CN");
    private static readonly CultureInfo English = new("en");

    private readonly Refusal _refusal = Refusal.Because("R4", "PrincipalNotInCharge",
        "{person} is a principal: the deputy in charge of {area} on {date} ({deputy}) acts on {step}; principals do not directly take charge of {area} (五不直接分管).",
        ("person", "王建国"), ("area", "Finance"), ("date", "2026-03-05"), ("deputy", "李华"),
        ("step", new StepPosition(1, 2, new RouteStep(StepKind.Approve, ActorSpec.DeputyInCharge)).ToString()));

    [Benchmark(Baseline = true)]
    public string MessageInChinese()
    {
        CultureInfo.CurrentUICulture = Chinese;
        return RefusalText.Shared.Message(_refusal);
    }

    [Benchmark]
    public string MessageInEnglish()
    {
        CultureInfo.CurrentUICulture = English;
        return RefusalText.Shared.Message(_refusal);
    }

    [Benchmark]
    public string WithRuleInChinese()
    {
        CultureInfo.CurrentUICulture = Chinese;
        return RefusalText.Shared.WithRule(_refusal);
    }
}
