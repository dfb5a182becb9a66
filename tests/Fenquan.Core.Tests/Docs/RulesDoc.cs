using System.Text;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Docs;

/// <summary>
/// docs/rules.md, made from <see cref="RuleCatalog"/> and a <see cref="RuleScanner.Scan"/> of the
/// repository: one row per rule with the files that refuse with it and the tests that carry its
/// trait. Pure and deterministic: the same scan gives the same text.
/// </summary>
public static class RulesDoc
{
    /// <summary>The document's path from the repository root.</summary>
    public const string Path = "docs/rules.md";

    /// <summary>The environment variable that makes the up-to-date test write the document instead of comparing.</summary>
    public const string WriteVariable = "FENQUAN_WRITE_RULES_DOC";

    /// <summary>The one-line command that regenerates the document.</summary>
    public const string RegenerateCommand = WriteVariable + "=1 dotnet test --project tests/Fenquan.Core.Tests -- --filter-method '*.RulesDoc_IsUpToDate'";

    // Test projects in the order of the layout (the core first), then any other in name order.
    private static readonly string[] ProjectOrder = ["Fenquan.Core.Tests", "Fenquan.Data.Tests", "Fenquan.Documents.Tests", "Fenquan.Web.Tests", "Fenquan.Cli.Tests"];

