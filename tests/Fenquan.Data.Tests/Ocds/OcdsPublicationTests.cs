using System.Text.Json.Nodes;
using Fenquan.Core.Construction;
using Fenquan.Core.Matters;
using Fenquan.Core.Ocds;
using Fenquan.Core.Policy;
using Fenquan.Core.Procurement;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Construction;
using Fenquan.Data.Tests.Procurement;
using Fenquan.Testing.Ocds;

namespace Fenquan.Data.Tests.Ocds;

// R22 (publication) and R18 on SQLite and PostgreSQL: a handed-off catalogue purchase is one OCDS
// contracting process; every release, release package and record package validates against 1.1.5.
public class OcdsPublicationTests
{
    private const string Prefix = "ocds-qh0001";
    private const string Base = "https://fenquan.example.gov.cn";

    /// <summary>Every release package, each release in it, and every record package of an export, against the 1.1.5 schemas.</summary>
    internal static void AssertValid(IEnumerable<(string Path, JsonObject Package)> files)
    {
        foreach (var (path, package) in files)
        {
            if (path.StartsWith("releases/", StringComparison.Ordinal))
            {
                OcdsSchemas.AssertValidReleasePackage(package.ToJsonString());
                Assert.All(package["releases"]!.AsArray(), r => OcdsSchemas.AssertValidRelease(r!.ToJsonString()));
            }
            else
            {
                OcdsSchemas.AssertValidRecordPackage(package.ToJsonString());
            }
        }
    }

