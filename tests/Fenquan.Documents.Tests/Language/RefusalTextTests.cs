using System.Globalization;
using System.Text.RegularExpressions;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Documents.Language;

namespace Fenquan.Documents.Tests.Language;

/// <summary>
/// Refusals worded from their key and arguments in zh-CN (the default) and en: the core's refusals,
/// its steps of a route and its policy check, as a county official reads them.
/// </summary>
public sealed partial class RefusalTextTests
{
    private static readonly RefusalText Text = RefusalText.Shared;

    [Fact]
    public void AnAmountRefusal_ReadsInChinese_WithTheAmountAndNoEnglish()
    {
        using var _ = new UiCulture("zh-CN");
        var refusal = MatterRules.CheckAmount(MatterKind.Expense, -3000m).Refusal!;

        var message = Text.Message(refusal);

        Assert.Equal("金额 -3,000.00 为负数。", message);
        Assert.Equal("规则 R4（小额开支）：金额 -3,000.00 为负数。", Text.WithRule(refusal));
    }

    [Fact]
    public void TheSameRefusal_ReadsInEnglish_WhenTheCultureIsEnglish()
    {
        using var _ = new UiCulture("en-US");
        var refusal = MatterRules.CheckAmount(MatterKind.Expense, -3000m).Refusal!;

        Assert.Equal("The amount -3,000.00 is negative.", Text.Message(refusal));
        Assert.Equal("Rule R4 (Small expenses): The amount -3,000.00 is negative.", Text.WithRule(refusal));
    }

    [Fact]
    public void NamedArguments_GoWhereTheChineseTemplatePutsThem()
    {
        using var _ = new UiCulture("zh-CN");
        var refusal = PersonNumbers.NormaliseStaffNumber("A B!").Refusal!;

        Assert.Equal("R1.InvalidStaffNumber", refusal.Key);
        Assert.Equal("“A B!”不是有效的工号：最多 40 位字母、数字或连字符。", Text.Message(refusal));
    }

    // A refused budget approval sheet names every problem by row and column in the reader's language:
    // no code, an unknown code, a code twice, no amount and a bad amount (R5's import, all or nothing).
    [Theory]
    [InlineData("zh-CN", "未导入任何数据：表格有 5 处问题：第 2 行“经济分类科目编码”：未填写科目编码；第 3 行“经济分类科目编码”：99999 不是政府收支分类的经济分类科目编码；第 4 行“经济分类科目编码”：30201 已在第 1 行出现；第 4 行“预算金额（元）”：未填写金额；第 5 行“预算金额（元）”：“12.345”不是以元为单位、精确到分、不小于零的金额。")]
    [InlineData("en", "Nothing was imported: the sheet has 5 problem(s): row 2, 经济分类科目编码: no code; row 3, 经济分类科目编码: 99999 is not an economic classification code; row 4, 经济分类科目编码: 30201 is already on row 1; row 4, 预算金额（元）: no amount; row 5, 预算金额（元）: \"12.345\" is not an amount in yuan to the fen, not below zero.")]
    public void ABudgetSheetsProblems_AreEachSaidInTheReadersLanguage(string culture, string expected)
    {
        using var _ = new UiCulture(culture);
        var (lines, problems) = Fenquan.Core.Finance.BudgetSheet.Check(
        [
            new(1, "30201", "办公费", "12,000.00"),
            new(2, "", "印刷费", "800"),
            new(3, "99999", "无此科目", "100"),
            new(4, "30201", "办公费", ""),
            new(5, "30211", "差旅费", "12.345"),
        ]);

        Assert.Empty(lines);
        var message = Text.Message(Fenquan.Core.Finance.BudgetSheet.Refused(problems));
        Assert.Equal(expected, message);
        if (culture == "zh-CN")
        {
            Assert.DoesNotMatch("[A-Za-z]{3,}", message);
        }
    }

    // A problem list the texts do not know (here an amount text that breaks the row pattern) stays as the core wrote it.
    [Fact]
    public void AProblemListThatIsNotRecognised_StaysAsWritten()
    {
        using var _ = new UiCulture("zh-CN");
        Assert.Null(Text.SheetProblems("row 2, 预算金额（元）: something else entirely"));
        Assert.Null(Text.SheetProblems("not a list"));
    }

