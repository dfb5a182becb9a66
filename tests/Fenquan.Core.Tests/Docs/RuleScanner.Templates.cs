using System.Text;
using System.Text.RegularExpressions;

namespace Fenquan.Core.Tests.Docs;

public static partial class RuleScanner
{
    /// <summary>
    /// A <c>Refusal.Because</c> in src/: the message keys it can give (one per rule id its id
    /// expression stands for), its name and its English template with the template's placeholders.
    /// </summary>
    public sealed record TemplateSite(string Path, IReadOnlyList<string> Keys, string Name, string English, IReadOnlyList<string> Placeholders);

    /// <summary>
    /// Every keyed refusal of src/ with its English template: what the resource files must give a
    /// Chinese and an English template for. Names and ids written as constants are resolved as in
    /// <see cref="Read"/>; a call whose name or template is not a literal is reported with an empty
    /// template, so that the check fails on it rather than skipping it.
    /// </summary>
    public static IReadOnlyList<TemplateSite> Templates(IEnumerable<SourceFile> files)
    {
        var src = files.Where(f => f.Path.StartsWith("src/", StringComparison.Ordinal) && f.Path.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => f with { Text = f.Text.ReplaceLineEndings("\n") })
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var constants = Constants(src);
        var sites = new List<TemplateSite>();
        foreach (var file in src)
        {
            var code = Split(file.Text).Code;
            foreach (Match call in BecauseCall().Matches(code))
            {
                var arguments = Arguments(code, call.Index + call.Length);
                if (arguments.Count < 3)
                {
                    continue;
                }

                var name = Literal(arguments[1]) ?? ConstantOf(file.Path, arguments[1], constants) ?? arguments[1];
                var english = Literal(arguments[2]) ?? string.Empty;
                var ids = Literal(arguments[0]) is { } id ? [id]
                    : ConstantOf(file.Path, arguments[0], constants) is { } constant ? [constant]
                    : Resolve(file.Path, CallArguments().Replace(arguments[0], ""), arguments[0], code, constants).Select(r => r.Id).Distinct().ToList();
                var placeholders = Regex.Matches(english, @"\{(\w+)\}").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
                sites.Add(new TemplateSite(file.Path, ids.Select(i => i + "." + name).ToList(), name, english, placeholders));
            }
        }

        return sites;
    }

    private static string? ConstantOf(string path, string expression, Dictionary<string, string> constants)
    {
        var parts = expression.Split('.');
        var key = parts.Length > 1 ? parts[^2] + "." + parts[^1] : path + ":" + parts[^1];
        return constants.TryGetValue(key, out var value) ? value : null;
    }

    /// <summary>The value of a plain C# string literal (with \" and \\ escapes); null for anything else.</summary>
    private static string? Literal(string argument)
    {
        var match = Regex.Match(argument, "^\"(?<body>(?:[^\"\\\\]|\\\\.)*)\"$");
        return match.Success ? Regex.Unescape(match.Groups["body"].Value) : null;
    }

    /// <summary>The top-level arguments of the call whose parenthesis opens just before <paramref name="start"/>, each trimmed.</summary>
    private static List<string> Arguments(string code, int start)
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = start; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                var end = i + 1;
                while (end < code.Length && code[end] != '"')
                {
                    end += code[end] == '\\' ? 2 : 1;
                }

                current.Append(code, i, Math.Min(end, code.Length - 1) - i + 1);
                i = end;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    arguments.Add(current.ToString().Trim());
                    return arguments;
                }

                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        return arguments;
    }

    [GeneratedRegex(@"\bRefusal\.Because\(")]
    private static partial Regex BecauseCall();
}
