using Fenquan.Core.Licensing;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Procurement;

namespace Fenquan.Core.Tests.Policy;

public class CountyFactsTests
{
    private static readonly PolicyRouter Router = PolicyRouter.Compile(DefaultPolicy.Create(DefaultPolicy.ExampleLimits, CountyBounds.Default));

    private static readonly ProcurementCatalogue Catalogue = ProcurementCatalogue.Create(
    [
        new CatalogueEntry("A02010104", "台式计算机", "货物", 0m, 2_000_000m),
        new CatalogueEntry("A05040101", "复印纸", "货物", 50_000m, 2_000_000m),
    ]).Value;

    private static readonly ApprovalItemRegister Register = ApprovalItemRegister.Create(
    [
        new ApprovalItemEntry("XK-001", "农村村民宅基地审批", "《中华人民共和国土地管理法》第六十二条", 20, "不收费", IsMajor: false),
        new ApprovalItemEntry("XK-009", "建设项目用地预审", "《中华人民共和国土地管理法实施条例》", 20, "不收费", IsMajor: true),
    ]).Value;

    private static Route RouteOf(MatterKind kind, string? code, decimal amount, MatterFlags submitterSays)
    {
        var flags = CountyFacts.FlagsOf(kind, code, Catalogue, Register);
        Assert.True(flags.IsOk, flags.ToString());

        // The submitter's own declaration is replaced, never combined.
        var facts = new MatterFacts(Core.Matters.MatterRules.AreaOf(kind), kind, amount, kind == MatterKind.ApprovalItem ? InitiatorKind.Staff : InitiatorKind.Section, submitterSays) with { Flags = flags.Value };
        return Router.Route(facts).Value;
    }

    [Theory]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R40")]
    [InlineData("A02010104", 800)]
    [InlineData("a02010104", 4_000)]
    [InlineData("A05040101", 300)]
    public void CataloguePurchase_IsDecidedCollectively_WhateverTheSubmitterSays(string code, int amount)
    {
        var route = RouteOf(MatterKind.PurchasePlan, code, amount, submitterSays: MatterFlags.None);

        Assert.Contains(route.Steps, s => s.Kind == StepKind.CollectiveDecision);
        Assert.Equal(StepKind.HandOff, route.Steps[^1].Kind);
    }

    [Fact]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R40")]
    public void NotInCatalogue_IsAnExplicitChoice_AndTheSubmitterCannotDeclareItACatalogueItem()
    {
        var route = RouteOf(MatterKind.PurchasePlan, "none", 800m, submitterSays: MatterFlags.CatalogueItem);

        Assert.DoesNotContain(route.Steps, s => s.Kind == StepKind.CollectiveDecision);
    }

    [Theory]
    [Trait("Rule", "R18")]
    [InlineData(null, "R18.CatalogueItemNotNamed")]
    [InlineData("  ", "R18.CatalogueItemNotNamed")]
    [InlineData("A09999999", "R18.NotInCatalogue")]
    public void PurchaseNamingNoEntry_OrAnUnknownOne_IsRefused(string? code, string key)
    {
        var flags = CountyFacts.FlagsOf(MatterKind.PurchasePlan, code, Catalogue, Register);

        Assert.Equal(key, flags.Refusal?.Key);
        Assert.Equal("R18", flags.Refusal?.RuleId);
    }

    [Fact]
    [Trait("Rule", "R23")]
    [Trait("Rule", "R40")]
    public void ApprovalItemMarkedMajorInTheRegister_TakesTheR23Route_WhateverTheSubmitterSays()
    {
        var route = RouteOf(MatterKind.ApprovalItem, "XK-009", 0m, submitterSays: MatterFlags.None);

        Assert.Contains(route.Steps, s => s.Kind == StepKind.Consent);
        Assert.Contains(route.Steps, s => s.Kind == StepKind.CollectiveDecision);
        Assert.Contains("R23", route.Rules);
    }

    [Fact]
    [Trait("Rule", "R24")]
    [Trait("Rule", "R40")]
    public void RoutineApprovalItem_FollowsItsPublishedProcedure_EvenIfTheSubmitterSaysMajor()
    {
        var route = RouteOf(MatterKind.ApprovalItem, "XK-001", 0m, submitterSays: MatterFlags.MajorApprovalItem);

        Assert.DoesNotContain(route.Steps, s => s.Kind == StepKind.CollectiveDecision);
    }

    [Theory]
    [Trait("Rule", "R24")]
    [InlineData(null, "R24.ApprovalItemNotNamed")]
    [InlineData("XK-404", "R24.NotInApprovalRegister")]
    public void ApprovalItemNamingNoRegisterItem_IsRefused(string? code, string key) =>
        Assert.Equal(key, CountyFacts.FlagsOf(MatterKind.ApprovalItem, code, Catalogue, Register).Refusal?.Key);

    [Fact]
    public void OtherKinds_NameNoEntry() =>
        Assert.Equal(Core.Primitives.Refusal.InvalidId, CountyFacts.FlagsOf(MatterKind.Expense, "A02010104", Catalogue, Register).Refusal?.RuleId);

    [Fact]
    [Trait("Rule", "R18")]
    public void Catalogue_RoundTripsItsJson_AndRefusesUnknownMembersAndRepeatedCodes()
    {
        Assert.Equal(Catalogue, ProcurementCatalogue.FromJson(Catalogue.ToJson()).Value);
        Assert.Contains("台式计算机", Catalogue.ToJson(), StringComparison.Ordinal);

        Assert.Equal(Core.Primitives.Refusal.InvalidId, ProcurementCatalogue.FromJson("""{"entries":[],"catalogueItem":true}""").Refusal?.RuleId);
        var repeated = ProcurementCatalogue.Create([new("A1", "甲", "货物", 0m, 1m), new("a1", "乙", "货物", 0m, 1m)]);
        Assert.Equal("R18.CatalogueCodeRepeated", repeated.Refusal?.Key);
        Assert.Equal("A1", repeated.Refusal?.Argument("code")?.ToUpperInvariant());
    }

    [Fact]
    [Trait("Rule", "R24")]
    public void Register_PublishesLegalBasisTimeLimitAndFee()
    {
        Assert.Equal(Register, ApprovalItemRegister.FromJson(Register.ToJson()).Value);
        Assert.Equal("R24.ApprovalItemUnpublished", ApprovalItemRegister.Create([new("X", "无依据", "", 5, "不收费", false)]).Refusal?.Key);
        Assert.Equal("R24.ApprovalItemTimeLimit", ApprovalItemRegister.Create([new("X", "事项", "依据", 0, "不收费", false)]).Refusal?.Key);
    }

    [Theory]
    [Trait("Rule", "R18")]
    [InlineData(10_000, ProcurementMethod.FrameworkAgreement)]
    [InlineData(50_000, ProcurementMethod.ProcurementCentre)]
    [InlineData(2_000_000, ProcurementMethod.OpenTender)]
    public void CatalogueEntry_Thresholds_DecideTheHandOff(int amount, ProcurementMethod method) =>
        Assert.Equal(method, Catalogue.Find("A05040101")!.MethodFor(amount));
}
