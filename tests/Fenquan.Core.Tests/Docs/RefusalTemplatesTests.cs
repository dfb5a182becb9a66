using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Fenquan.Core.Tests.Docs;

/// <summary>
/// Every refusal key in the code has a Chinese and an English template in
/// src/Fenquan.Documents/Resources/RefusalResource*.resx, with the same placeholders as the core's
/// English: the keys are enumerated from the code as docs/rules.md enumerates them (RuleScanner).
/// </summary>
public class RefusalTemplatesTests
{
    private const string Resources = "src/Fenquan.Documents/Resources/";

    [Fact]
    public void EveryRefusalKeyInTheCode_HasAChineseAndAnEnglishTemplate_WithTheCoresPlaceholders()
    {
        var root = RepoSources.Root();
        var sites = RuleScanner.Templates(RepoSources.Read(root));
        var chinese = ReadResx(Path.Combine(root, Resources, "RefusalResource.resx"));
        var english = ReadResx(Path.Combine(root, Resources, "RefusalResource.en.resx"));

        Assert.True(sites.Count > 400, $"only {sites.Count} Refusal.Because calls found: the scanner lost them");
        Assert.Contains(sites, s => s.Keys.Contains("R43.PrincipalSpeaksLast"));
        Assert.Contains(sites, s => s.Keys.Contains("R18.SelfDeclared"));
        Assert.Contains(sites, s => s.Keys.Contains("R4.NegativeAmount"));
        Assert.Empty(Problems(sites, chinese, english));
    }

