using Fenquan.Core.Calendar;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Policy.Form;
using static Fenquan.Core.Tests.Policy.PolicyTestData;

namespace Fenquan.Core.Tests.Policy;

// R40, R46: the policy editor's form and the raw JSON edit the same policy.
[Trait("Rule", "R40")]
public class PolicyFormTests
{
    private static PolicyDocument WithStepLimits { get; } = DefaultPolicy.Create(Limits, CountyBounds.Default with { LawEnforcementEnabled = true }) with
    {
        StepLimits = new StepTimeLimits(new StepLimit(TimeLimit.Working(4), 70), new Dictionary<StepKind, StepLimit> { [StepKind.PublicNotice] = new(TimeLimit.Calendar(5)) }),
    };

    private static int RuleIndex(PolicyForm form, string id) => form.Rules.FindIndex(r => r.Id == id);

    [Fact]
    [Trait("Rule", "R46")]
    public void TheForm_RoundTripsToTheSameJson()
    {
        var form = PolicyForm.Of(WithStepLimits);
        var read = form.Read();
        Assert.True(read.IsOk, string.Join("; ", read.Errors.Select(e => e.Key + ": " + e.Value.Reason)));
        Assert.Equal(WithStepLimits, read.Document);
        Assert.Equal(PolicyJson.Write(WithStepLimits), PolicyJson.Write(read.Document!));
        Assert.Equal(1 + Enum.GetValues<StepKind>().Length, form.StepLimits.Count);
        Assert.Equal(["default", "4", "WorkingDays", "70"], new[] { form.StepLimits[0].Kind, form.StepLimits[0].Days, form.StepLimits[0].Count, form.StepLimits[0].WarningPercent });
        Assert.Null(form.StepLimits.Single(r => r.Kind == "Review").Days);
    }

    [Fact]
    [Trait("Rule", "R46")]
    public void EditingALimitAndAStepLimit_ChangesThePolicy()
    {
        var form = PolicyForm.Of(Default);
        form.SmallExpense = "2500";
        var review = form.StepLimits.Single(r => r.Kind == "Review");
        (review.Days, review.Count, review.WarningPercent) = ("5", "CalendarDays", "60");
        var read = form.Read();
        Assert.True(read.IsOk);
        Assert.Equal(2500m, read.Document!.Limits.SmallExpense);
        Assert.Equal(new StepLimit(TimeLimit.Calendar(5), 60), read.Document.StepLimits.For(StepKind.Review));
        Assert.Equal(StepLimit.Standard, read.Document.StepLimits.For(StepKind.Approve));
    }

    [Fact]
    public void ChangingAStepsActor_ChangesTheRoute()
    {
        var form = PolicyForm.Of(Default);
        var r = RuleIndex(form, "finance-expense-small");
        form.Rules[r].Steps[1].Actor = nameof(ActorKind.NamedRole);
        form.Rules[r].Steps[1].Role = nameof(Role.FinanceStaff);
        var read = form.Read();
        Assert.True(read.IsOk);
        Assert.Equal("Review(Office) → Approve(role:FinanceStaff)", read.Document!.Rules[r].Route.ToString());
    }

    [Fact]
    public void BadFields_AreNamedByTheirPath_AndKeptAsTyped()
    {
        var form = PolicyForm.Of(Default);
        var r = RuleIndex(form, "finance-expense-small");
        form.Collective = "五千";
        form.Rules[r].UpTo = "X";
        form.Rules[r].Steps[0].Actor = nameof(ActorKind.NamedRole);
        form.Rules[r].Steps[1].SameAsStep = "2";
        form.StepLimits[0].Days = "three";
        var read = form.Read();
        Assert.False(read.IsOk);
        Assert.Equal(
            ["Collective", $"Rules[{r}].Steps[0].Role", $"Rules[{r}].Steps[1].SameAsStep", $"Rules[{r}].UpTo", "StepLimits[0].Days"],
            read.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("R40.FormAmount", read.Errors["Collective"].Key);
        Assert.Equal("五千", read.Errors["Collective"].Argument("value"));
        Assert.Equal("五千", form.Collective);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("Boss")]
    [InlineData("")]
    public void AForgedChoice_IsRefused(string actor)
    {
        var form = PolicyForm.Of(Default);
        form.Rules[0].Steps[0].Actor = actor;
        var read = form.Read();
        Assert.Equal("R40.FormChoice", read.Errors["Rules[0].Steps[0].Actor"].Key);
    }

    [Fact]
    public void StepButtons_AddRemoveAndMoveUp_KeepingSameAsStepOnItsStep()
    {
        // R17: the procurement deputy reviews, a principal consents, the same deputy approves (step 3 same as step 1).
        var form = PolicyForm.Of(Default);
        var r = RuleIndex(form, "procurement-plan-consent");
        var steps = form.Rules[r].Steps;
        Assert.Equal("1", steps[^1].SameAsStep);
        var count = steps.Count;

        Assert.True(form.Apply($"add:{r}"));
        Assert.Equal(count + 1, steps.Count);
        Assert.Equal(("Review", "Office"), (steps[^1].Kind, steps[^1].Actor));

        Assert.True(form.Apply($"up:{r}:1"));
        Assert.Equal("2", steps[count - 1].SameAsStep);
        Assert.True(form.Apply($"up:{r}:1"));
        Assert.Equal("1", steps[count - 1].SameAsStep);

        Assert.True(form.Apply($"remove:{r}:{count}"));
        Assert.True(form.Read().IsOk);
        Assert.Equal(PolicyJson.Write(Default), PolicyJson.Write(form.Read().Document!));

        Assert.True(form.Apply($"remove:{r}:0"));
        Assert.Null(steps[^1].SameAsStep);

        Assert.False(form.Apply($"up:{r}:0"));
        Assert.False(form.Apply($"remove:{r}:99"));
        Assert.False(form.Apply("add:999"));
        Assert.False(form.Apply("drop:0"));
    }
}
