using Fenquan.Core.Access;
using Fenquan.Core.Counterparties;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;

namespace Fenquan.Data.Demo;

/// <summary>
/// 清河县's register of external counterparties (R6): the suppliers the demo's purchases and works
/// pay, with unified social credit codes of 清河县 (region 130534) whose check characters are right,
/// and two individuals paid labour fees, with made-up ID numbers of the county (shown masked).
/// Registered by the county administrator, ledgered like everything else.
/// </summary>
public static class DemoCounterparties
{
    public static IReadOnlyList<(string Name, string CreditCode)> Companies { get; } = DemoCounty.Suppliers
        .Select((name, i) => (name, CounterpartyIdentifier.CompleteCreditCode(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"91130534MA00{i + 1:D2}QH0"))))
        .ToList();

    public static IReadOnlyList<(string Name, string IdNumber)> Individuals { get; } =
    [
        ("刘建国", CounterpartyIdentifier.CompleteIdNumber("13053419700312041")),
        ("孙秀兰", CounterpartyIdentifier.CompleteIdNumber("13053419820719062")),
    ];

    /// <summary>Registers the demo's counterparties; the companies, in the order of <see cref="DemoCounty.Suppliers"/>.</summary>
    public static async Task<IReadOnlyList<Counterparty>> SeedAsync(CounterpartyOperations operations, CountyId county)
    {
        var administrator = new Asker { County = county, IsCountyAdministrator = true };
        var registeredBy = DemoRegisters.Proposer.Name;
        var companies = new List<Counterparty>();
        foreach (var (name, code) in Companies)
        {
            companies.Add(Ok(await operations.RegisterAsync(administrator, CounterpartyKind.Company, name, code, registeredBy)));
        }

        foreach (var (name, id) in Individuals)
        {
            Ok(await operations.RegisterAsync(administrator, CounterpartyKind.Individual, name, id, registeredBy));
        }

        return companies;
    }

    private static T Ok<T>(Result<T> result) => result.IsOk ? result.Value : throw new InvalidOperationException(result.Refusal!.ToString());
}
