using FsCheck.Xunit;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using static Fenquan.Core.Tests.Meetings.MeetingFixture;

namespace Fenquan.Core.Tests.Meetings;

/// <summary>
/// Random attendance, recusals and opinion attempts on one item of an eight-member township team:
/// an item is approved exactly when every entitled member spoke, the quorum and the majority hold
/// (counted here independently, on integers), and the principals — the chair last — spoke after
/// everyone else.
/// </summary>
public class MeetingPropertyTests
{
    private static int Index(int value, int count) => ((value % count) + count) % count;

    [Property(MaxTest = 200)]
    [Trait("Rule", "R43")]
    [Trait("Rule", "R11")]
    public void AnItemIsApprovedOnlyWithQuorumMajorityAndThePrincipalLast(bool personnel, bool[] present, bool[] recused, int[] speakers, int[] kinds, bool finish)
    {
        var f = new MeetingFixture();
        var matter = personnel ? f.TransferIn() : f.CollectiveExpense();
        var meeting = f.Schedule();
        var item = f.Add(meeting, matter, personnel ? new AgendaItemRequest([f["郑芳"]], []) : null);
        f.Open(meeting);

        // Members beyond the generated array are present, so that quorums are often reached.
        bool Present(int i) => i >= present.Length || present[i];
        bool Recused(int i) => i < recused.Length && recused[i];
        for (var i = 0; i < Team.Length; i++)
        {
            Assert.True((Present(i) ? meeting.MarkPresent(f[Team[i]], MeetingAt) : meeting.MarkAbsent(f[Team[i]], "请假", MeetingAt)).IsOk);
            if (Recused(i))
            {
                Assert.True(meeting.DeclareRecusal(item.Id, f[Team[i]], "利害关系", MeetingAt).IsOk);
            }
        }

        OpinionKind Kind(int i) => (OpinionKind)Index(i < kinds.Length ? kinds[i] : i, 3);
        for (var i = 0; i < speakers.Length; i++)
        {
            var result = f.Say(meeting, item, Team[Index(speakers[i], Team.Length)], Kind(i));
            Assert.True(result.IsOk || result.Refusal!.RuleId == "R43");
        }

        if (finish)
        {
            // Everyone entitled who has not spoken speaks, in Team order (deputies, 李秀英, the chair 张建国).
            for (var i = 0; i < Team.Length; i++)
            {
                if (Present(i) && !Recused(i) && meeting.OpinionsOn(item.Id).All(o => o.PersonId != f[Team[i]]))
                {
                    Assert.True(f.Say(meeting, item, Team[i], Kind(speakers.Length + i)).IsOk);
                }
            }
        }

        // The model, counted here from the inputs.
        var entitled = Enumerable.Range(0, Team.Length).Where(i => Present(i) && !Recused(i)).Select(i => f[Team[i]]).ToHashSet();
        var recusedCount = Enumerable.Range(0, Team.Length).Count(Recused);
        var opinions = meeting.OpinionsOn(item.Id);
        var agree = opinions.Count(o => o.Kind == OpinionKind.Agree);
        // R43: quorum is counted of the whole team (the recused included), the majority of all
        // entitled to vote (the team less the recused, the absent included).
        var presentCount = Enumerable.Range(0, Team.Length).Count(Present);
        var quorum = personnel ? 3 * presentCount >= 2 * Team.Length : 2 * presentCount > Team.Length;
        var majority = 2 * agree > Team.Length - recusedCount;
        var allSpoke = entitled.SetEquals(opinions.Select(o => o.PersonId));

        // Only the entitled speak, once each; principals after every deputy; the chair after everyone.
        Assert.All(opinions, o => Assert.Contains(o.PersonId, entitled));
        Assert.Equal(opinions.Count, opinions.Select(o => o.PersonId).Distinct().Count());
        var principals = new[] { f["李秀英"], f["张建国"] };
        var firstPrincipal = opinions.FirstOrDefault(o => principals.Contains(o.PersonId))?.Sequence ?? int.MaxValue;
        Assert.All(opinions.Where(o => !principals.Contains(o.PersonId)), o => Assert.True(o.Sequence < firstPrincipal));
        if (opinions.FirstOrDefault(o => o.PersonId == f["张建国"]) is { } chair)
        {
            Assert.Equal(opinions.Count, chair.Sequence);
        }

        var approved = f.Approve(meeting, item, matter);
        Assert.Equal(allSpoke && quorum && majority, approved.IsOk);
        Assert.Equal(MatterState.Pending, matter.State);
        if (approved.IsOk)
        {
            f.SignAll(meeting, matter);
            Assert.Equal(MatterState.Approved, matter.State);
        }
        if (!approved.IsOk)
        {
            Assert.Contains(approved.Refusal!.RuleId, new[] { "R43", "R11" });
            Assert.Null(meeting.OutcomeOf(item.Id));
        }
    }
}
