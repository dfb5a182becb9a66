using System.Text;
using System.Text.RegularExpressions;

namespace Fenquan.Core.Tests.Docs;

/// <summary>
/// Reads the repository's C# text for rule ids: the refusals in src/ that name them, the files that
/// cite them in a comment or a string, and the tests that carry a <c>[Trait("Rule", "Rxx")]</c>.
/// Pure: text in, sites out, in a stable order.
/// </summary>
/// <remarks>
/// Regular expressions, not Roslyn: Microsoft.CodeAnalysis.CSharp is not referenced by the repository
/// and would be a heavy dependency for a document, and the forms a refusal takes are few and regular.
/// What a regular expression cannot see — an id returned by a helper — is written out in
/// <see cref="Helpers"/>, and an id expression that is neither a literal, a constant, a local nor a
/// known helper is reported in <see cref="Scan.Unresolved"/>, so that a new form fails the check
/// instead of going missing from the table.
/// </remarks>
public static partial class RuleScanner
{
    /// <summary>One file of the repository: its path from the root with '/' separators, and its text.</summary>
    public sealed record SourceFile(string Path, string Text);

    /// <summary>A refusal in src/ naming <paramref name="RuleId"/> with the message key <paramref name="Key"/>; <paramref name="Via"/> names the helper the id came through.</summary>
    public sealed record RefusalSite(string Path, string RuleId, string Key, string? Via);

    /// <summary>A test carrying the rule's trait: <paramref name="Method"/> is null when the trait is on the class.</summary>
    public sealed record TestSite(string Path, string Project, string Class, string? Method, string RuleId);

    /// <summary>A src/ file that names the rule in a string literal (<paramref name="InCode"/>: a route's or a policy check's citation) or in a comment.</summary>
    public sealed record Citation(string Path, string RuleId, bool InCode);

    /// <summary>A refusal whose rule id expression the scanner could not resolve.</summary>
    public sealed record UnresolvedSite(string Path, string Expression);

    /// <summary>Everything found, each list in a stable order.</summary>
    public sealed record Scan(
        IReadOnlyList<RefusalSite> Refusals,
        IReadOnlyList<TestSite> Tests,
        IReadOnlyList<Citation> Citations,
        IReadOnlyList<UnresolvedSite> Unresolved);

    /// <summary>A member that returns a rule id computed at run time, the ids it can return, and the files those ids are written in.</summary>
    public sealed record Helper(string Name, string DefinedIn, IReadOnlyList<string> Ids, IReadOnlyList<string> IdsWrittenIn);

    /// <summary>
    /// The helpers a refusal takes its id from, matched by the member's name (the last part of the
    /// expression: <c>MatterRules.AreaRule(Area)</c> is <c>AreaRule</c>). Keep in step with the code;
    /// a test checks that every id listed is written in one of the files named.
    /// </summary>
    public static IReadOnlyList<Helper> Helpers { get; } =
    [
        // The rule of the area's deputy in charge, cited when the wrong person acts.
        new("AreaRule", "src/Fenquan.Core/Matters/MatterRules.cs", ["R4", "R10", "R16", "R19", "R23", "R3"], ["src/Fenquan.Core/Matters/MatterRules.cs"]),

        // ItemTally.Rule: R11 for a personnel item, R43 otherwise.
        new("Rule", "src/Fenquan.Core/Meetings/DecisionRules.cs", ["R11", "R43"], ["src/Fenquan.Core/Meetings/DecisionRules.cs"]),

        // Matter.ExternalRule: the hand-off's rule, R20 for construction and R18 for procurement.
        new("ExternalRule", "src/Fenquan.Core/Matters/Matter.cs", ["R18", "R20"], ["src/Fenquan.Core/Matters/Matter.cs"]),

        // Matter.RouteRule: the first rule the matter's route cites (a unit's policy; these are the
        // default policy's first citations), else the area's rule.
        new("RouteRule", "src/Fenquan.Core/Matters/Matter.cs",
            ["R2", "R4", "R5", "R6", "R11", "R16", "R17", "R18", "R19", "R20", "R23", "R24", "R31", "R3", "R10"],
            ["src/Fenquan.Core/Policy/DefaultPolicy.cs", "src/Fenquan.Core/Matters/MatterRules.cs"]),
    ];

    /// <summary>
    /// Parameters that carry an id their caller chose, by file (the refusal factories): the id is
    /// counted where the caller writes it.
    /// </summary>
    private static readonly string[] PassThrough = ["src/Fenquan.Core/Primitives/Result.cs:ruleId"];

    /// <summary>The catalogue names every id: it is neither a refusal nor a citation.</summary>
    private const string CataloguePath = "src/Fenquan.Core/Primitives/RuleCatalog.cs";

