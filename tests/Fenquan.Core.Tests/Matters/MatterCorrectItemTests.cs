using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;

namespace Fenquan.Core.Tests.Matters;

/// <summary>R18, R40: the office corrects the catalogue entry a purchase plan names, and a corrected entry that changes the route re-routes the matter.</summary>
public class MatterCorrectItemTests
{
    private static readonly PolicyRouter Default = PolicyRouter.Compile(DefaultPolicy.Create(DefaultPolicy.ExampleLimits, CountyBounds.Default));

    private readonly TestOrg _org = TestOrg.Township();

    private static Route RouteOf(decimal amount, MatterFlags flags) =>
        Default.Route(new MatterFacts(Area.Procurement, MatterKind.PurchasePlan, amount, InitiatorKind.Section, flags)).Value;

    private Matter NotInCatalogue() =>
        _org.Submit(MatterKind.PurchasePlan, 800m, "吴斌", InitiatorKind.Section, RouteOf(800m, MatterFlags.None), TestOrg.Company("清河县电脑城"));

    [Fact]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R40")]
    public void OfficeCorrectsNoneToACatalogueEntry_TheMatterGoesToTheTeam_InItsNextRound()
    {
        var matter = NotInCatalogue();
        Assert.DoesNotContain(matter.Route.Steps, s => s.Kind == StepKind.CollectiveDecision);

        var corrected = matter.CorrectItem(_org["周敏"], "A02010104", MatterFlags.CatalogueItem, RouteOf(800m, MatterFlags.CatalogueItem), _org.View(), TestOrg.Now);

        Assert.True(corrected.IsOk, corrected.ToString());
        Assert.Equal(MatterChangeKind.ItemCorrected, corrected.Value.Kind);
        Assert.Equal("A02010104", corrected.Value.NewItemCode);
        Assert.True(corrected.Value.Material);
        Assert.Equal(2, matter.Round);
        Assert.Equal(MatterFlags.CatalogueItem, matter.Flags);
        Assert.Equal(0, matter.CurrentStepIndex);
        Assert.Contains(matter.Route.Steps, s => s.Kind == StepKind.CollectiveDecision);
    }

    [Fact]
    [Trait("Rule", "R18")]
    public void CorrectionBetweenTwoCatalogueEntries_KeepsTheRouteAndRound()
    {
        var matter = NotInCatalogue();
        Assert.True(matter.CorrectItem(_org["周敏"], "A02010104", MatterFlags.CatalogueItem, RouteOf(800m, MatterFlags.CatalogueItem), _org.View(), TestOrg.Now).IsOk);

        var again = matter.CorrectItem(_org["周敏"], "A02010105", MatterFlags.CatalogueItem, RouteOf(800m, MatterFlags.CatalogueItem), _org.View(), TestOrg.Now);

        Assert.True(again.IsOk, again.ToString());
        Assert.False(again.Value.Material);
        Assert.Equal(2, matter.Round);
        Assert.Equal("A02010105", matter.ItemCode);
    }

    [Theory]
    [Trait("Rule", "R18")]
    [InlineData("吴斌")]
    [InlineData("陈明")]
    [InlineData("张建国")]
    public void OnlyTheOffice_CorrectsTheEntry_NotTheInitiatorNorALeader(string who)
    {
        var matter = NotInCatalogue();

        var corrected = matter.CorrectItem(_org[who], "A02010104", MatterFlags.CatalogueItem, RouteOf(800m, MatterFlags.CatalogueItem), _org.View(), TestOrg.Now);

        Assert.Equal("R18.OnlyOfficeCorrectsItem", corrected.Refusal?.Key);
        Assert.Equal(1, matter.Round);
        Assert.Equal(MatterFlags.None, matter.Flags);
    }
}
