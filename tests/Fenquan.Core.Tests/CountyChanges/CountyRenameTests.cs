using Fenquan.Core.CountyChanges;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.CountyChanges;

// R40: the county's name changes only as a four-eyes county change, and only to a name that reads as one.
public class CountyRenameTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly CountyOfficial Admin = new("admin", "县管理员 王强");
    private static readonly CountyOfficial Admin2 = new("admin2", "县管理员 李静");

    [Fact]
    [Trait("Rule", "R40")]
    public void From_TrimsTheName()
    {
        var rename = CountyRename.From("清河县", "  清河市 \t");

        Assert.True(rename.IsOk, rename.ToString());
        Assert.Equal("清河市", rename.Value.Name);
        Assert.Equal("""{"name":"清河市"}""", rename.Value.ToJson());
    }

    [Theory]
    [Trait("Rule", "R40")]
    [InlineData(null, "R40.CountyNameEmpty")]
    [InlineData("   ", "R40.CountyNameEmpty")]
    [InlineData("清河\n县", "R40.CountyNameControlCharacters")]
    [InlineData("清河\u0000县", "R40.CountyNameControlCharacters")]
    [InlineData("清河县", "R40.CountyNameUnchanged")]
    [InlineData(" 清河县 ", "R40.CountyNameUnchanged")]
    public void From_IsRefused_WhenTheNameIsNotANewName(string? name, string key)
    {
        var rename = CountyRename.From("清河县", name);

        Assert.False(rename.IsOk);
        Assert.Equal("R40", rename.Refusal!.RuleId);
        Assert.Equal(key, rename.Refusal.Key);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void From_IsRefused_AboveTheMaximumLength_AndAcceptedAtIt()
    {
        var longest = CountyRename.From("清河县", new string('县', CountyRename.MaxLength));
        var tooLong = CountyRename.From("清河县", new string('县', CountyRename.MaxLength + 1));

        Assert.True(longest.IsOk, longest.ToString());
        Assert.Equal("R40.CountyNameTooLong", tooLong.Refusal?.Key);
        Assert.Equal("101", tooLong.Refusal!.Argument("length"));
    }

    [Theory]
    [Trait("Rule", "R40")]
    [InlineData("""{"name":"  "}""", "R40.CountyNameEmpty")]
    [InlineData("""{"name":"清河市","extra":1}""", Refusal.InvalidId)]
    [InlineData("""{}""", Refusal.InvalidId)]
    [InlineData("""not json""", Refusal.InvalidId)]
    public void Payload_IsCheckedBeforeItIsProposed(string json, string rule)
    {
        var payload = CountyChangePayload.Normalise(CountyChangeSubject.CountyName, json);

        Assert.False(payload.IsOk);
        Assert.StartsWith(rule, payload.Refusal!.Key, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void Payload_IsWrittenBackTrimmed()
    {
        var payload = CountyChangePayload.Normalise(CountyChangeSubject.CountyName, """{"name":" 清河市 "}""");

        Assert.Equal("""{"name":"清河市"}""", payload.Value);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void ARename_TakesEffectOnlyWhenASecondOfficialConfirmsIt()
    {
        var county = new County(CountyId.New(), "清河县", CountyBounds.Default);
        var rename = CountyRename.From(county.Name, "清河市").Value;
        var change = CountyChange.Propose(county.Id, CountyChangeSubject.CountyName, null, rename.ToJson(), "撤县设市", Admin, [], [PersonId.New()], Now).Value.Change;

        Assert.Equal("R40.ProposerCannotConfirm", change.Confirm(Admin, Now).Refusal?.Key);
        Assert.True(change.Confirm(Admin2, Now.AddMinutes(1)).IsOk);
        county.Rename(CountyRename.FromJson(change.PayloadJson).Value);

        Assert.Equal("清河市", county.Name);
        Assert.Equal(CountyChangeState.Confirmed, change.State);
    }
}