    [Theory]
    [Trait("Rule", "R22")]
    [Trait("Rule", "R18")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AHandedOffPurchase_IsATenderThenAnAwardAndAContract_AllValidOcds(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (s, matter) = await PurchaseOperationsTests.HandedOffAsync(database, 38_000m);
        var ocid = Prefix + "-" + matter.Id.Value.ToString("D");

        // Handed off, no result yet: one tender release.
        await using (var db = database.Context())
        {
            var tenderOnly = OcdsPublication.All(db, s.Id, Prefix, Base);
            Assert.Equal(2, tenderOnly.Count);
            var release = (JsonObject)tenderOnly[0].Package["releases"]![0]!;
            Assert.Equal((ocid, "tender", "tender"), ((string)release["ocid"]!, (string)release["tag"]![0]!, (string)release["initiationType"]!));
            Assert.Equal(("QH-2026-0107", 38_000m, "open", "CNY"), ((string)release["tender"]!["id"]!, (decimal)release["tender"]!["value"]!["amount"]!, (string)release["tender"]!["procurementMethod"]!, (string)release["tender"]!["value"]!["currency"]!));
        }

        database.Time.Advance(TimeSpan.FromDays(40));
        var recorded = await new PurchaseOperations(database.Writer).RecordResultAsync(s.Id, matter.Id, PurchaseOperationsTests.Result(database, s["赵敏"], 36_800m));
        Assert.True(recorded.IsOk, recorded.ToString());

        await using var after = database.Context();
        var files = OcdsPublication.All(after, s.Id, Prefix, Base);
        Assert.Equal(["releases/2026-03.json", "releases/2026-04.json", $"records/{ocid}.json"], files.Select(f => f.Path));
        AssertValid(files);

        var april = files[1].Package["releases"]!.AsArray().Select(r => (string)r!["tag"]![0]!).ToList();
        Assert.Equal(["award", "contract"], april);
        var award = files[1].Package["releases"]![0]!;
        var supplier = award["parties"]!.AsArray().Single(p => (string)p!["roles"]![0]! == "supplier")!;
        Assert.Equal(("清河县电脑城", OcdsPublication.CreditCodeScheme), ((string)supplier["name"]!, (string)supplier["identifier"]!["scheme"]!));
        Assert.Equal((string)supplier["id"]!, (string)award["awards"]![0]!["suppliers"]![0]!["id"]!);

        var record = files[2].Package["records"]![0]!;
        Assert.Equal(["tender", "award", "contract"], record["releases"]!.AsArray().Select(r => (string)r!["tag"]![0]!));
        Assert.StartsWith($"{Base}/ocds/{s.Id.Value:D}/releases/2026-03.json#", (string)record["releases"]![0]!["url"]!, StringComparison.Ordinal);
        var compiled = record["compiledRelease"]!;
        Assert.Equal(("compiled", "complete", 36_800m, 36_800m), ((string)compiled["tag"]![0]!, (string)compiled["tender"]!["status"]!, (decimal)compiled["awards"]![0]!["value"]!["amount"]!, (decimal)compiled["contracts"]![0]!["value"]!["amount"]!));
        Assert.Equal(2, compiled["parties"]!.AsArray().Count);
        Assert.Equal("QH-2026-0107", (string)compiled["tender"]!["id"]!); // the tender release's fields survive the merge

        Assert.Null(OcdsPublication.ReleasePackage(after, s.Id, Prefix, Base, "2026-05"));
        Assert.NotNull(OcdsPublication.RecordPackage(after, s.Id, Prefix, Base, ocid));
        Assert.Null(OcdsPublication.RecordPackage(after, s.Id, Prefix, Base, Prefix + "-" + Guid.NewGuid().ToString("D")));
        Assert.Null(OcdsPublication.RecordPackage(after, s.Id, "ocds-other1", Base, ocid));
    }

    [Theory]
    [Trait("Rule", "R22")]
    [Trait("Rule", "R20")]
    [Trait("Rule", "R21")]
    [Trait("Rule", "R19")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AConstructionProject_IsOneProcess_FromTenderToPayments_AllValidOcds(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var s = await ConstructionScenario.CreateAsync(database);
        var yang = s["杨帆"];
        var project = await s.ProposeAsync(50_000m, "城关镇村道修缮工程");
        var ocid = Prefix + "-" + project.Id.ToString("D");
        await s.DecideAsync(project.ProposalMatterId);

        // Proposed and decided, not yet tendered: nothing to publish.
        await using (var db = database.Context())
        {
            Assert.Empty(OcdsPublication.Processes(db, s.Id, Prefix));
        }

        Assert.True((await s.Projects.RecordTenderAsync(s.Id, project.Id, new RecordTender(yang, TenderMethod.Invited, "清河县招标办受理〔2026〕15号", null, "县招标办指导意见〔2026〕3号"))).IsOk);
        var bids = new List<Guid>();
        foreach (var (company, price) in new[] { ("清河县电脑城", 45_500m), ("县城文具店", 42_000m), ("清河县鑫达办公设备有限公司", 47_800m) })
        {
            bids.Add((await s.Projects.RecordBidAsync(s.Id, project.Id, yang, s.Company(company), price)).Value.Id);
        }

        Assert.True((await s.Projects.RankAsync(s.Id, project.Id, yang, [bids[1], bids[0], bids[2]], "评标报告〔2026〕15号")).IsOk);
        Assert.True((await s.Projects.NoticeAsync(s.Id, project.Id, yang, "清河县公共资源交易网")).IsOk);
        database.Time.Advance(TimeSpan.FromDays(3));
        var choice = (await s.Projects.ChooseContractorAsync(s.Id, project.Id, s["吴斌"], InitiatorKind.Section, bids[1], null)).Value;

        // Before the team decides the contractor: the tender and its tenderers, no award.
        await using (var db = database.Context())
        {
            var open = OcdsPublication.RecordPackage(db, s.Id, Prefix, Base, ocid)!;
            Assert.Equal(["tender", "tenderUpdate"], open["records"]![0]!["releases"]!.AsArray().Select(r => (string)r!["tag"]![0]!));
        }

        await s.DecideAsync(choice.Id);
        Assert.True((await s.Projects.SignContractAsync(s.Id, project.Id, new SignContract(yang, 42_000m, s.Today, s.Today, s.Today.AddMonths(3), "城关镇施工合同〔2026〕7号", 0.03m, 24))).IsOk);
        var variation = await s.Projects.SubmitVariationAsync(s.Id, project.Id, s["吴斌"], InitiatorKind.Section, "增加排水沟", 3_000m);
        Assert.Equal(MatterState.Approved, (await s.DecideAsync(variation.Value.Id)).State);
        var pending = await s.Projects.SubmitVariationAsync(s.Id, project.Id, s["吴斌"], InitiatorKind.Section, "增加路灯两盏", 2_000m); // not decided: not published
        Assert.True(pending.IsOk, pending.ToString());
        Assert.True((await s.Payments.RecordAsync(s.Id, choice.Id, s.Pay(30_000m))).IsOk);

        await using var after = database.Context();
        var files = OcdsPublication.All(after, s.Id, Prefix, Base);
        Assert.Contains(files, f => f.Path == $"records/{ocid}.json");
        AssertValid(files);

        var releases = files.Where(f => f.Path.StartsWith("releases/", StringComparison.Ordinal)).SelectMany(f => f.Package["releases"]!.AsArray()).Select(r => r!.AsObject()).Where(r => (string)r["ocid"]! == ocid).ToList();
        Assert.Equal(["tender", "tenderUpdate", "award", "contract", "contractAmendment", "implementation"], releases.Select(r => (string)r["tag"]![0]!));
        Assert.All(releases, r => Assert.Equal("tender", (string)r["initiationType"]!));
        Assert.Equal(("清河县招标办受理〔2026〕15号", "selective", 50_000m, "CNY"), ((string)releases[0]["tender"]!["id"]!, (string)releases[0]["tender"]!["procurementMethod"]!, (decimal)releases[0]["tender"]!["value"]!["amount"]!, (string)releases[0]["tender"]!["value"]!["currency"]!));

        var record = OcdsPublication.RecordPackage(after, s.Id, Prefix, Base, ocid)!["records"]![0]!;
        var compiled = record["compiledRelease"]!;
        Assert.Equal(3, (int)compiled["tender"]!["numberOfTenderers"]!);
        Assert.Equal(("complete", 42_000m), ((string)compiled["tender"]!["status"]!, (decimal)compiled["awards"]![0]!["value"]!["amount"]!));
        var contract = compiled["contracts"]![0]!;
        Assert.Equal(("城关镇施工合同〔2026〕7号", 45_000m, "增加排水沟"), ((string)contract["id"]!, (decimal)contract["value"]!["amount"]!, (string)contract["amendments"]!.AsArray().Single()!["rationale"]!));
        Assert.Equal(30_000m, (decimal)contract["implementation"]!["transactions"]!.AsArray().Single()!["value"]!["amount"]!);
        var roles = compiled["parties"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => p!["roles"]!.AsArray().Select(r => (string)r!).ToList());
        Assert.Equal(4, roles.Count);
        Assert.Equal(["buyer", "procuringEntity", "payer"], roles.Values.Single(r => r.Contains("buyer")));
        Assert.Equal(["tenderer", "supplier", "payee"], roles["县城文具店"]);
        Assert.Equal(["tenderer"], roles["清河县电脑城"]);
    }

    [Fact]
    [Trait("Rule", "R22")]
    public void AConstructionShapedProcess_WithTwoContracts_IsValidOcds_AndItsRecordCompiles()
    {
        // The builder's input is neutral: a construction project (tender office, one award, a contract and a second contract) feeds it the same way.
        var at = new DateTimeOffset(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);
        var buyer = new OcdsParty("fq-unit-1", "桃源乡人民政府");
        var builder = new OcdsParty("CN-SAMR-91130534MA0T00QH0X", "清河建筑工程有限公司", "CN-SAMR", "91130534MA0T00QH0X");
        var process = new ContractingProcess("ocds-qh0001-p1", "村道硬化工程", buyer,
            new OcdsTender("QHZB-2026-011", "村道硬化工程施工", 1_200_000m, OcdsMethod.Open, "公开招标", at),
            [new OcdsAward("a1", "村道硬化工程施工", 1_150_000m, [builder], at.AddDays(20))],
            [new OcdsContract("c1", "a1", "施工合同", 1_150_000m, at.AddDays(30)), new OcdsContract("c2", "a1", "补充协议", 60_000m, at.AddDays(90))]);

        var releases = OcdsBuilder.Releases(process);
        Assert.Equal(["tender", "award", "contract", "contract"], releases.Select(r => (string)r["tag"]![0]!));
        Assert.Equal(releases.Count, releases.Select(r => (string)r["id"]!).Distinct().Count());
        OcdsSchemas.AssertValidReleasePackage(OcdsBuilder.ReleasePackage(releases, "https://x.example/ocds/p.json", new OcdsPublisher("清河县", "https://x.example"), at.AddDays(90)).ToJsonString());
        var record = OcdsBuilder.Record(releases, r => "https://x.example/ocds/p.json#" + (string)r["id"]!);
        OcdsSchemas.AssertValidRecordPackage(OcdsBuilder.RecordPackage([record], "https://x.example/ocds/r.json", new OcdsPublisher("清河县", "https://x.example"), at.AddDays(90)).ToJsonString());
        Assert.Equal(["c1", "c2"], record["compiledRelease"]!["contracts"]!.AsArray().Select(c => (string)c!["id"]!));

        // A release missing what OCDS requires is refused by the schema: the validation can fail.
        var broken = releases[0].DeepClone().AsObject();
        broken.Remove("initiationType");
        broken["date"] = "4 May 2026";
        Assert.NotEmpty(OcdsSchemas.ReleaseErrors(broken.ToJsonString()));
    }
}