    /// <summary>Finds the refusals, citations and tests in <paramref name="files"/> (src/ and tests/ paths; others are ignored).</summary>
    public static Scan Read(IEnumerable<SourceFile> files)
    {
        var refusals = new List<RefusalSite>();
        var tests = new List<TestSite>();
        var citations = new List<Citation>();
        var unresolved = new List<UnresolvedSite>();
        var sources = files.Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => f with { Text = f.Text.ReplaceLineEndings("\n") })
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var src = sources.Where(f => f.Path.StartsWith("src/", StringComparison.Ordinal)).ToList();
        var constants = Constants(src);
        foreach (var file in src)
        {
            if (file.Path == CataloguePath)
            {
                continue;
            }

            var (code, comments) = Split(file.Text);
            ReadRefusals(file.Path, code, constants, refusals, unresolved);
            var inCode = IdLiteral().Matches(code).Select(m => m.Groups["id"].Value).Distinct().ToList();
            citations.AddRange(inCode.Select(id => new Citation(file.Path, id, true)));
            citations.AddRange(IdInComment().Matches(comments).Select(m => m.Value).Distinct().Except(inCode).Select(id => new Citation(file.Path, id, false)));
        }

        foreach (var file in sources.Where(f => f.Path.StartsWith("tests/", StringComparison.Ordinal)))
        {
            ReadTests(file.Path, Split(file.Text).Code, tests);
        }

