using System.Text.RegularExpressions;
using FsCheck.Xunit;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;

namespace Fenquan.Core.Tests.Matters;

/// <summary>
/// Random people try random actions on matters with the default-policy routes: whatever they do,
/// the matter's rows never show an own-matter action, one person on two deciding steps, a
/// principal on a deputy's step or a skipped step; every refusal names a rule.
/// </summary>
public partial class MatterPropertyTests
{
    private static readonly string[] People = ["张建国", "李秀英", "王志强", "刘海燕", "陈明", "杨伟", "赵丽", "黄涛", "周敏", "吴斌", "孙磊", "郑芳"];

    private static readonly (string Name, InitiatorKind Kind)[] Initiators =
        [("孙磊", InitiatorKind.Staff), ("吴斌", InitiatorKind.Section), ("陈明", InitiatorKind.Deputy), ("王志强", InitiatorKind.Deputy), ("张建国", InitiatorKind.Principal)];

    private static readonly Route[] Routes =
    [
        TestRoutes.SmallExpense, TestRoutes.CountersignedExpense, TestRoutes.CollectiveExpense, TestRoutes.DeputyOwnExpense,
        TestRoutes.PrincipalOwnExpense, TestRoutes.PurchaseAboveCollective, TestRoutes.CatalogueItem, TestRoutes.TransferIn,
        TestRoutes.SameDeputyTwice,
    ];

    private static int Index(int value, int count) => ((value % count) + count) % count;

    [GeneratedRegex("^R[0-9]+$")]
    private static partial Regex RuleId();

    [Property(MaxTest = 300)]
    [Trait("Rule", "R6")]
    [Trait("Rule", "R7")]
    public void RandomActions_NeverBreakSeparationOfDuties(byte routeIndex, byte initiatorIndex, int[] actors, int[] actions, bool[] withReference)
    {
        var org = TestOrg.Township();
        var view = org.View();
        var route = Routes[routeIndex % Routes.Length];
        var (initiator, initiatorKind) = Initiators[initiatorIndex % Initiators.Length];
        var matter = org.Submit(MatterKind.Expense, 3_000m, initiator, initiatorKind, route);
        var kinds = Enum.GetValues<ActionKind>();

        for (var i = 0; i < Math.Min(actors.Length, actions.Length); i++)
        {
            var actor = org[People[Index(actors[i], People.Length)]];
            // Half the attempts try the action the current step waits for, so matters get far.
            var kind = actions[i] % 2 == 0 && matter.CurrentStep is { } current
                ? StepActions.CompletingAction(current.Kind)
                : kinds[Index(actions[i], kinds.Length)];
            var reference = i < withReference.Length && withReference[i] ? "班子会〔2025〕1号" : null;
            var result = matter.Act(new ActRequest(actor, kind, null, reference), view, TestOrg.Now);
            if (!result.IsOk)
            {
                Assert.Matches(RuleId(), result.Refusal!.RuleId);
                Assert.False(string.IsNullOrWhiteSpace(result.Refusal.Reason));
            }
        }

        var finance = org["王志强"];
        var completing = matter.Actions.Where(a => a.Kind.CompletesStep()).ToList();

        // Steps are taken in order, each by the action that completes it.
        Assert.Equal(Enumerable.Range(0, completing.Count), completing.Select(a => a.StepIndex));
        Assert.All(completing, a => Assert.Equal(StepActions.CompletingAction(route.Steps[a.StepIndex].Kind), a.Kind));

        foreach (var action in matter.Actions)
        {
            var step = route.Steps[action.StepIndex];

            // R6: the initiator only ever proposes; nobody else acts on their own matter.
            if (action.ActorId == matter.InitiatorId)
            {
                Assert.Equal(ActionKind.Propose, action.Kind);
            }

            // 五不直接分管: only the finance deputy acts where the deputy in charge is asked.
            if (step.Actor.Kind == ActorKind.DeputyInCharge)
            {
                Assert.Equal(finance, action.ActorId);
            }

            // R43: a collective decision always names its meeting.
            if (step.Actor.Kind == ActorKind.Team)
            {
                Assert.False(string.IsNullOrWhiteSpace(action.ExternalReference));
            }
        }

        // General rule: nobody on two deciding steps unless the route allows it.
        var deciding = completing.Where(a => !StepActions.IsRecording(route.Steps[a.StepIndex])).ToList();
        foreach (var a in deciding)
        {
            foreach (var b in deciding.Where(b => b.StepIndex > a.StepIndex && b.ActorId == a.ActorId))
            {
                Assert.True(SameActorAllowance.Allows(route, a.StepIndex, b.StepIndex), $"{a.ActorId} acted on steps {a.StepIndex} and {b.StepIndex} of {route}");
            }
        }

        // Approved means every step is done.
        Assert.Equal(matter.State == MatterState.Approved, completing.Count == route.Steps.Count);
        Assert.Contains(matter.State, new[] { MatterState.Pending, MatterState.Approved, MatterState.Rejected, MatterState.Returned });
    }
}
