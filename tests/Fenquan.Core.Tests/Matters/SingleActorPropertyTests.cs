using FsCheck.Xunit;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;

namespace Fenquan.Core.Tests.Matters;

/// <summary>
/// R43 as a property: on every route of the default policy that reaches a team step (a collective
/// decision, or the team being informed), one person of the unit — whoever they are — trying any
/// sequence of actions, with or without a meeting "reference", never completes, rejects or returns
/// that step. Only a meeting whose minutes are signed does.
/// </summary>
public class SingleActorPropertyTests
{
    private static readonly string[] People = ["张建国", "李秀英", "王志强", "刘海燕", "陈明", "杨伟", "赵丽", "黄涛", "周敏", "吴斌", "孙磊", "郑芳"];

    private static readonly PolicyRule[] TeamRoutes =
    [
        .. DefaultPolicy.Create(DefaultPolicy.ExampleLimits, CountyBounds.Default).Rules
            .Where(r => r.Route.Steps.Any(s => s.Actor.Kind == ActorKind.Team)),
    ];

    private static int Index(int value, int count) => ((value % count) + count) % count;

    [Property(MaxTest = 300)]
    [Trait("Rule", "R43")]
    [Trait("Rule", "R5")]
    [Trait("Rule", "R11")]
    [Trait("Rule", "R18")]
    [Trait("Rule", "R23")]
    public void NoSingleActor_EverDecidesATeamStep(int rule, int who, int[] actions, bool[] withReference)
    {
        var org = TestOrg.Township();
        var policyRule = TeamRoutes[Index(rule, TeamRoutes.Length)];
        var (initiator, kind) = policyRule.Initiators[0] switch
        {
            InitiatorKind.Staff => ("孙磊", InitiatorKind.Staff),
            InitiatorKind.Section => ("吴斌", InitiatorKind.Section),
            InitiatorKind.Deputy => ("黄涛", InitiatorKind.Deputy),
            InitiatorKind.Principal => ("李秀英", InitiatorKind.Principal),
        };
        var limits = DefaultPolicy.ExampleLimits;
        var above = policyRule.Amount.Above?.Resolve(limits) ?? 0m;
        var amount = MatterKinds.HasAmount(policyRule.Kind) ? above + 100.01m : 0m;
        var matter = org.Submit(policyRule.Kind, amount, initiator, kind, policyRule.Route, TestOrg.Company("清河县某公司"));

        // The steps before the team's, each by one who may.
        while (matter.CurrentStep is { } step && step.Actor.Kind != ActorKind.Team)
        {
            var actor = matter.WhoMayActNow(org.View()).First();
            var done = matter.Act(new ActRequest(actor, StepActions.CompletingAction(step.Kind), "同意", "QH-2025-0001"), org.View(), TestOrg.Now.AddHours(1));
            Assert.True(done.IsOk, done.ToString());
        }

        var teamStep = matter.CurrentStepIndex;
        var single = org[People[Index(who, People.Length)]];
        var kinds = Enum.GetValues<ActionKind>();
        for (var i = 0; i < actions.Length; i++)
        {
            var reference = i < withReference.Length && withReference[i] ? "2025年第9次党委会纪要" : null;
            var tried = matter.Act(new ActRequest(single, kinds[Index(actions[i], kinds.Length)], "本人决定", reference), org.View(), TestOrg.Now.AddHours(2));
            Assert.False(tried.IsOk, $"{tried} by one person on {matter.CurrentStep}");
            Assert.Equal("R43", tried.Refusal!.RuleId);
        }

        Assert.Equal((MatterState.Pending, teamStep), (matter.State, matter.CurrentStepIndex));
        Assert.DoesNotContain(matter.Actions, a => a.StepIndex == teamStep);
    }
}
