using System.Security.Cryptography;
using System.Text;
using Fenquan.Core.Access;
using Fenquan.Core.Attachments;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;
using DelegationRow = Fenquan.Core.Delegation.Delegation;

namespace Fenquan.Core.Tests.Primitives;

// Issue 11, point 8: a refusal carries a message key (Rnn.Name) and named arguments, so the
// interface can render it in the viewer's language; Reason stays the English rendering.
public class RefusalKeyTests
{
    private readonly TestOrg _org = TestOrg.Township();

    [Fact]
    [Trait("Rule", "R3")]
    public void Because_RendersTheTemplate_KeysByRuleAndName_AndKeepsTheArgumentsInOrder()
    {
        var refusal = Refusal.Because("R3", "PrincipalInCharge", "{person} is a principal; principals never take charge of {area} (R3).", ("person", "张建国"), ("area", "Finance"));

        Assert.Equal("R3", refusal.RuleId);
        Assert.Equal("R3.PrincipalInCharge", refusal.Key);
        Assert.Equal("张建国 is a principal; principals never take charge of Finance (R3).", refusal.Reason);
        Assert.Equal(["person", "area"], refusal.Arguments.Select(a => a.Name));
        Assert.Equal(["张建国", "Finance"], refusal.Arguments.Select(a => a.Value));
        Assert.Equal("Finance", refusal.Argument("area"));
        Assert.Null(refusal.Argument("amount"));
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void Because_LeavesATemplateArgumentWithoutAValueVisible_AndFormatsAmountsInvariantly()
    {
        var refusal = Refusal.Because("R4", "OverLimit", "{person} asks for {amount} yuan, above {limit}.", ("person", "孙磊"), RefusalArgument.Amount("amount", 12_345.5m));

        Assert.Equal("孙磊 asks for 12,345.50 yuan, above {limit}.", refusal.Reason);
        Assert.Equal("12,345.50", refusal.Argument("amount"));
    }

    [Fact]
    [Trait("Rule", "R1")]
    public void TeamRules_UnitWithoutPrincipal_KeyAndArguments()
    {
        var org = new TestOrg().With("王志强", Role.Deputy);

        var refusal = TeamRules.CheckPrincipals(org.Unit, new DateOnly(2025, 1, 1), org.View()).Refusal!;

        Assert.Equal("R1.PrincipalCount", refusal.Key);
        Assert.Equal("2025-01-01", refusal.Argument("date"));
        Assert.Equal("0", refusal.Argument("count"));
        Assert.Equal("On 2025-01-01 the unit has 0 principals; it must have one or two.", refusal.Reason);
    }

    [Fact]
    [Trait("Rule", "R3")]
    public void PortfolioRules_AssigningAnAreaToAPrincipal_KeyAndArguments()
    {
        var refusal = PortfolioRules.Assign(new AssignPortfolio(_org.County, _org.Unit, Area.Finance, _org["张建国"], new DateOnly(2025, 1, 1)), _org.Assignments, _org.Memberships, _org.Bounds, _org.View().NameOf).Refusal!;

        Assert.Equal("R3.PrincipalInCharge", refusal.Key);
        Assert.Equal(["person", "from", "area"], refusal.Arguments.Select(a => a.Name));
        Assert.Equal("张建国", refusal.Argument("person"));
        Assert.Equal("2025-01-01", refusal.Argument("from"));
        Assert.Equal("Finance", refusal.Argument("area"));
        Assert.Contains("must be assigned to a deputy, never to a principal", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void Delegation_OfTheFinancePortfolioToAPrincipal_IsKeyedByTheAreaRule()
    {
        var created = TestOrg.Now.AddDays(-1);
        var command = new Fenquan.Core.Delegation.CreateDelegation(_org.County, _org.Unit, _org["王志强"], _org["张建国"], Role.Deputy, [], created, created.AddDays(7));

        var refusal = DelegationRow.Create(command, _org.View(), created).Refusal!;

        Assert.Equal("R4.PrincipalAsDeputy", refusal.Key);
        Assert.Equal("张建国", refusal.Argument("person"));
        Assert.Equal("Finance", refusal.Argument("areas"));
        Assert.Contains("五不直接分管", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R7")]
    public void Delegation_RevokedBySomeoneElse_Key()
    {
        var created = TestOrg.Now.AddDays(-1);
        var delegation = DelegationRow.Create(new Fenquan.Core.Delegation.CreateDelegation(_org.County, _org.Unit, _org["王志强"], _org["黄涛"], Role.Deputy, [], created, created.AddDays(7)), _org.View(), created).Value;

        var refusal = delegation.Revoke(_org["孙磊"], TestOrg.Now).Refusal!;

        Assert.Equal("R7.RevokedByStranger", refusal.Key);
        Assert.Empty(refusal.Arguments);
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void Attachment_ByAStranger_KeyAndArguments()
    {
        var matter = _org.Submit(MatterKind.Expense, 3_000m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense);
        var check = new AttachmentCheck(AttachmentRules.Png, "发票.png");

        var refusal = Attachment.Create(matter, _org["郑芳"], check, 10, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", _org.View(), TestOrg.Now).Refusal!;

        Assert.Equal("R8.NotInitiatorOrActor", refusal.Key);
        Assert.Equal("郑芳", refusal.Argument("person"));
        Assert.Equal(matter.Title, refusal.Argument("title"));
        Assert.StartsWith("郑芳 neither initiated the matter \"" + matter.Title + "\"", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R4")]
    public void MatterRules_NegativeAmount_KeyAndFormattedAmount()
    {
        var refusal = MatterRules.CheckAmount(MatterKind.Expense, -1_234.5m).Refusal!;

        Assert.Equal("R4.NegativeAmount", refusal.Key);
        Assert.Equal("-1,234.50", refusal.Argument("amount"));
        Assert.Equal("The amount -1,234.50 is negative.", refusal.Reason);
    }

    [Fact]
    [Trait("Rule", "R43")]
    public void RelativeDeclaration_SamePairTwice_EitherWayRound_Key()
    {
        var person = _org["王志强"];
        var relative = _org["孙磊"];
        var first = RelativeDeclaration.Declare(_org.County, person, relative, "配偶", [], TestOrg.Now).Value;

        var refusal = RelativeDeclaration.Declare(_org.County, relative, person, "配偶", [first.ToRelation()], TestOrg.Now).Refusal!;

        Assert.Equal("R43.AlreadyDeclared", refusal.Key);
        Assert.Empty(refusal.Arguments);
        Assert.Equal("This relation is already declared.", refusal.Reason);
    }

    [Fact]
    [Trait("Rule", "R43")]
    public void CountyDecisionRules_WithoutTheSettersName_Key() =>
        Assert.Equal("R43.SetterUnnamed", CountyDecisionRules.Set(_org.County, DecisionRules.Default, null, " ", TestOrg.Now).Refusal!.Key);

    [Fact]
    public void ApiToken_UnknownScope_IsAnInvalidRefusal_WithItsOwnKeyAndTheScope()
    {
        var refusal = ApiToken.Create(CountyId.New(), PersonId.New(), "x", ["admin:all"], SHA256.HashData("fq_secret"u8), TestOrg.Now.AddDays(1), TestOrg.Now).Refusal!;

        // Not a rule: malformed input keeps its Invalid id, with a key the interface words in the reader's language.
        Assert.Equal(Refusal.InvalidId, refusal.RuleId);
        Assert.Equal("Invalid.TokenScopeUnknown", refusal.Key);
        Assert.Equal("admin:all", refusal.Argument("scope"));
        Assert.Contains("\"admin:all\"", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R44")]
    public void MerkleProof_Tampered_OrOfTheWrongLength_KeyAndArguments()
    {
        byte[][] leaves = [.. Enumerable.Range(0, 8).Select(i => MerkleHash.Leaf(Encoding.UTF8.GetBytes($"entry {i}")))];
        var root = MerkleProofs.RootOf(leaves, 7);
        var proof = MerkleProofs.InclusionProof(leaves, 3, 7).Select(p => (byte[])p.Clone()).ToList();

        var tooLong = MerkleProofs.CheckInclusion(3, 7, leaves[3], [.. proof, proof[0]], root).Refusal!;
        proof[0][0] ^= 0x01;
        var tampered = MerkleProofs.CheckInclusion(3, 7, leaves[3], proof, root).Refusal!;

        Assert.Equal("R44.RootMismatch", tampered.Key);
        Assert.Equal("R44.InclusionProofLength", tooLong.Key);
        Assert.Equal("4", tooLong.Argument("count"));
        Assert.Equal("3", tooLong.Argument("expected"));
        Assert.Equal("The proof has 4 hashes; a tree of this size needs 3.", tooLong.Reason);
    }
}
