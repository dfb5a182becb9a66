using System.Globalization;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Demo;

/// <summary>How big a demo county to seed.</summary>
public sealed record DemoOptions
{
    public int Matters { get; init; } = 300;

    public int Seed { get; init; } = 20_261_128;

    /// <summary>How far back the demo's history starts from now.</summary>
    public int DaysOfHistory { get; init; } = 300;

    /// <summary>
    /// The tasks each principal, deputy and office reviewer finds waiting on first sign-in: recent
    /// matters (of the last <see cref="DemoCounty.RecentDays"/> days) routed to them. 0: none, and no
    /// recent meetings either. A demo of no <see cref="Matters"/> is the organisation alone.
    /// </summary>
    public int OpenTasksPerPerson { get; init; } = 2;
}

/// <summary>One demo person: who they are and what they do, for the sign-in list.</summary>
public sealed record DemoPerson(PersonId Id, string Name, UnitId Unit, string UnitName, Role Role, IReadOnlyList<Area> Portfolio);

public sealed record DemoCountyInfo(CountyId County, string Name, IReadOnlyList<(UnitId Id, string Name)> Units, IReadOnlyList<DemoPerson> People, int Matters)
{
    /// <summary>The county discipline inspection's liaison, notified of changes to route-deciding county data (R29, R40).</summary>
    public PersonId? CountyDisciplineInspection { get; init; }
}

/// <summary>
/// The demo county 清河县: two townships and three departments with full teams (realistic names,
/// one or two principals, four deputies holding the five areas, an office, sections, finance staff,
/// a discipline member and staff), the default policy of each unit with its own limits, and a few
/// hundred matters across all five areas and all states — every one of them made through the same
/// operations and rules as real use, and ledgered. History is spread over the past months on a
/// simulated clock that never passes the real now, so matters and actions carry plausible dates; only
/// matters of the last weeks are still in flight. The last days bring every principal, deputy and
/// office their open tasks, and the first unit its meetings in every state (<see cref="DemoRecentWork"/>).
/// </summary>
public static class DemoCounty
{
    public const string CountyName = "清河县";

    /// <summary>The last days, in which the open work every official finds on first sign-in was submitted.</summary>
    public const int RecentDays = 7;

