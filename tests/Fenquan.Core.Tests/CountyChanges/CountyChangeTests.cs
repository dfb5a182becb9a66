using Fenquan.Core.CountyChanges;
using Fenquan.Core.Notifications;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.CountyChanges;

public class CountyChangeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly CountyId County = CountyId.New();
    private static readonly CountyOfficial Admin = new("admin", "县管理员 王强");
    private static readonly CountyOfficial Admin2 = new("admin2", "县管理员 李静");
    private static readonly PersonId Inspector = PersonId.New();

    private static CountyChange Propose(CountyOfficial by, params CountyChange[] line) =>
        Propose(by, line, [Inspector]).Value.Change;

    private static Result<CountyChangeProposal> Propose(CountyOfficial by, IReadOnlyCollection<CountyChange> line, IReadOnlyCollection<PersonId> inspection) =>
        CountyChange.Propose(County, CountyChangeSubject.ProcurementCatalogue, null, """{"entries":[]}""", "新增台式计算机", by, line, inspection, Now);

    [Fact]
    [Trait("Rule", "R40")]
    public void Confirm_ByTheProposer_IsRefused_AndNothingTakesEffect()
    {
        var change = Propose(Admin);

        var confirmed = change.Confirm(new CountyOfficial("ADMIN", "王强"), Now.AddMinutes(5));

        Assert.False(confirmed.IsOk);
        Assert.Equal("R40", confirmed.Refusal!.RuleId);
        Assert.Equal("R40.ProposerCannotConfirm", confirmed.Refusal.Key);
        Assert.Equal(CountyChangeState.Pending, change.State);
        Assert.Null(CountyChange.InForce([change]));
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Confirm_ByASecondCountyOfficial_TakesEffect()
    {
        var change = Propose(Admin);

        Assert.True(change.Confirm(Admin2, Now.AddMinutes(5)).IsOk);

        Assert.Equal(CountyChangeState.Confirmed, change.State);
        Assert.Equal("admin2", change.ConfirmedBy);
        Assert.Equal(Now.AddMinutes(5), change.ConfirmedAt);
        Assert.Same(change, CountyChange.InForce([change]));
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Confirm_OfASupersededProposal_IsRefused_AndTheLaterOneCanBeConfirmed()
    {
        var first = Propose(Admin);
        var second = Propose(Admin2, first);

        Assert.Equal(CountyChangeState.Superseded, first.State);
        Assert.Equal(second.Id, first.SupersededBy);
        Assert.Equal(2, second.Number);

        var stale = first.Confirm(Admin2, Now.AddMinutes(5));
        Assert.Equal("R40.ChangeSuperseded", stale.Refusal?.Key);

        Assert.True(second.Confirm(Admin, Now.AddMinutes(6)).IsOk);
        Assert.Same(second, CountyChange.InForce([first, second]));
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Confirm_Twice_IsRefused()
    {
        var change = Propose(Admin);
        Assert.True(change.Confirm(Admin2, Now).IsOk);

        Assert.Equal("R40.ChangeAlreadyConfirmed", change.Confirm(new CountyOfficial("admin3", "第三人"), Now).Refusal?.Key);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Withdraw_OnlyByTheProposer_ThenItCannotBeConfirmed()
    {
        var change = Propose(Admin);

        Assert.Equal("R40.OnlyProposerWithdraws", change.Withdraw(Admin2, Now).Refusal?.Key);
        Assert.True(change.Withdraw(Admin, Now).IsOk);
        Assert.Equal("R40.ChangeWithdrawn", change.Confirm(Admin2, Now).Refusal?.Key);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void InForce_IsTheLatestConfirmed_OlderVersionsKept()
    {
        var v1 = Propose(Admin);
        Assert.True(v1.Confirm(Admin2, Now).IsOk);
        var v2 = Propose(Admin2, v1);
        Assert.Equal(CountyChangeState.Confirmed, v1.State);
        Assert.Null(v2.ConfirmedAt);
        Assert.Same(v1, CountyChange.InForce([v1, v2]));

        Assert.True(v2.Confirm(Admin, Now.AddDays(1)).IsOk);
        Assert.Same(v2, CountyChange.InForce([v1, v2]));
        Assert.Equal(CountyChangeState.Confirmed, v1.State); // history kept: the older version stays on record
    }

    [Fact]
    [Trait("Rule", "R29")]
    public void Propose_WithNoCountyDisciplineInspection_IsRefused()
    {
        var proposed = Propose(Admin, [], []);

        Assert.Equal("R29.NoCountyDisciplineInspection", proposed.Refusal?.Key);
    }

    [Fact]
    [Trait("Rule", "R40")]
    [Trait("Rule", "R29")]
    public void DisciplineInspection_IsNotified_OfTheProposal_AndOfTheConfirmation()
    {
        var change = Propose(Admin);
        var proposed = CountyChangeNotices.Proposed(change, [Inspector, Inspector], Now);
        Assert.True(change.Confirm(Admin2, Now).IsOk);
        var confirmed = CountyChangeNotices.Confirmed(change, [Inspector], Now);

        var notice = Assert.Single(proposed);
        Assert.Equal(Inspector, notice.RecipientId);
        Assert.Equal(NotificationKind.CountyChangeProposed, notice.Kind);
        Assert.Equal(change.Id, notice.SubjectId);
        Assert.Equal(["ProcurementCatalogue", "1", "新增台式计算机", "县管理员 王强"], notice.TextArgs);
        Assert.Equal("Notify.CountyChangeConfirmed", Assert.Single(confirmed).TextKey);
        Assert.Equal("县管理员 李静", confirmed[0].TextArgs[3]);
    }

    [Fact]
    public void Propose_WithoutASummary_IsInvalid()
    {
        var proposed = CountyChange.Propose(County, CountyChangeSubject.Bounds, null, "{}", " ", Admin, [], [Inspector], Now);

        Assert.Equal(Refusal.InvalidId, proposed.Refusal?.RuleId);
    }
}
