using Fenquan.Core.Access;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;

namespace Fenquan.Core.Tests.Access;

/// <summary>A matter's ledger (R44): its own entries, to whoever may see the matter, and nothing else.</summary>
public class LedgerAccessTests
{
    private readonly TestOrg _org = TestOrg.Township();

    private Matter ReviewedExpense()
    {
        var matter = _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);
        _org.Done(matter, "周敏", ActionKind.Review);
        return matter;
    }

    private Asker AskerOf(string name) => new()
    {
        County = _org.County,
        Person = _org[name],
        Unit = _org.Unit,
        Roles = _org.View().RolesOf(_org.Unit, _org[name], TestOrg.MatterDay),
        Today = TestOrg.MatterDay,
    };

    private LedgerEntry Entry(Guid subject, CountyId? county = null) =>
        new(county ?? _org.County, 0, TestOrg.Now, "matter.submitted", "Matter", subject, "{}");

    [Fact]
    [Trait("Rule", "R44")]
    public void TheMattersLedger_IsTheMatterEachActionOnItAndEachEdit()
    {
        var matter = ReviewedExpense();
        var edit = matter.Edit(new EditMatter(_org["孙磊"], NewTitle: "差旅费报销(更正)"), matter.Route, TestOrg.Now.AddHours(2));
        Assert.True(edit.IsOk, edit.ToString());

        Assert.Equal(
            new HashSet<Guid> { matter.Id.Value, matter.Actions[0].Id.Value, edit.Value.Id },
            LedgerAccess.SubjectsOf(matter));
    }

    [Fact]
    [Trait("Rule", "R44")]
    public void SomeoneWhoMaySeeTheMatter_ReadsItsEntries_AndNoOthers()
    {
        var matter = ReviewedExpense();
        var visible = LedgerAccess.EntriesVisibleTo(AskerOf("张建国"), matter, _org.View());

        Assert.True(visible(Entry(matter.Id.Value)));
        Assert.True(visible(Entry(matter.Actions[0].Id.Value)));
        Assert.False(visible(Entry(Guid.CreateVersion7())));                          // another subject
        Assert.False(visible(Entry(matter.Id.Value, CountyId.New())));                 // another county's entry
    }

    [Theory]
    [Trait("Rule", "R44")]
    [InlineData("孙磊", true)]    // initiator
    [InlineData("周敏", true)]    // office, acted
    [InlineData("吴斌", false)]   // section head, no part
    [InlineData("郑芳", false)]   // staff, no part
    public void TheMattersEntries_AreReadByWhoeverMaySeeTheMatter(string name, bool reads)
    {
        var matter = ReviewedExpense();

        Assert.Equal(reads, LedgerAccess.MaySee(AskerOf(name), matter, Entry(matter.Id.Value), _org.View()));
        Assert.Equal(MatterAccess.MaySee(AskerOf(name), matter, _org.View()), reads);
    }

    [Fact]
    [Trait("Rule", "R44")]
    public void AnotherUnitsMatter_HasNoEntriesForTheAsker()
    {
        var matter = ReviewedExpense();
        var elsewhere = AskerOf("张建国") with { Unit = UnitId.New() };

        Assert.False(LedgerAccess.MaySee(elsewhere, matter, Entry(matter.Id.Value), _org.View()));
    }
}