    public static string Render(RuleScanner.Scan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var text = new StringBuilder();
        text.Append(Header);
        text.Append("| Rule | What it says | Where enforced | Tests |\n");
        text.Append("|---|---|---|---|\n");
        foreach (var rule in RuleCatalog.Rules)
        {
            var enforced = Enforcement(rule.Id, scan);
            var tests = Tests(rule.Id, scan);
            var says = rule.Chinese is null ? rule.Title : rule.Title + " (" + rule.Chinese + ")";
            text.Append("| **").Append(rule.Id).Append("** | ").Append(says).Append(" | ")
                .Append(enforced.Length == 0 && tests.Length == 0 ? "Not yet" : enforced.Length == 0 ? "No refusal or citation in src/" : enforced)
                .Append(" | ").Append(tests.Length == 0 && enforced.Length > 0 ? "None" : tests).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The ids refusals in src/ and <c>Rule</c> traits in tests/ name that the catalogue does not
    /// know, and the refusals whose id the scanner could not resolve; each says where. Empty when all is well.
    /// </summary>
    public static IReadOnlyList<string> Problems(RuleScanner.Scan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return scan.Refusals.Where(r => !RuleCatalog.IsKnown(r.RuleId)).Select(r => $"{r.Path}: a refusal names {r.RuleId}, which is not in RuleCatalog")
            .Concat(scan.Tests.Where(t => RuleCatalog.Find(t.RuleId) is null).Select(t => $"{t.Path}: {t.Method ?? t.Class} carries Trait(\"Rule\", \"{t.RuleId}\"), which is not in RuleCatalog"))
            .Concat(scan.Unresolved.Select(u => $"{u.Path}: a refusal takes its rule id from `{u.Expression}`, which the scanner cannot resolve; add it to RuleScanner.Helpers"))
            .Distinct()
            .ToList();
    }

    private static string Enforcement(string id, RuleScanner.Scan scan)
    {
        var refusals = scan.Refusals.Where(r => r.RuleId == id).ToList();
        var refusing = refusals.Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        var groups = refusals.GroupBy(r => r.Path).OrderBy(g => ProjectRank(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .GroupBy(g => ProjectOf(g.Key))
            .Select(project => "**" + project.Key + "** " + string.Join(" · ", project.Select(file =>
            {
                var keys = string.Join(", ", file.Select(r => "`" + r.Key + "`").Distinct().Order(StringComparer.Ordinal));
                var via = file.Select(r => r.Via).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
                return Link(file.Key) + " " + keys + (via.Count == 0 ? "" : " (via " + string.Join(", ", via.Select(v => "`" + v + "`")) + ")");
            })));
        var parts = groups.ToList();
        var inCode = Cited(scan.Citations.Where(c => c.RuleId == id && c.InCode && !refusing.Contains(c.Path)));
        if (inCode.Count > 0)
        {
            parts.Add("also cited in " + string.Join(", ", inCode.Select(Link)));
        }

        // Comments are read only where the code neither refuses with the rule nor cites it.
        var inComments = parts.Count > 0 ? [] : Cited(scan.Citations.Where(c => c.RuleId == id && !c.InCode));
        if (inComments.Count > 0)
        {
            parts.Add("no refusal; cited in comments in " + string.Join(", ", inComments.Select(Link)));
        }

        return string.Join(" ", parts);
    }

    private static List<string> Cited(IEnumerable<RuleScanner.Citation> citations) =>
        citations.Select(c => c.Path).Distinct().OrderBy(ProjectRank).ThenBy(p => p, StringComparer.Ordinal).ToList();

    private static string Tests(string id, RuleScanner.Scan scan) =>
        string.Join(" ", scan.Tests.Where(t => t.RuleId == id)
            .GroupBy(t => t.Project)
            .OrderBy(g => Array.IndexOf(ProjectOrder, g.Key) is var i && i >= 0 ? i : ProjectOrder.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(project => "**" + ShortName(project.Key) + "** " + string.Join(" · ", project
                .GroupBy(t => t.Path).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(file => "[" + System.IO.Path.GetFileNameWithoutExtension(file.Key) + "](../" + file.Key + ") "
                    + string.Join(", ", file.Select(t => t.Method is null ? "(whole class)" : "`" + t.Method + "`").Distinct())))));

    private static string Link(string path) => "[" + System.IO.Path.GetFileName(path) + "](../" + path + ")";

    /// <summary>src/Fenquan.Core/… → Core.</summary>
    private static string ProjectOf(string path) => ShortName(path.Split('/')[1]);

    private static int ProjectRank(string path) => Array.IndexOf(ProjectOrder, path.Split('/')[1] + ".Tests") is var i && i >= 0 ? i : ProjectOrder.Length;

    private static string ShortName(string project) => project.Replace("Fenquan.", "", StringComparison.Ordinal).Replace(".Tests", "", StringComparison.Ordinal);

    private static string Header => $"""
        # Rules: where each is enforced and which tests check it

        Generated from the code; do not edit by hand. One row per rule of SPEC.md (R1–R33 and R40–R47;
        R34–R39 do not exist), titled as in [RuleCatalog.cs](../src/Fenquan.Core/Primitives/RuleCatalog.cs).
        Rules marked [design] in SPEC.md are configurable: county bounds in
        [CountyBounds.cs](../src/Fenquan.Core/Organization/CountyBounds.cs), quorum and majority in
        [DecisionRules.cs](../src/Fenquan.Core/Meetings/DecisionRules.cs), limits and routes in each unit's
        policy ([policy-format.md](policy-format.md)).

        - **Where enforced**: the src/ files whose refusals name the rule, with their message keys.
          A refusal is `Refusal.Because("R43", "Name", …)` (key `R43.Name`), `new Refusal("R43", …)`,
          `Result<T>.Refused("R43", …)` or `Outcome.Refused("R43", …)` (key `R43.Unnamed`); its id may
          come through a constant, a local or a helper (`via`), listed in
          [RuleScanner.cs](../tests/Fenquan.Core.Tests/Docs/RuleScanner.cs). "Also cited in": files that
          name the rule in a string (a route's or a policy check's citation) without refusing with it.
          Where the code neither refuses with a rule nor names it, the files whose comments cite it.
        - **Tests**: the test methods carrying `[Trait("Rule", "R43")]`, by test project; "(whole class)"
          when the trait is on the class. Run the tests of one rule with
          `dotnet test -- --filter-trait "Rule=R6"` (xunit.v3 on Microsoft.Testing.Platform; every test
          project, or one with `--project tests/Fenquan.Core.Tests` before the `--`).
        - Refusal ids that are not rules: {string.Join(", ", RuleCatalog.NonRuleIds.Select(i => "`" + i + "`"))}.

        `RulesDocTests` (tests/Fenquan.Core.Tests/Docs) fails when this file differs from the code, or
        when a refusal or a test names an id the catalogue does not know. Regenerate with
        `scripts/rules-doc.sh`, that is:

        ```sh
        {RegenerateCommand}
        ```


        """.ReplaceLineEndings("\n");
}
