using Fenquan.Core.Access;
using Fenquan.Core.Counterparties;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Counterparties;

/// <summary>
/// R6: the county's register of external payees. Identifiers are checked by their check
/// characters (the standards' own published examples), an individual's ID number is shown masked,
/// one identifier is registered once, and the core decides who registers and who reads in full.
/// </summary>
[Trait("Rule", "R6")]
public class CounterpartyTests
{
    private static readonly CountyId County = CountyId.New();
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("91350100M000100Y43")] // GB 32100-2015's example code
    [InlineData("91110000802100433B")] // another code with its right check character
    [InlineData("91 3501 00M0 0010 0y43")] // spaces and lower case are normalised
    public void AValidCreditCode_IsAccepted(string code) =>
        Assert.True(CounterpartyIdentifier.Normalise(CounterpartyKind.Company, code).IsOk);

    [Theory]
    [InlineData("91350100M000100Y44")] // wrong check character
    [InlineData("91350100M000100Y4")] // 17 characters
    [InlineData("91350100M0001I0Y43")] // I is not in the alphabet
    [InlineData("")]
    public void AnInvalidCreditCode_IsRefused_NamingR6(string code)
    {
        var refused = CounterpartyIdentifier.Normalise(CounterpartyKind.Company, code);
        Assert.Equal("R6.InvalidCreditCode", refused.Refusal?.Key);
    }

    [Theory]
    [InlineData("11010519491231002X")] // GB 11643-1999's example number
    [InlineData("11010519491231002x")]
    public void AValidIdNumber_IsAccepted(string id) =>
        Assert.Equal("11010519491231002X", CounterpartyIdentifier.Normalise(CounterpartyKind.Individual, id).Value);

    [Theory]
    [InlineData("110105194912310021")] // wrong check character
    [InlineData("11010519491331002X")] // month 13
    [InlineData("1101051949123100")]
    public void AnInvalidIdNumber_IsRefused_WithoutEchoingIt(string id)
    {
        var refused = CounterpartyIdentifier.Normalise(CounterpartyKind.Individual, id);
        Assert.Equal("R6.InvalidIdNumber", refused.Refusal?.Key);
        Assert.DoesNotContain(id[..6], refused.Refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIndividual_IsShownMasked_ACompanyInFull()
    {
        var person = Counterparty.Register(County, CounterpartyKind.Individual, "刘建国", "11010519491231002X", "admin", null, Now).Value;
        Assert.Equal("110105********002X", person.MaskedIdentifier);
        var company = Counterparty.Register(County, CounterpartyKind.Company, "某某科技有限公司", "91350100M000100Y43", "admin", null, Now).Value;
        Assert.Equal("91350100M000100Y43", company.MaskedIdentifier);
    }

    [Fact]
    public void AnIdentifierRegisteredBefore_IsRefused_NamingTheEntry()
    {
        var first = Counterparty.Register(County, CounterpartyKind.Company, "某某科技有限公司", "91350100M000100Y43", "admin", null, Now).Value;
        var again = Counterparty.Register(County, CounterpartyKind.Company, "某某科技公司", "91350100m000100y43", "u1.office", first, Now);
        Assert.Equal("R6.CounterpartyRegistered", again.Refusal?.Key);
        Assert.Equal("某某科技有限公司", again.Refusal?.Argument("name"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("名称\u0000")]
    public void ANameIsRequired_AndHasNoControlCharacters(string name) =>
        Assert.Equal("R6.CounterpartyName", Counterparty.Register(County, CounterpartyKind.Company, name, "91350100M000100Y43", "admin", null, Now).Refusal?.Key);

    [Fact]
    public void AWrittenPayee_StandsForExactlyOneEntry()
    {
        var entry = Counterparty.Register(County, CounterpartyKind.Company, "某某科技有限公司", "91350100M000100Y43", "admin", null, Now).Value;
        Assert.Same(entry, Counterparty.Resolve("某某科技有限公司", [entry]).Value);
        Assert.Equal("R6.PayeeNotRegistered", Counterparty.Resolve("另一家公司", []).Refusal?.Key);
        Assert.Equal("R6.PayeeAmbiguous", Counterparty.Resolve("某某科技有限公司", [entry, entry]).Refusal?.Key);
    }

    [Fact]
    public void ATie_NeedsItsRelationship_AndIsDeclaredOnce()
    {
        var entry = Counterparty.Register(County, CounterpartyKind.Company, "某某科技有限公司", "91350100M000100Y43", "admin", null, Now).Value;
        var me = PersonId.New();
        Assert.Equal("R6.TieRelationshipMissing", CounterpartyTie.Declare(entry, me, " ", [], Now).Refusal?.Key);
        var tie = CounterpartyTie.Declare(entry, me, "配偶任法定代表人", [], Now).Value;
        Assert.Equal("R6.TieAlreadyDeclared", CounterpartyTie.Declare(entry, me, "配偶", [tie], Now).Refusal?.Key);
        Assert.True(CounterpartyTie.Declare(entry, PersonId.New(), "配偶", [tie], Now).IsOk);
    }

    [Theory]
    [InlineData(Role.OfficeReviewer, true, false)]
    [InlineData(Role.FinanceStaff, true, true)]
    [InlineData(Role.Principal, false, false)]
    [InlineData(Role.Deputy, false, false)]
    [InlineData(Role.SectionHead, false, false)]
    [InlineData(Role.Staff, false, false)]
    [InlineData(Role.DisciplineMember, false, false)]
    public void WhoRegisters_AndWhoReadsIdNumbersInFull(Role role, bool registers, bool readsInFull)
    {
        var asker = new Asker { County = County, Person = PersonId.New(), Unit = UnitId.New(), Roles = [role] };
        Assert.Equal(registers, CounterpartyAccess.MayRegister(asker));
        Assert.Equal(readsInFull, CounterpartyAccess.MayReadFullIdentifier(asker));
        Assert.True(CounterpartyAccess.MayRead(asker));
        Assert.True(CounterpartyAccess.MayDeclareTie(asker).IsOk);
    }

    [Fact]
    public void ACountyAdministrator_Registers_AndAnAccountThatIsNobody_DeclaresNoTie()
    {
        var administrator = new Asker { County = County, IsCountyAdministrator = true };
        Assert.True(CounterpartyAccess.MayRegister(administrator));
        Assert.Equal("R6.TiesArePeoples", CounterpartyAccess.MayDeclareTie(administrator).Refusal?.Key);
        Assert.False(CounterpartyAccess.MayRegister(new Asker { County = County, Person = PersonId.New(), Roles = [Role.OfficeReviewer] }));
    }
}
