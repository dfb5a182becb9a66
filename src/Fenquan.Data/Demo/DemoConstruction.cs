using System.Globalization;
using Fenquan.Core.Construction;
using Fenquan.Core.Counterparties;
using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using static Fenquan.Data.Demo.DemoCounty;

namespace Fenquan.Data.Demo;

/// <summary>
/// The demo's construction project (R19–R22), in the first unit, through the real operations: the
/// proposal (立项) decided by the team in a meeting, the open tender through the district tender
/// office under its guidance, three bids ranked by the evaluation committee, the winning candidates
/// noticed for the project's days, the first-ranked contractor chosen by the team, the contract
/// signed and a first progress payment made — so its public notice page and its OCDS releases
/// (tender, tenderers, award, contract, implementation) show the whole procedure.
/// </summary>
internal static class DemoConstruction
{
    public const string Title = "城关镇文化广场改造工程";

    /// <summary>Matters the project submits: its proposal and the contractor's choice.</summary>
    public const int Matters = 2;

    public static async Task SeedAsync(DemoHistory history, UnitId unit, IReadOnlyList<Counterparty> suppliers)
    {
        var store = history.Store;
        var county = history.County.Id;
        var clock = history.Clock;
        var projects = new ConstructionOperations(store.Writer, new MatterOperations(store.Writer));
        var section = history.People.First(p => p.Unit == unit && p.Role == Role.SectionHead);
        var deputy = history.People.First(p => p.Unit == unit && p.Portfolio.Contains(Area.Construction)).Id;
        var finance = history.People.First(p => p.Unit == unit && p.Role == Role.FinanceStaff).Id;
        DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var year = Today().Year.ToString(CultureInfo.InvariantCulture);

        var project = Ok(await projects.ProposeAsync(new SubmitMatter(county, unit, MatterKind.ConstructionProject, Title, 480_000m, Payee.None, section.Id, InitiatorKind.Section, MatterFlags.None, Today())));
        await DecideAsync(history, project.ProposalMatterId);

        clock.Advance(TimeSpan.FromDays(1));
        Ok(await projects.RecordTenderAsync(county, project.Id, new RecordTender(deputy, TenderMethod.Open, $"清河县招标办受理〔{year}〕15号", null, $"县招标办指导意见〔{year}〕3号：委托区公共资源交易中心公开招标")));
        var bids = new List<Guid>();
        foreach (var (bidder, price) in suppliers.Where(s => s.Kind == CounterpartyKind.Company).Take(3).Zip([468_000m, 455_500m, 472_800m]))
        {
            clock.Advance(TimeSpan.FromHours(3));
            bids.Add(Ok(await projects.RecordBidAsync(county, project.Id, deputy, bidder.Id, price)).Id);
        }

        clock.Advance(TimeSpan.FromDays(1));
        Ok(await projects.RankAsync(county, project.Id, deputy, [bids[1], bids[0], bids[2]], $"评标报告〔{year}〕15号"));
        Ok(await projects.NoticeAsync(county, project.Id, deputy, "清河县公共资源交易网、城关镇政务公开栏"));

        // R21: the team chooses the contractor once the notice has run its days.
        clock.Advance(TimeSpan.FromDays(ConstructionSettings.Default.NoticeDays) + TimeSpan.FromHours(2));
        var choice = Ok(await projects.ChooseContractorAsync(county, project.Id, section.Id, InitiatorKind.Section, bids[1], null));
        await DecideAsync(history, choice.Id);

        clock.Advance(TimeSpan.FromDays(1));
        Ok(await projects.SignContractAsync(county, project.Id, new SignContract(deputy, 455_500m, Today(), Today().AddDays(3), Today().AddMonths(6), $"城关镇施工合同〔{year}〕7号", 0.03m, 24)));
        clock.Advance(TimeSpan.FromDays(2));
        Ok(await new PaymentOperations(store.Writer).RecordAsync(county, choice.Id, new RecordPayment(finance, 136_650m, Payee.None, PaymentMethod.TreasuryDirect, $"GK{year}-0715", Today())));
    }

    private static async Task DecideAsync(DemoHistory history, MatterId matter)
    {
        await using var db = history.Store.Context();
        var decided = await history.AdvanceAsync(MatterOperations.Load(db, history.County.Id, matter)!, int.MaxValue, reject: false, giveBack: false, leaveWaiting: null);
        if (decided.State != MatterState.Approved)
        {
            throw new InvalidOperationException($"The demo's construction matter {decided.Title} is {decided.State}, not approved.");
        }
    }
}