    [Fact]
    public void TheCheck_ReportsAMissingTemplate_AndPlaceholdersThatDiffer()
    {
        var sites = RuleScanner.Templates(
        [
            new("src/Fenquan.Core/Sample/Sample.cs", "a = Refusal.Because(\"R43\", \"Speaks\", \"{speaker} speaks last.\", (\"speaker\", who));\n"
                + "b = Refusal.Because(MatterRules.AreaRule(Area), \"Negative\", \"The amount {amount} is negative.\", RefusalArgument.Amount(\"amount\", x));\n"
                + "c = Refusal.Because(\"R6\", \"Missing\", \"Nobody.\");\n"),
        ]);
        var chinese = new Dictionary<string, string> { ["R43.Speaks"] = "{person}最后表态。", ["Any.Negative"] = "金额 {amount} 为负数。" };
        var english = new Dictionary<string, string> { ["R43.Speaks"] = "{speaker} speaks last.", ["Any.Negative"] = "The amount {amount} is negative.", ["R6.Missing"] = "Nobody." };

        var problems = Problems(sites, chinese, english);

        Assert.Equal(["R4.Negative", "R10.Negative", "R16.Negative", "R19.Negative", "R23.Negative", "R3.Negative"], sites[1].Keys);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("R43.Speaks", StringComparison.Ordinal) && p.Contains("{person}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("R6.Missing", StringComparison.Ordinal) && p.Contains("zh", StringComparison.Ordinal));
    }

    /// <summary>What is wrong with the templates for these sites: each key looked up as the renderer does (the key, else Any. and the name).</summary>
    private static List<string> Problems(IReadOnlyList<RuleScanner.TemplateSite> sites, IReadOnlyDictionary<string, string> chinese, IReadOnlyDictionary<string, string> english)
    {
        var problems = new List<string>();
        foreach (var site in sites)
        {
            if (site.English.Length == 0 || site.Keys.Count == 0)
            {
                problems.Add($"{site.Path}: Refusal.Because named {site.Name} has no literal English template or no rule id the scanner can read");
                continue;
            }

            foreach (var key in site.Keys)
            {
                foreach (var (language, templates) in new[] { ("zh", chinese), ("en", english) })
                {
                    var dot = key.IndexOf('.', StringComparison.Ordinal);
                    var template = templates.GetValueOrDefault(key) ?? templates.GetValueOrDefault("Any." + key[(dot + 1)..]);
                    if (template is null)
                    {
                        problems.Add($"{site.Path}: {key} has no {language} template");
                        continue;
                    }

                    var placeholders = Regex.Matches(template, @"\{(\w+)\}").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
                    if (!placeholders.SequenceEqual(site.Placeholders))
                    {
                        problems.Add($"{site.Path}: the {language} template of {key} has {{{string.Join("} {", placeholders)}}}, the core's has {{{string.Join("} {", site.Placeholders)}}}");
                    }
                }
            }
        }

        return problems.Distinct().ToList();
    }

    /// <summary>
    /// Files whose <c>Refusal.Invalid(reason)</c> passes on words it did not write: a JSON parser's or
    /// a multipart reader's message, ASP.NET Identity's password rules, a policy file's parse refusal.
    /// Every other input refusal has a key (or is worded from a page's own resources), so it reads in
    /// the viewer's language.
    /// </summary>
    private static readonly string[] PassesOnOthersWords =
    [
        "src/Fenquan.Core/CountyChanges/CountyChangePayload.cs",
        "src/Fenquan.Core/CountyChanges/RegisterJson.cs",
        "src/Fenquan.Web/Accounts/FirstSignInCodes.cs",
        "src/Fenquan.Web/Api/Problems.cs",
        "src/Fenquan.Web/Attachments/ClientBodyStream.cs",
        "src/Fenquan.Web/Policy/PolicyService.cs",
    ];

    [Fact]
    public void EveryInputRefusalInTheCode_HasAKey_OrIsWordedFromThePagesResources()
    {
        var unkeyed = Unkeyed(RepoSources.Read(RepoSources.Root()));

        Assert.Empty(unkeyed);
    }

    [Fact]
    public void TheUnkeyedCheck_FindsAnEnglishInputRefusal_AndLetsAPagesOwnWordsPass()
    {
        var unkeyed = Unkeyed(
        [
            new("src/Fenquan.Core/Sample/Sample.cs", "a = Refusal.Invalid(\"A payment's amount is above zero.\");\nb = Refusal.Because(Refusal.InvalidId, \"PaymentAmount\", \"A payment's amount is above zero.\");\n"),
            new("src/Fenquan.Web/Pages/Sample.cshtml.cs", "Show(Core.Primitives.Refusal.Invalid(Text[\"New.BadAmount\"]));\nShow(Refusal.Invalid(financeText[\"Budget.ChooseFile\"]));\n"),
            new("src/Fenquan.Web/Api/Problems.cs", "x => Refusal.Invalid(json.Message),\n"),
        ]);

        Assert.Equal(["src/Fenquan.Core/Sample/Sample.cs:1"], unkeyed);
    }

    /// <summary>Where src/ refuses input with words of its own and no key: a path and line for each.</summary>
    private static List<string> Unkeyed(IEnumerable<RuleScanner.SourceFile> files) =>
        files.Where(f => f.Path.StartsWith("src/", StringComparison.Ordinal) && f.Path.EndsWith(".cs", StringComparison.Ordinal) && !PassesOnOthersWords.Contains(f.Path))
            .SelectMany(f => Regex.Matches(f.Text, @"\bRefusal\.Invalid\((?!\w*[Tt]ext\[)")
                .Select(m => $"{f.Path}:{f.Text.AsSpan(0, m.Index).Count('\n') + 1}"))
            .ToList();

    [Fact]
    public void TheRefusalResources_NameEachEntryOnce_IgnoringCase()
    {
        // The resource compiler drops an entry whose name differs from another only in case.
        foreach (var file in new[] { "RefusalResource.resx", "RefusalResource.en.resx" })
        {
            var names = XDocument.Load(Path.Combine(RepoSources.Root(), Resources, file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!);
            Assert.Empty(names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
        }
    }

    private static Dictionary<string, string> ReadResx(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);
}
