using System.Globalization;
using System.Text.RegularExpressions;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fenquan.Documents.Language;

/// <summary>
/// Words a refusal in the current UI culture (zh-CN by default, en): the template of its message key
/// from <see cref="RefusalResource"/> with its named arguments put in, each argument's machine words
/// (a state, an area, a role, a step of a route, an agenda item) said as people say them. The web and
/// the command line both render refusals here, so a refusal reads the same on a page, in the API
/// and in a terminal.
/// </summary>
/// <remarks>
/// A template is found by the full key (<c>R43.PrincipalSpeaksLast</c>), else by <c>Any.</c> and the
/// refusal's name, for refusals whose rule id is chosen at run time (the area's rule, the route's
/// rule). A refusal with no template — only input errors not yet given a key — keeps its core
/// English reason; RefusalTemplatesTests fails for any key in the code without both templates.
/// </remarks>
public sealed partial class RefusalText(IStringLocalizer<RefusalResource> text)
{
    /// <summary>The refusal texts read straight from the resources, for callers without dependency injection (the command line).</summary>
    public static RefusalText Shared { get; } = new(new StringLocalizer<RefusalResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)));

    /// <summary>The refusal in the current UI culture, without its rule (see <see cref="RuleName"/>).</summary>
    public string Message(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        if (refusal.IsNotFound)
        {
            return text["NotFound"].Value;
        }

        var template = Template(refusal.Key);
        return template is null ? refusal.Reason : Fill(template, refusal.Arguments);
    }

    /// <summary>The template for a message key in the current UI culture; null when the resources have none.</summary>
    public string? Template(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var full = text[key];
        if (!full.ResourceNotFound)
        {
            return full.Value;
        }

        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var any = dot < 0 ? null : text["Any." + key[(dot + 1)..]];
        return any is { ResourceNotFound: false } ? any.Value : null;
    }

    /// <summary>A rule's short name in the current UI culture ("集体决策"); null for ids that are not rules.</summary>
    public string? RuleName(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        var name = text["RuleName." + ruleId];
        return name.ResourceNotFound ? null : name.Value;
    }

    /// <summary>The rule's label with its short name ("规则 R43（集体决策）"); null for ids that are not rules.</summary>
    public string? RuleLabel(string ruleId) =>
        RuleName(ruleId) is { } name ? Format("Format.RuleLink", ("id", ruleId), ("name", name)) : null;

    /// <summary>The refusal with its rule in front ("规则 R43（集体决策）：…"), as plain text: the command line's and the page's words.</summary>
    public string WithRule(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var message = Message(refusal);
        return RuleLabel(refusal.RuleId) is { } rule ? Format("Format.RuleMessage", ("rule", rule), ("message", message)) : message;
    }

    /// <summary>How a rule and a message are joined ("{rule}：{message}"), for callers that render the rule as a link.</summary>
    public string RuleMessageTemplate => text["Format.RuleMessage"].Value;

    /// <summary>A problem's title in the current UI culture: what kind of refusal it is, naming the rule.</summary>
    public string Title(Refusal refusal, int status)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return status switch
        {
            404 => text["Title.NotFound"].Value,
            400 => text["Title.Invalid"].Value,
            413 => text["Title.TooLarge"].Value,
            _ => RuleName(refusal.RuleId) is { } name ? Format("Title.Rule", ("id", refusal.RuleId), ("name", name)) : text["Title.Refused"].Value,
        };
    }

    /// <summary>
    /// An argument's value as people say it: a known word ("Approved" → "已批准"), a step of a route
    /// ("step 2 of 3 (Approve(DeputyInCharge))" → "第 2 步（分管副职审批）"), agenda items and
    /// thresholds; anything else (names, amounts, dates) unchanged.
    /// </summary>
    public string Value(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // Resource names are unique regardless of case: "approve" (an action in a sentence) is "Approve".
        var word = text["Value." + value];
        if (word.ResourceNotFound && value.Length > 0 && char.IsAsciiLetterLower(value[0]))
        {
            word = text["Value." + char.ToUpperInvariant(value[0]) + value[1..]];
        }

        if (!word.ResourceNotFound)
        {
            return word.Value;
        }

        if (Step(value) is { } step)
        {
            return step;
        }

        if (SheetProblems(value) is { } problems)
        {
            return problems;
        }

        var items = AgendaItem().Replace(value, m => Format("Format.Item", ("number", m.Groups["number"].Value), ("title", m.Groups["title"].Value)));
        return Threshold().Replace(items, m => Format(m.Groups["strict"].Value == "more than" ? "Format.MoreThan" : "Format.AtLeast", ("fraction", m.Groups["fraction"].Value)));
    }

    /// <summary>A route step as the core writes it (with or without its position), as people say it; null when it is not one.</summary>
    public string? Step(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var position = StepPosition().Match(value);
        var step = RouteStep().Match(position.Success ? position.Groups["inner"].Value : value);
        if (!step.Success)
        {
            return null;
        }

        var name = StepName(step.Groups["kind"].Value, step.Groups["actor"].Value);
        return name is null ? null
            : position.Success ? Format("Format.Step", ("number", position.Groups["number"].Value), ("name", name))
            : name;
    }

    /// <summary>The name of a step of a route ("分管副职审批", "班子集体研究决定"); null for a kind or actor not known.</summary>
    public string? StepName(string kind, string actor)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(actor);
        var kindWord = text["Step." + kind];
        var actorWord = actor.StartsWith("role:", StringComparison.Ordinal) ? text["RoleActor." + actor[5..]] : text["Actor." + actor];
        if (kindWord.ResourceNotFound || actorWord.ResourceNotFound)
        {
            return null;
        }

        // Informing the team and a hand-off name their actor in the step's own words.
        return kind is "InformTeam" or "HandOff" ? kindWord.Value : Format("Format.StepName", ("actor", actorWord.Value), ("kind", kindWord.Value));
    }

    /// <summary>
    /// The problems of a refused budget approval sheet as <c>BudgetSheet.Check</c> writes them
    /// ("row 3, 预算金额（元）: no amount; row 4, …"), each in the current UI culture; null when the
    /// value is not such a list, or holds a problem this does not know (then it stays as written).
    /// </summary>
    public string? SheetProblems(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.StartsWith("row ", StringComparison.Ordinal))
        {
            return null;
        }

        var said = new List<string>();
        foreach (var part in SheetProblemBoundary().Split(value))
        {
            var problem = SheetProblem().Match(part);
            if (!problem.Success || SheetProblemWords(problem.Groups["problem"].Value) is not { } words)
            {
                return null;
            }

            said.Add(Format("Format.SheetProblem", ("row", problem.Groups["row"].Value), ("column", problem.Groups["column"].Value), ("problem", words)));
        }

        return string.Join(text["Format.ProblemSeparator"].Value, said);
    }

    private string? SheetProblemWords(string problem)
    {
        if (problem is "no code" or "no amount")
        {
            return text[problem == "no code" ? "SheetProblem.NoCode" : "SheetProblem.NoAmount"].Value;
        }

        if (UnknownCode().Match(problem) is { Success: true } unknown)
        {
            return Format("SheetProblem.UnknownCode", ("code", unknown.Groups["code"].Value));
        }

        if (RepeatedCode().Match(problem) is { Success: true } repeated)
        {
            return Format("SheetProblem.RepeatedCode", ("code", repeated.Groups["code"].Value), ("first", repeated.Groups["first"].Value));
        }

        if (BadAmount().Match(problem) is { Success: true } amount)
        {
            return Format("SheetProblem.BadAmount", ("text", amount.Groups["text"].Value));
        }

        return RowCount().Match(problem) is { Success: true } rows
            ? Format("SheetProblem.RowCount", ("count", rows.Groups["count"].Value), ("max", rows.Groups["max"].Value))
            : null;
    }

    /// <summary>
    /// A failed policy check (R40) in the current UI culture: the rules it cites, what it checks,
    /// the message and the counterexample, each part in the viewer's words.
    /// </summary>
    public string Failure(VerificationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var message = failure.Message is { } keyed ? Message(keyed) : failure.Reason;
        var rules = string.Join("/", failure.RuleIds);
        var check = text["Check." + failure.Check].Value;
        return failure.Example is { } example
            ? Format("Format.FailureWithExample", ("rules", rules), ("check", check), ("message", message), ("example", Example(example)))
            : Format("Format.Failure", ("rules", rules), ("check", check), ("message", message));
    }

    /// <summary>A policy check's counterexample: the matter's area, kind, amount and initiator, then its flags, rule and step when it has them.</summary>
    public string Example(Counterexample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        var said = Format("Format.Example", ("area", Value(example.Area.ToString())), ("kind", Value(example.Kind.ToString())),
            ("amount", RefusalArgument.Amount("amount", example.Amount).Value), ("initiator", Value(example.Initiator.ToString())));
        if (example.Flags != MatterFlags.None)
        {
            said += Format("Format.ExampleFlags", ("flags", string.Join("、", example.Flags.ToString().Split(", ").Select(Value))));
        }

        if (example.Rule is { } rule)
        {
            said += Format("Format.ExampleRule", ("rule", rule));
        }

        if (example is { StepIndex: { } index, Step: { } step })
        {
            said += Format("Format.ExampleStep", ("step", NumberedStep(index + 1, StepName(step.Kind.ToString(), step.Actor.ToString()) ?? step.ToString())));
        }

        return said;
    }

    /// <summary>A step with its place on the route ("第 2 步（分管副职审批）"); <paramref name="number"/> counts from 1.</summary>
    public string NumberedStep(int number, string name) =>
        Format("Format.Step", ("number", number.ToString(CultureInfo.InvariantCulture)), ("name", name));

    private string Format(string name, params (string Name, string Value)[] arguments) =>
        Fill(text[name].Value, arguments.Select(a => new RefusalArgument(a.Name, a.Value)).ToList(), translate: false);

    private string Fill(string template, IReadOnlyList<RefusalArgument> arguments, bool translate = true) =>
        Placeholder().Replace(template, m => arguments.FirstOrDefault(a => a.Name == m.Groups[1].Value) is { } a ? translate ? Value(a.Value) : a.Value : m.Value);

    /// <summary>The placeholders of a template ("{speaker}", "{item}"), each once, in order.</summary>
    public static IReadOnlyList<string> Placeholders(string template) =>
        Placeholder().Matches(template ?? string.Empty).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^step (?<number>\d+) of \d+ \((?<inner>.*)\)$")]
    private static partial Regex StepPosition();

    [GeneratedRegex(@"^(?<kind>\w+)\((?<actor>(?:role:)?\w+)(?:, same as step \d+)?\)(?: \[R6: instead of [^\]]*\])?$")]
    private static partial Regex RouteStep();

    [GeneratedRegex(@"\bitem (?<number>\d+) \((?<title>[^()]*)\)")]
    private static partial Regex AgendaItem();

    [GeneratedRegex(@"^(?<strict>more than|at least) (?<fraction>\d+/\d+)$")]
    private static partial Regex Threshold();

    // The problem texts of BudgetSheet.Check (Fenquan.Core.Finance), one regex each.
    [GeneratedRegex(@"; (?=row \d+, )")]
    private static partial Regex SheetProblemBoundary();

    [GeneratedRegex(@"^row (?<row>\d+), (?<column>[^:]+): (?<problem>.+)$", RegexOptions.Singleline)]
    private static partial Regex SheetProblem();

    [GeneratedRegex(@"^(?<code>.+) is not an economic classification code$", RegexOptions.Singleline)]
    private static partial Regex UnknownCode();

    [GeneratedRegex(@"^(?<code>.+) is already on row (?<first>\d+)$", RegexOptions.Singleline)]
    private static partial Regex RepeatedCode();

    [GeneratedRegex(@"^""(?<text>.*)"" is not an amount in yuan to the fen, not below zero$", RegexOptions.Singleline)]
    private static partial Regex BadAmount();

    [GeneratedRegex(@"^the sheet has (?<count>\d+) budget lines; it needs 1 to (?<max>\d+)$")]
    private static partial Regex RowCount();
}
