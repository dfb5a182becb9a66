using System.Text.RegularExpressions;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Docs;

/// <summary>
/// docs/rules.md is the code's own account of where each rule is enforced and tested: it is
/// regenerated here and must match, and every rule id a refusal or a test names must be a rule.
/// </summary>
public class RulesDocTests
{
    [Fact]
    public void RulesDoc_IsUpToDate()
    {
        var root = RepoSources.Root();
        var expected = RulesDoc.Render(RuleScanner.Read(RepoSources.Read(root)));
        var path = Path.Combine(root, RulesDoc.Path);
        if (Environment.GetEnvironmentVariable(RulesDoc.WriteVariable) == "1")
        {
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (actual != expected)
        {
            var line = FirstDifference(expected, actual);
            Assert.Fail($"{RulesDoc.Path} differs from the code (first at line {line}). Regenerate it with: scripts/rules-doc.sh, i.e. {RulesDoc.RegenerateCommand}");
        }
    }

    [Fact]
    public void EveryRuleIdCitedByATestOrARefusal_IsInTheTable()
    {
        var scan = RuleScanner.Read(RepoSources.Read(RepoSources.Root()));

        Assert.NotEmpty(scan.Refusals);
        Assert.NotEmpty(scan.Tests);
        Assert.Empty(RulesDoc.Problems(scan));
    }

    [Fact]
    public void TheChecker_ReportsAMadeUpId_InARefusalAndInATrait_NamingTheFile()
    {
        var scan = RuleScanner.Read(
        [
            new("src/Fenquan.Core/Sample/Sample.cs", "return Outcome.Refused(\"R99\", \"No such rule.\");"),
            new("tests/Fenquan.Core.Tests/SampleTests.cs", "public class SampleTests\n{\n    [Fact]\n    [Trait(\"Rule\", \"R99\")]\n    public void Sample() { }\n}\n"),
        ]);

        var problems = RulesDoc.Problems(scan);

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("src/Fenquan.Core/Sample/Sample.cs:", StringComparison.Ordinal) && p.Contains("R99", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("tests/Fenquan.Core.Tests/SampleTests.cs:", StringComparison.Ordinal) && p.Contains("Sample carries", StringComparison.Ordinal));
    }

    [Fact]
    public void TheChecker_ReportsARefusalWhoseIdItCannotResolve()
    {
        var scan = RuleScanner.Read([new("src/Fenquan.Core/Sample/Sample.cs", "return Outcome.Refused(SomeoneElses.Choice(x), \"Why.\");")]);

        var problem = Assert.Single(RulesDoc.Problems(scan));
        Assert.Contains("SomeoneElses.Choice(x)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheChecker_AcceptsTheIdsThatAreNotRules()
    {
        var scan = RuleScanner.Read(
        [
            new("src/Fenquan.Core/Primitives/Result.cs", "public sealed record Refusal(string RuleId, string Reason)\n{\n    public const string NotFoundId = \"NotFound\";\n}\n"),
            new("src/Fenquan.Web/Api/Problems.cs", "public static class Problems\n{\n    public const string ScopeId = \"Scope\";\n}\n"),
            new("src/Fenquan.Core/Sample/Sample.cs", "a = Outcome.Refused(Refusal.NotFoundId, \"x\");\nb = new Refusal(Problems.ScopeId, \"y\");\n"),
        ]);

        Assert.Equal(["NotFound", "Scope"], scan.Refusals.Select(r => r.RuleId).Order(StringComparer.Ordinal));
        Assert.Empty(RulesDoc.Problems(scan));
    }

    [Fact]
    public void Scanner_ReadsABecauseRefusal_WithItsKey()
    {
        var scan = RuleScanner.Read([new("src/Fenquan.Core/Meetings/Sample.cs", "return Refusal.Because(\n    \"R43\",\n    \"PrincipalSpeaksLast\",\n    \"{speaker} speaks last.\", (\"speaker\", who));")]);

        var refusal = Assert.Single(scan.Refusals);
        Assert.Equal(new RuleScanner.RefusalSite("src/Fenquan.Core/Meetings/Sample.cs", "R43", "R43.PrincipalSpeaksLast", null), refusal);
    }

    [Fact]
    public void Scanner_ReadsOutcomeAndResultRefusals_AsUnnamed_AndIgnoresCommentsAndPassedOnRefusals()
    {
        var text = "return Outcome.Refused(\"R6\", \"Nobody approves their own matter.\");\n"
            + "return Result<Matter>.Refused(\"R42\", \"Denied\");\n"
            + "// return Outcome.Refused(\"R41\", \"commented out\"); every rule R1…R47\n"
            + "return Result<Matter>.Refused(other.Refusal!);\n"
            + "var url = \"https://example.org\"; return new Refusal(\"R7\", \"x\");\n";

        var scan = RuleScanner.Read([new("src/Fenquan.Core/Matters/Sample.cs", text)]);

        Assert.Equal(["R42.Unnamed", "R6.Unnamed", "R7.Unnamed"], scan.Refusals.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Contains(new RuleScanner.Citation("src/Fenquan.Core/Matters/Sample.cs", "R41", false), scan.Citations);
        Assert.DoesNotContain(scan.Citations, c => c.RuleId is "R1" or "R47");
    }

    [Fact]
    public void Scanner_ResolvesConstantsLocalsAndHelpers()
    {
        var text = "public static class Sample\n{\n    private const string Rule = \"R44\";\n"
            + "    void A() { var rule = x ? MatterRules.AreaRule(area) : \"R3\"; return Outcome.Refused(rule, \"a\"); }\n"
            + "    void B() => Outcome.Refused(Rule, \"b\");\n"
            + "    void C() => Refusal.Because(tally.Rule, \"NoQuorum\", \"c\");\n}\n";

        var scan = RuleScanner.Read([new("src/Fenquan.Core/Sample/Sample.cs", text)]);

        Assert.Empty(scan.Unresolved);
        Assert.Equal(["R10", "R16", "R19", "R23", "R3", "R4"], scan.Refusals.Where(r => r.Key.EndsWith(".Unnamed", StringComparison.Ordinal) && r.RuleId != "R44").Select(r => r.RuleId).Order(StringComparer.Ordinal));
        Assert.Contains(scan.Refusals, r => r.Key == "R44.Unnamed" && r.Via is null);
        Assert.Equal(["R11.NoQuorum", "R43.NoQuorum"], scan.Refusals.Where(r => r.Via == "Rule").Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scanner_ReadsAMethodTrait_AndAClassTrait()
    {
        var methodLevel = "namespace X;\n\npublic class MatterActTests\n{\n    [Fact]\n    [Trait(\"Rule\", \"R6\")]\n    [Trait(\"Rule\", \"R7\")]\n    public void Approve_OwnMatter_IsRefused()\n    {\n    }\n\n    [Theory]\n    [InlineData(1)]\n    public async Task NotTagged(int x) { }\n}\n";
        var classLevel = "namespace X;\n\n/// <summary>R43 everywhere.</summary>\n[Trait(\"Rule\", \"R43\")]\n[Collection(\"Meetings\")]\npublic sealed partial class MeetingTests(Fixture fixture)\n{\n    [Fact]\n    public void Quorum() { }\n}\n";

        var scan = RuleScanner.Read(
        [
            new("tests/Fenquan.Core.Tests/Matters/MatterActTests.cs", methodLevel),
            new("tests/Fenquan.Web.Tests/Meetings/MeetingTests.cs", classLevel),
        ]);

        Assert.Equal(
            [
                new RuleScanner.TestSite("tests/Fenquan.Core.Tests/Matters/MatterActTests.cs", "Fenquan.Core.Tests", "MatterActTests", "Approve_OwnMatter_IsRefused", "R6"),
                new RuleScanner.TestSite("tests/Fenquan.Core.Tests/Matters/MatterActTests.cs", "Fenquan.Core.Tests", "MatterActTests", "Approve_OwnMatter_IsRefused", "R7"),
                new RuleScanner.TestSite("tests/Fenquan.Web.Tests/Meetings/MeetingTests.cs", "Fenquan.Web.Tests", "MeetingTests", null, "R43"),
            ],
            scan.Tests);
        var doc = RulesDoc.Render(scan);
        Assert.Contains("| **R6** |", doc, StringComparison.Ordinal);
        Assert.Contains("**Core** [MatterActTests](../tests/Fenquan.Core.Tests/Matters/MatterActTests.cs) `Approve_OwnMatter_IsRefused`", doc, StringComparison.Ordinal);
        Assert.Contains("**Web** [MeetingTests](../tests/Fenquan.Web.Tests/Meetings/MeetingTests.cs) (whole class)", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesDoc_HasOneRowPerRule_AndNotYetWhereNothingIsFound()
    {
        var doc = RulesDoc.Render(RuleScanner.Read([]));

        foreach (var rule in RuleCatalog.Rules)
        {
            Assert.Contains($"| **{rule.Id}** | {rule.Title}", doc, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("| **R34** |", doc, StringComparison.Ordinal);
        Assert.Equal(RuleCatalog.Rules.Count, Regex.Matches(doc, @"\| Not yet \|").Count);
    }

    [Fact]
    public void Catalogue_HasR1ToR33AndR40ToR47_Once()
    {
        string[] expected = [.. Enumerable.Range(1, 33).Concat(Enumerable.Range(40, 8)).Select(n => "R" + n)];

        Assert.Equal(expected, RuleCatalog.Rules.Select(r => r.Id));
        Assert.All(RuleCatalog.NonRuleIds, id => Assert.Null(RuleCatalog.Find(id)));
    }

    [Fact]
    public void EveryHelperId_IsWrittenInTheFilesTheHelperListNames()
    {
        var root = RepoSources.Root();
        foreach (var helper in RuleScanner.Helpers)
        {
            Assert.Contains(helper.Name, File.ReadAllText(Path.Combine(root, helper.DefinedIn)), StringComparison.Ordinal);
            var written = string.Concat(helper.IdsWrittenIn.Select(p => File.ReadAllText(Path.Combine(root, p))));
            Assert.All(helper.Ids, id => Assert.Contains("\"" + id + "\"", written, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EveryLinkInTheDoc_PointsAtAFileOfTheRepository()
    {
        var root = RepoSources.Root();
        var doc = RulesDoc.Render(RuleScanner.Read(RepoSources.Read(root)));

        foreach (Match link in Regex.Matches(doc, @"\]\((?<path>[^)#]+)\)"))
        {
            var path = Path.GetFullPath(Path.Combine(root, "docs", link.Groups["path"].Value));
            Assert.True(File.Exists(path), "docs/rules.md links to a missing file: " + link.Groups["path"].Value);
        }
    }

    private static int FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i])
        {
            i++;
        }

        return i + 1;
    }
}
