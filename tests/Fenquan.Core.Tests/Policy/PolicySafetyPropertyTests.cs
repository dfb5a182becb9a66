using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using FsCheck.Xunit;

namespace Fenquan.Core.Tests.Policy;

/// <summary>
/// R40 property tests: every policy that passes verification is safe by the independent brute-force
/// model of <see cref="BruteForceSafety"/>; and every matter in the domain routes, exactly once, safely.
/// FsCheck draws the seeds (and shrinks them); each seed drives one random policy or matter.
/// </summary>
public class PolicySafetyPropertyTests
{
    private static readonly StepKind[] StepKinds = Enum.GetValues<StepKind>();
    private static readonly ActorSpec[] Actors =
    [
        ActorSpec.Office, ActorSpec.DeputyInCharge, ActorSpec.Principal, ActorSpec.TeamMember, ActorSpec.Team, ActorSpec.External,
        ActorSpec.Of(Role.SectionHead), ActorSpec.Of(Role.Deputy), ActorSpec.Of(Role.Principal), ActorSpec.Of(Role.FinanceStaff),
        ActorSpec.Of(Role.DisciplineMember), ActorSpec.Of(Role.Staff), ActorSpec.Of(Role.OfficeReviewer),
    ];

    [Property(MaxTest = 400)]
    [Trait("Rule", "R40")]
    public bool EveryPolicyThatPassesVerification_HasNoExecutionWhereOnePersonOrPrincipalsAloneApprove(int seed)
    {
        var (policy, bounds) = RandomPolicy(new Random(seed));
        if (!PolicyVerifier.Verify(policy, bounds).IsValid)
        {
            return true;
        }

        return UnsafeExecutions(policy).Count == 0;
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void ManyRandomPoliciesPassVerification_AndAllOfThemAreSafeByBruteForce()
    {
        var passed = 0;
        var changed = 0;
        for (var seed = 0; seed < 3_000; seed++)
        {
            var (policy, bounds) = RandomPolicy(new Random(seed));
            if (!PolicyVerifier.Verify(policy, bounds).IsValid)
            {
                continue;
            }

            passed++;
            if (!policy.Rules.SequenceEqual(DefaultPolicy.Create(policy.Limits, bounds).Rules))
            {
                changed++;
            }

            var unsafeExecutions = UnsafeExecutions(policy);
            Assert.True(unsafeExecutions.Count == 0, $"seed {seed}: {string.Join("; ", unsafeExecutions)}");
        }

        // Not vacuous: a good share of the mutated policies pass and differ from the default.
        Assert.True(changed >= 100, $"only {changed} mutated policies passed ({passed} in all)");
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void VerifierRejectsEveryRouteTheBruteForceFindsUnsafe()
    {
        for (var seed = 0; seed < 3_000; seed++)
        {
            var random = new Random(seed);
            var policy = DefaultPolicy.Create(PolicyTestData.Limits, CountyBounds.Default);
            var at = random.Next(policy.Rules.Count);
            var rule = policy.Rules[at] with { Route = RandomRoute(random) };
            var mutated = policy with { Rules = [.. policy.Rules.Select((r, i) => i == at ? rule : r)] };
            var unsafeFor = rule.Initiators.FirstOrDefault(i => BruteForceSafety.FindUnsafeExecution(rule.Route, i) is not null, (InitiatorKind)(-1));
            if ((int)unsafeFor >= 0)
            {
                Assert.False(PolicyVerifier.Verify(mutated, CountyBounds.Default).IsValid, $"seed {seed}: {rule.Route} for {unsafeFor}");
            }
        }
    }

    [Property(MaxTest = 500)]
    [Trait("Rule", "R40")]
    public bool EveryMatterOfTheDomain_IsRoutedByTheDefaultPolicy_Safely(int seed)
    {
        var random = new Random(seed);
        var bounds = CountyBounds.Default with { LawEnforcementEnabled = random.Next(2) == 0 };
        var limits = RandomLimits(random, bounds);
        var router = PolicyRouter.Compile(DefaultPolicy.Create(limits, bounds));
        var area = Pick(random, bounds.RestrictedAreas);
        var kind = Pick(random, MatterKinds.For(area));
        var initiator = Pick(random, MatterKinds.Initiators(area, kind));
        var flags = Pick(random, MatterKinds.FlagCombinations(area, kind));
        var amount = !MatterKinds.HasAmount(kind) ? 0m : random.Next(3) switch
        {
            0 => Pick(random, new[] { limits.SmallExpense, limits.Purchase, limits.Collective }) + Pick(random, new[] { -0.01m, 0m, 0.01m }),
            1 => 0.01m * random.Next(1, 1_000_000),
            _ => random.Next(1, 100_000_000),
        };

        var route = router.Route(new MatterFacts(area, kind, amount, initiator, flags));
        return route.IsOk && BruteForceSafety.FindUnsafeExecution(route.Value, initiator) is null;
    }

    [Fact]
    public void BruteForce_FindsAPrincipalApprovingAlone_AndAcceptsTheR17Route()
    {
        var principalAlone = PolicyTestData.Steps(PolicyTestData.S(StepKind.Approve, ActorSpec.Principal));
        Assert.NotNull(BruteForceSafety.FindUnsafeExecution(principalAlone, InitiatorKind.Section));
        var r17 = PolicyTestData.RuleById("procurement-plan-consent").Route;
        Assert.Null(BruteForceSafety.FindUnsafeExecution(r17, InitiatorKind.Section));
        var colleague = PolicyTestData.Steps(PolicyTestData.S(StepKind.Review, ActorSpec.Office), PolicyTestData.S(StepKind.Approve, ActorSpec.TeamMember));
        Assert.Null(BruteForceSafety.FindUnsafeExecution(colleague, InitiatorKind.Deputy));
        Assert.NotNull(BruteForceSafety.FindUnsafeExecution(PolicyTestData.Steps(PolicyTestData.S(StepKind.Review, ActorSpec.Principal), PolicyTestData.S(StepKind.Approve, ActorSpec.TeamMember)), InitiatorKind.Staff));
    }

    private static List<string> UnsafeExecutions(PolicyDocument policy)
    {
        var found = new List<string>();
        foreach (var rule in policy.Rules)
        {
            foreach (var initiator in rule.Initiators)
            {
                if (BruteForceSafety.FindUnsafeExecution(rule.Route, initiator) is { } execution)
                {
                    found.Add($"{rule.Id}: {rule.Route}: {execution}");
                }
            }
        }

        return found;
    }

    /// <summary>The default policy for random limits, with one to three random mutations.</summary>
    private static (PolicyDocument Policy, CountyBounds Bounds) RandomPolicy(Random random)
    {
        var bounds = CountyBounds.Default with { LawEnforcementEnabled = random.Next(4) == 0 };
        var policy = DefaultPolicy.Create(RandomLimits(random, bounds), bounds);
        var rules = policy.Rules.ToList();
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = random.Next(rules.Count);
            var rule = rules[at];
            rules[at] = random.Next(6) switch
            {
                0 or 1 or 2 => rule with { Route = RandomRoute(random) },
                3 => rule with { Route = rule.Route with { Steps = [.. rule.Route.Steps.OrderBy(_ => random.Next())] } },
                4 => rule with { Initiators = [.. MatterKinds.Initiators(rule.Area, rule.Kind).Where(_ => random.Next(2) == 0)] },
                _ => rule with { Route = rule.Route with { Steps = [.. rule.Route.Steps.Select((s, i) => i > 0 && random.Next(3) == 0 ? s with { SameActorAs = random.Next(i) } : s)] } },
            };
        }

        return (policy with { Rules = rules }, bounds);
    }

    /// <summary>A random route of one to five steps from the whole step and actor vocabulary, often starting with an office review.</summary>
    private static Route RandomRoute(Random random)
    {
        var steps = new List<RouteStep>();
        if (random.Next(2) == 0)
        {
            steps.Add(new RouteStep(StepKind.Review, ActorSpec.Office));
        }

        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var kind = random.Next(3) == 0 ? StepKind.Approve : Pick(random, StepKinds);
            var actor = kind switch
            {
                StepKind.CollectiveDecision or StepKind.InformTeam when random.Next(4) > 0 => ActorSpec.Team,
                StepKind.HandOff when random.Next(4) > 0 => ActorSpec.External,
                _ => Pick(random, Actors),
            };
            var same = steps.Count > 0 && random.Next(5) == 0 ? random.Next(steps.Count) : (int?)null;
            steps.Add(new RouteStep(kind, actor) { SameActorAs = same });
        }

        return new Route(steps, ["R40"]);
    }

    private static UnitLimits RandomLimits(Random random, CountyBounds bounds)
    {
        decimal Between(decimal low, decimal high) => low + (0.01m * random.Next(0, (int)((high - low) * 100) + 1));
        return random.Next(3) switch
        {
            0 => new UnitLimits(bounds.SmallExpenseMax, bounds.PurchaseMax, bounds.CollectiveLimit),
            _ => new UnitLimits(Between(bounds.SmallExpenseMin, bounds.SmallExpenseMax), Between(bounds.PurchaseMin, bounds.PurchaseMax), bounds.CollectiveLimit),
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