        return new Scan(refusals.Distinct().ToList(), tests.Distinct().ToList(), citations, unresolved.Distinct().ToList());
    }

    private static void ReadRefusals(string path, string code, Dictionary<string, string> constants, List<RefusalSite> refusals, List<UnresolvedSite> unresolved)
    {
        foreach (Match call in RefusalCall().Matches(code))
        {
            var argument = call.Groups["arg"].Value.Trim();
            var name = call.Groups["name"].Success && call.Groups["call"].Value == "Refusal.Because" ? call.Groups["name"].Value : "Unnamed";
            if (Regex.IsMatch(argument, "^\"[^\"]*\"$"))
            {
                var id = argument.Trim('"');
                refusals.Add(new RefusalSite(path, id, id + "." + name, null));
                continue;
            }

            var expression = CallArguments().Replace(argument, "");
            if (PassThrough.Contains(path + ":" + expression))
            {
                continue;
            }

            var resolved = Resolve(path, expression, argument, code, constants);
            if (resolved.Count == 0)
            {
                unresolved.Add(new UnresolvedSite(path, argument));
            }

            refusals.AddRange(resolved.Select(r => new RefusalSite(path, r.Id, r.Id + "." + name, r.Via)));
        }
    }

    /// <summary>
    /// The ids an id expression can stand for: a constant's value, a local variable's value, a
    /// helper's ids; an expression that is not a name (a conditional) stands for the ids written in it.
    /// </summary>
    private static List<(string Id, string? Via)> Resolve(string path, string expression, string argument, string code, Dictionary<string, string> constants)
    {
        if (!QualifiedName().IsMatch(expression))
        {
            return IdsIn(argument).DistinctBy(r => r.Id).ToList();
        }

        var parts = expression.Split('.');
        var member = parts[^1];
        var constantKey = parts.Length > 1 ? parts[^2] + "." + member : path + ":" + member;
        if (constants.TryGetValue(constantKey, out var value))
        {
            return [(value, null)];
        }

        if (parts.Length == 1)
        {
            // A local (var rule = …;), not an expression-bodied member (string RouteRule => …), which is a helper.
            var local = new Regex(@"\b(?:var|string)\s+" + Regex.Escape(member) + @"\s*=(?!>)\s*(?<expr>[^;]+);");
            var ids = local.Matches(code).SelectMany(m => IdsIn(m.Groups["expr"].Value)).DistinctBy(r => r.Id).ToList();
            if (ids.Count > 0)
            {
                return ids;
            }
        }

        var helper = Helpers.FirstOrDefault(h => h.Name == member);
        return helper is null ? [] : [.. helper.Ids.Select(id => (id, (string?)helper.Name))];
    }

    /// <summary>The ids written in an expression: its "Rxx" literals and the ids of the helpers it calls.</summary>
    private static IEnumerable<(string Id, string? Via)> IdsIn(string expression) =>
        IdLiteral().Matches(expression).Select(m => (m.Groups["id"].Value, (string?)null))
            .Concat(Helpers.Where(h => Regex.IsMatch(expression, @"\b" + h.Name + @"\b"))
                .SelectMany(h => h.Ids.Select(id => (id, (string?)h.Name))));

    /// <summary>
    /// String constants of src/, keyed both as <c>Type.Name</c> (the type declared last before the
    /// constant) and as <c>path:Name</c> for use inside their own file.
    /// </summary>
    private static Dictionary<string, string> Constants(IEnumerable<SourceFile> files)
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var code = Split(file.Text).Code;
            var types = TypeDeclaration().Matches(code);
            foreach (Match constant in StringConstant().Matches(code))
            {
                var name = constant.Groups["name"].Value;
                var value = constant.Groups["value"].Value;
                constants[file.Path + ":" + name] = value;
                var type = types.LastOrDefault(t => t.Index < constant.Index);
                if (type is not null)
                {
                    constants[type.Groups["name"].Value + "." + name] = value;
                }
            }
        }

        return constants;
    }

    private static void ReadTests(string path, string code, List<TestSite> tests)
    {
        var segments = path.Split('/');
        var project = segments.Length > 2 ? segments[1] : "";
        var types = TypeDeclaration().Matches(code);
        var methods = MethodDeclaration().Matches(code);
        foreach (Match trait in RuleTrait().Matches(code))
        {
            var type = types.FirstOrDefault(t => t.Index > trait.Index);
            var method = methods.FirstOrDefault(m => m.Index > trait.Index);
            var id = trait.Groups["id"].Value;
            if (type is not null && (method is null || type.Index < method.Index))
            {
                tests.Add(new TestSite(path, project, type.Groups["name"].Value, null, id));
            }
            else if (method is not null)
            {
                var owner = types.LastOrDefault(t => t.Index < method.Index)?.Groups["name"].Value ?? "";
                tests.Add(new TestSite(path, project, owner, method.Groups["name"].Value, id));
            }
        }
    }

    /// <summary>
    /// Splits C# text into its code and its comments, each the length of the original (the other
    /// part blanked, line breaks kept). Strings are code: a "//" inside quotes is not a comment.
    /// Good enough for this repository's text; not a C# lexer.
    /// </summary>
    public static (string Code, string Comments) Split(string text)
    {
        var code = new StringBuilder(text.Length);
        var comments = new StringBuilder(text.Length);
        var inString = false;
        var inLineComment = false;
        var inBlockComment = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '\n')
            {
                inLineComment = false;
                inString = false;
            }
            else if (!inString && !inLineComment && !inBlockComment && c == '/' && next is '/' or '*')
            {
                inLineComment = next == '/';
                inBlockComment = next == '*';
            }
            else if (inBlockComment && c == '*' && next == '/')
            {
                comments.Append("*/");
                code.Append("  ");
                inBlockComment = false;
                i++;
                continue;
            }
            else if (!inString && !inLineComment && !inBlockComment && c == '\'')
            {
                // A character literal ('"', '\'', '/'): copied as code, never a quote or a comment.
                var end = text.IndexOf('\'', Math.Min(i + (next == '\\' ? 3 : 2), text.Length - 1));
                end = end < 0 || end - i > 8 ? i : end;
                code.Append(text, i, end - i + 1);
                comments.Append(' ', end - i + 1);
                i = end;
                continue;
            }
            else if (!inLineComment && !inBlockComment && c == '"' && (i == 0 || text[i - 1] != '\\'))
            {
                inString = !inString;
            }

            var comment = inLineComment || inBlockComment;
            code.Append(comment && c != '\n' ? ' ' : c);
            comments.Append(comment || c == '\n' ? c : ' ');
        }

        return (code.ToString(), comments.ToString());
    }

    // Refusal.Because(id, "Name", …), new Refusal(id, …), Result<T>.Refused(id, …), Outcome.Refused(id, …),
    // where id is a string literal or an expression (a constant, a local, a helper call, a conditional);
    // and a target-typed new("Rxx", …) assigned to a Refusal. A call with one argument passes a
    // refusal made elsewhere and names no id.
    [GeneratedRegex("""(?:(?<call>Refusal\.Because|\bnew\s+Refusal|\.Refused)\s*\(\s*(?<arg>"[^"]*"|[^,()"]+(?:\((?:[^()]|\([^()]*\))*\))?(?:[^,()]*)?)|(?<=\bRefusal\??\s+\w+\s*(?:=>|=)\s*)new\s*\(\s*(?<arg>"R\d+"))\s*,\s*(?:"(?<name>\w+)")?""")]
    private static partial Regex RefusalCall();

    [GeneratedRegex(@"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"\((?:[^()]|\([^()]*\))*\)$")]
    private static partial Regex CallArguments();

    [GeneratedRegex("\"(?<id>R\\d+)\"")]
    private static partial Regex IdLiteral();

    // An id in a comment, except the ends of a range ("R1…R47", "R11–R14"), which cite no rule in particular.
    [GeneratedRegex(@"(?<!R\d{1,2}\s*(?:…|–|-|\.\.\.)\s*)\bR\d{1,2}\b(?!\s*(?:…|–|-|\.\.\.)\s*R\d)")]
    private static partial Regex IdInComment();

    [GeneratedRegex("""\bconst\s+string\s+(?<name>\w+)\s*=\s*"(?<value>[^"]*)"\s*;""")]
    private static partial Regex StringConstant();

    [GeneratedRegex(@"^[ \t]*(?:(?:public|internal|private|protected|static|sealed|abstract|partial|readonly|file)\s+)*(?:record\s+(?:struct\s+|class\s+)?|class\s+|struct\s+|interface\s+)(?<name>[A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\b(?:public|internal|protected|private)\s+(?:(?:static|async|override|virtual|sealed|new|unsafe)\s+)*(?!class\b|record\b|struct\b|interface\b)[\w.?\[\]]+(?:<[^()=;{}]*>)?\??\s+(?<name>[A-Za-z_]\w*)\s*[(<]")]
    private static partial Regex MethodDeclaration();

    [GeneratedRegex("""Trait\(\s*"Rule"\s*,\s*"(?<id>[^"]*)"\s*\)""")]
    private static partial Regex RuleTrait();
}