    [Theory]
    [InlineData("zh-CN", "第 2 步（分管副职审批）")]
    [InlineData("en", "step 2 (approval by the deputy in charge)")]
    public void AStepOfARoute_IsSaidAsPeopleSayIt_NotAsCode(string culture, string expected)
    {
        using var _ = new UiCulture(culture);
        var position = new StepPosition(1, 3, new RouteStep(StepKind.Approve, ActorSpec.DeputyInCharge)).ToString();

        Assert.Equal("step 2 of 3 (Approve(DeputyInCharge))", position);
        Assert.Equal(expected, Text.Value(position));
    }

    [Fact]
    public void TeamStepsAndNamedRoles_HaveTheirOwnWords()
    {
        using var _ = new UiCulture("zh-CN");

        Assert.Equal("班子集体研究决定", Text.Value(new RouteStep(StepKind.CollectiveDecision, ActorSpec.Team).ToString()));
        Assert.Equal("向班子通报", Text.Value(new RouteStep(StepKind.InformTeam, ActorSpec.Team).ToString()));
        Assert.Equal("第 1 步（办公室审核）", Text.Value(new StepPosition(0, 2, new RouteStep(StepKind.Review, ActorSpec.Of(Role.OfficeReviewer))).ToString()));
        Assert.Equal("第 3 步（正职同意）", Text.Value(new StepPosition(2, 4, new RouteStep(StepKind.Consent, ActorSpec.Principal)).ToString()));
    }

    [Fact]
    public void StatesAreasAndAgendaItems_AreTranslated_NamesAreNot()
    {
        using var _ = new UiCulture("zh-CN");

        Assert.Equal("已批准", Text.Value("Approved"));
        Assert.Equal("物资采购", Text.Value("Procurement"));
        Assert.Equal("第 2 项议题（购置办公桌椅）", Text.Value("item 2 (购置办公桌椅)"));
        Assert.Equal("超过 1/2", Text.Value("more than 1/2"));
        Assert.Equal("王建国", Text.Value("王建国"));
        Assert.Equal("批准", Text.Value("approve"));
    }

    [Fact]
    public void NotFound_SaysNothingOfTheObject_AndAnUnkeyedInvalid_KeepsItsReason()
    {
        using var _ = new UiCulture("zh-CN");

        Assert.Equal("未找到该对象，或您无权查看。", Text.Message(Refusal.NotFound("Matter 0192f0a4-0000-7000-8000-000000000000")));
        Assert.Equal("原因", Text.Message(Refusal.Invalid("原因")));
        Assert.Null(Text.RuleLabel(Refusal.InvalidId));
    }

    [Fact]
    public void APolicyCheckFailure_ReadsInChinese_WithItsCounterexample()
    {
        using var _ = new UiCulture("zh-CN");
        var policy = DefaultPolicy.Create(DefaultPolicy.ExampleLimits, CountyBounds.Default);
        var broken = policy with { Rules = [.. policy.Rules.Skip(1)] };

        var failures = PolicyVerifier.Verify(broken, CountyBounds.Default).Failures;
        var worded = failures.Select(Text.Failure).ToList();

        Assert.NotEmpty(worded);
        Assert.All(failures, f => Assert.NotNull(f.Message));
        Assert.Contains(worded, w => w.Contains("没有任何规则为该事项安排审批路径", StringComparison.Ordinal) && w.Contains("反例：财务·", StringComparison.Ordinal));
        Assert.All(worded, w => Assert.Empty(EnglishWords(w)));
    }

    [Fact]
    public void EveryRule_HasAShortName_InBothLanguages()
    {
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            using var _ = new UiCulture(culture);
            Assert.All(RuleCatalog.Rules, rule => Assert.False(string.IsNullOrWhiteSpace(Text.RuleName(rule.Id)), rule.Id + " in " + culture));
        }

        using (new UiCulture("zh-CN"))
        {
            Assert.Equal("规则 R43（集体决策）", Text.RuleLabel("R43"));
        }
    }

    /// <summary>Runs of three or more Latin letters, other than rule ids and the words a Chinese text may keep (JSON, PDF).</summary>
    private static List<string> EnglishWords(string text) =>
        LatinWord().Matches(text).Select(m => m.Value).Where(w => w is not ("JSON" or "PDF" or "none")).ToList();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex LatinWord();

    /// <summary>Sets the UI culture for one test and restores it.</summary>
    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _before = CultureInfo.CurrentUICulture;

        public UiCulture(string name) => CultureInfo.CurrentUICulture = new CultureInfo(name);

        public void Dispose() => CultureInfo.CurrentUICulture = _before;
    }
}