    /// <summary>History older than this is settled: finished, rejected, returned or withdrawn, never still waiting.</summary>
    public const int InFlightDays = 21;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "萧", "田", "董", "潘", "袁", "蔡", "蒋", "余"];

    private static readonly string[] GivenNames = ["建国", "秀英", "伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "文", "华", "红梅", "志强", "海燕", "建华", "晓东", "国平", "丽华", "春梅", "德明", "玉兰", "振华", "卫东", "淑珍", "永红", "立新"];

    private static readonly (string Name, UnitKind Kind, int Principals, decimal Small, decimal Purchase)[] UnitPlan =
    [
        ("城关镇", UnitKind.Township, 2, 3_000m, 2_000m),
        ("桃源乡", UnitKind.Township, 2, 2_000m, 1_000m),
        ("县教育局", UnitKind.Department, 2, 5_000m, 5_000m),
        ("县交通运输局", UnitKind.Department, 1, 3_000m, 3_000m),
        ("县农业农村局", UnitKind.Department, 1, 2_000m, 2_000m),
    ];

    internal static readonly string[] Suppliers = ["清河县文具办公用品商店", "县城电脑科技有限公司", "清河建筑工程有限公司", "宏达道路养护有限公司", "绿源农资有限公司", "县印刷厂", "清河宾馆", "顺通汽车维修中心"];

    internal static readonly Dictionary<MatterKind, string[]> Titles = new()
    {
        [MatterKind.Expense] = ["差旅费报销", "办公用品费报销", "车辆维修费", "会议室设备维修费", "培训费报销", "水电费", "下乡调研交通费"],
        [MatterKind.Reception] = ["上级检查组工作餐", "兄弟单位考察接待"],
        [MatterKind.PurchasePlan] = ["采购办公电脑", "采购打印耗材", "采购办公桌椅", "采购防汛物资", "采购空调"],
        [MatterKind.Promotion] = ["提拔任用股室负责人", "推荐副科级干部人选"],
        [MatterKind.TransferIn] = ["调入专业技术人员", "调入财务人员"],
        [MatterKind.Secondment] = ["借调人员协助脱贫攻坚", "借调人员参与项目建设"],
        [MatterKind.KeyPostChange] = ["财务岗位轮岗", "采购岗位轮岗"],
        [MatterKind.ConstructionProject] = ["村道硬化工程", "办公楼维修改造工程", "校舍安全改造工程", "农田水利设施工程"],
        [MatterKind.ContractorChoice] = ["确定村道硬化工程施工单位", "确定校舍改造施工单位"],
        [MatterKind.VariationOrder] = ["工程量变更签证", "设计变更增加排水沟"],
        [MatterKind.ApprovalItem] = ["农村宅基地审批", "临时占用道路审批", "养殖场备案审批", "户外广告设置审批"],
        [MatterKind.EnforcementAction] = ["违章建筑处罚"],
    };

    public static async Task<DemoCountyInfo> SeedAsync(DataDirectory data, DatabaseSettings database, TimeProvider time, DemoOptions options, IProgress<(string Stage, double Percent)>? progress = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var clock = new DemoClock(now.AddDays(-options.DaysOfHistory), until: now.AddMinutes(-10));
        await using var store = await FenquanStore.OpenAsync(data, database, clock, cancellationToken);
        var random = new Random(options.Seed);
        var organization = new OrganizationOperations(store.Writer);
        var policies = new PolicyOperations(store.Writer);
        var matters = new MatterOperations(store.Writer);
        var start = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        progress?.Report(("organisation", 0));
        var county = (await organization.CreateCountyAsync(CountyName, CountyBounds.Default)).Value;
        var suppliers = await DemoCounterparties.SeedAsync(new CounterpartyOperations(store.Writer), county.Id);
        var names = new NameSource(random);
        var people = new List<DemoPerson>();
        var units = new List<(UnitId, string)>();
        foreach (var plan in UnitPlan)
        {
            var unit = Ok(await organization.AddUnitAsync(county.Id, plan.Name, plan.Kind));
            units.Add((unit.Id, unit.Name));
            var roles = new List<Role>();
            roles.AddRange(Enumerable.Repeat(Role.Principal, plan.Principals));
            roles.AddRange(Enumerable.Repeat(Role.Deputy, 4));
            roles.AddRange([Role.OfficeReviewer, Role.SectionHead, Role.SectionHead, Role.FinanceStaff, Role.DisciplineMember, Role.Staff, Role.Staff, Role.Staff, Role.Staff]);
            var deputies = new List<PersonId>();
            foreach (var role in roles)
            {
                var person = Ok(await organization.AddPersonAsync(county.Id, names.Next()));
                Ok(await organization.AddMembershipAsync(county.Id, unit.Id, person.Id, role, start));
                if (role == Role.Deputy)
                {
                    deputies.Add(person.Id);
                }

                people.Add(new DemoPerson(person.Id, person.Name, unit.Id, unit.Name, role, []));
            }

            // R3: each area to exactly one deputy; the personnel deputy also takes administrative approval.
            (Area Area, int Deputy)[] portfolio = [(Area.Finance, 0), (Area.Personnel, 1), (Area.Procurement, 2), (Area.Construction, 3), (Area.AdministrativeApproval, 1)];
            foreach (var (area, index) in portfolio)
            {
                Ok(await organization.AssignPortfolioAsync(new AssignPortfolio(county.Id, unit.Id, area, deputies[index], start)));
            }

            for (var i = 0; i < people.Count; i++)
            {
                var held = portfolio.Where(p => people[i].Role == Role.Deputy && people[i].Unit == unit.Id && deputies[p.Deputy] == people[i].Id).Select(p => p.Area).ToList();
                if (held.Count > 0)
                {
                    people[i] = people[i] with { Portfolio = held };
                }
            }

            var limits = new UnitLimits(plan.Small, plan.Purchase, county.Bounds.CollectiveLimit);
            Ok(await policies.SeedFirstVersionAsync(county.Id, unit.Id, DefaultPolicy.Create(limits, county.Bounds, effectiveFrom: start)));

            // R4, R5: a confirmed budget for every year of the demo's matters.
            var financeStaff = people.First(p => p.Unit == unit.Id && p.Role == Role.FinanceStaff).Id;
            await DemoBudgets.SeedAsync(new BudgetOperations(store.Writer), county.Id, unit.Id, financeStaff, deputies[0], start.Year, now.Year, options.Matters);
        }

        var inspector = await DemoRegisters.SeedAsync(organization, new CountyChangeOperations(store.Writer), county.Id, [.. units.Select(u => u.Item1)]);

        // A stream of its own for the register entries matters name, so the main stream (and with it
        // every other choice of the demo) stays what it was before the registers.
        var registerRandom = new Random(options.Seed + 1);
        // Matter i is submitted at its place in the history, which ends where the recent work begins;
        // its steps follow at a pace that leaves the next matter its place.
        var historyStart = clock.GetUtcNow();
        var historyEnd = now.AddDays(-(options.OpenTasksPerPerson > 0 ? RecentDays : 0));
        var step = (historyEnd - historyStart) / Math.Max(1, options.Matters);
        var settled = now.AddDays(-InFlightDays);
        var history = new DemoHistory(store, matters, county, people, suppliers, random, registerRandom, clock, step / 4 / TimeSpan.FromDays(1));
        for (var i = 0; i < options.Matters; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            clock.MoveTo(historyStart + (step * i));
            var unit = people[random.Next(people.Count)].Unit;
            await history.SeedMatterAsync(unit, mayStayInFlight: clock.GetUtcNow() >= settled);
            if (i == options.Matters / 2)
            {
                // R19–R22: a construction project halfway through the history, on a stream of its own so every other choice of the demo stays as it was.
                // At most the pace of a busy history (two hours a step): a short history's slow pace would
                // run its decisions into the present before the candidates' notice has run its days.
                await DemoConstruction.SeedAsync(new DemoHistory(store, matters, county, people, suppliers, new Random(options.Seed + 2), new Random(options.Seed + 3), clock, Math.Min(history.Pace, 1.0)), units[0].Item1, suppliers);
            }

            progress?.Report(("matters", 100.0 * (i + 1) / options.Matters));
        }

        var recent = 0;
        if (options.Matters > 0 && options.OpenTasksPerPerson > 0)
        {
            clock.MoveTo(historyEnd);
            recent = await new DemoRecentWork(history, options.OpenTasksPerPerson).SeedAsync(units, now, cancellationToken);
        }

        // R40: 城关镇's office (the unit administrator) has proposed a higher small-expense limit; it
        // waits for the team's meeting and then two county officials, and is not in force.
        var (firstUnit, _) = units[0];
        var office = people.First(p => p.Unit == firstUnit && p.Role == Role.OfficeReviewer);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var raised = DefaultPolicy.Create(new UnitLimits(4_000m, UnitPlan[0].Purchase, county.Bounds.CollectiveLimit), county.Bounds, effectiveFrom: today);
        Ok(await policies.ProposeAsync(county.Id, firstUnit, new PolicyProposer(office.Id, IsUnitAdministrator: true), "小额支出限额由3,000元调整为4,000元", raised, today));

        return new DemoCountyInfo(county.Id, county.Name, units, people, options.Matters + recent + (options.Matters > 0 ? DemoConstruction.Matters : 0)) { CountyDisciplineInspection = inspector };
    }

    /// <summary>R6: a supplier paid as its register entry.</summary>
    internal static Payee Supplier(Core.Counterparties.Counterparty supplier) => Payee.Counterparty(supplier.Id, supplier.Name);

    /// <summary>The external reference a demo action records: meeting minutes, a tender number, a notice period.</summary>
    internal static string? Reference(ActionKind action, Area area, DateOnly today, Random random) => action switch
    {
        ActionKind.HandOff => string.Create(CultureInfo.InvariantCulture, $"区公共资源交易中心 QH-{today.Year}-{random.Next(1000, 9999)}"),
        ActionKind.RecordPublicNotice when area == Area.Construction =>
            string.Create(CultureInfo.InvariantCulture, $"招标方式、程序和结果公示 {today:yyyy-MM-dd} 至 {today.AddDays(5):yyyy-MM-dd}(单位公示栏、政务公开网)"),
        ActionKind.RecordPublicNotice => string.Create(CultureInfo.InvariantCulture, $"任前公示 {today:yyyy-MM-dd} 至 {today.AddDays(5):yyyy-MM-dd}"),
        _ => null,
    };

    internal static string Comment(ActionKind action, Area area) => action switch
    {
        ActionKind.RecordPublicNotice when area == Area.Construction => "招标结果已向干部职工和社会公开。",
        ActionKind.Review => "已审核,票据齐全。",
        ActionKind.Approve => "同意。",
        ActionKind.Countersign => "同意,已会签。",
        ActionKind.Consent => "同意按程序办理。",
        ActionKind.Assess => "考核合格,德能勤绩廉表现良好。",
        ActionKind.Propose => "建议按程序办理。",
        ActionKind.RecordCollectiveDecision => "经班子集体研究同意。",
        ActionKind.HandOff => "已移交区公共资源交易中心。",
        ActionKind.RecordPublicNotice => "公示期满无异议。",
        ActionKind.InformTeam => "已向班子通报。",
        ActionKind.Reject or ActionKind.Return => string.Empty,
    };

    /// <summary>A demo matter's kind drawn at random: its area from <paramref name="areas"/>, then its kind, initiator, flags and the initiator's role.</summary>
    internal static (Area Area, MatterKind Kind, InitiatorKind Initiator, MatterFlags Flags, Role Role) DrawKind(Random random, Area[] areas)
    {
        var area = areas[random.Next(areas.Length)];
        // A budget raise needs a confirmed budget line to raise: the random history makes none.
        var kinds = MatterKinds.For(area).Where(k => k != MatterKind.BudgetRaise).ToList();
        var kind = kinds[random.Next(kinds.Count)];
        var initiators = MatterKinds.Initiators(area, kind);
        var initiatorKind = initiators[random.Next(initiators.Count)];
        var flagChoices = MatterKinds.FlagCombinations(area, kind);
        var flags = flagChoices[random.Next(flagChoices.Count)];
        var role = initiatorKind switch
        {
            InitiatorKind.Staff => Role.Staff,
            InitiatorKind.Section => Role.SectionHead,
            InitiatorKind.Deputy => Role.Deputy,
            InitiatorKind.Principal => Role.Principal,
        };
        return (area, kind, initiatorKind, flags, role);
    }

    internal static decimal Amount(Random random)
    {
        var band = random.Next(10);
        return band switch
        {
            0 => 3_000.00m,
            1 => 5_000.00m,
            < 6 => Math.Round((decimal)(200 + (random.NextDouble() * 2_800)), 2),
            < 9 => Math.Round((decimal)(3_000 + (random.NextDouble() * 2_000)), 2),
            _ => Math.Round((decimal)(5_000 + (random.NextDouble() * 95_000)), 2),
        };
    }

    internal static T Ok<T>(Result<T> result) =>
        result.IsOk ? result.Value : throw new InvalidOperationException($"The demo data broke a rule: {result.Refusal}");

    private sealed class NameSource(Random random)
    {
        private readonly HashSet<string> _used = [];

        public string Next()
        {
            while (true)
            {
                var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
                if (_used.Add(name))
                {
                    return name;
                }
            }
        }
    }

    /// <summary>Whether the database already holds the demo county (first start seeds it once).</summary>
    public static async Task<bool> ExistsAsync(FenquanDbContext db, CancellationToken cancellationToken = default) =>
        await FindAsync(db, cancellationToken) is not null;

    /// <summary>
    /// The demo county, known by the name it was created with — its row as its first ledger entry
    /// recorded it — not by the name it has now: its administrators may rename it (four eyes, R40),
    /// and a renamed demo is still the demo, never seeded a second time. Null when there is none.
    /// </summary>
    public static async Task<CountyId?> FindAsync(FenquanDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counties = await db.Counties.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var county in counties.OrderBy(c => c.Value))
        {
            var created = await db.LedgerEntries.AsNoTracking()
                .Where(e => e.CountyId == county.Value && e.SubjectType == nameof(County) && e.SubjectId == county.Value)
                .OrderBy(e => e.Sequence)
                .Select(e => e.Bytes)
                .FirstOrDefaultAsync(cancellationToken);
            if (created is not null && NameIn(Core.Ledger.LedgerEntry.Parse(created).Data) == CountyName)
            {
                return county;
            }
        }

        return null;
    }

    private static string? NameIn(string snapshot)
    {
        using var row = System.Text.Json.JsonDocument.Parse(snapshot);
        return row.RootElement.TryGetProperty(nameof(County.Name), out var name) ? name.GetString() : null;
    }
}
