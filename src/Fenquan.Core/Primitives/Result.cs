namespace Fenquan.Core.Primitives;

/// <summary>
/// A refusal by a rule: expected outcomes are values, not exceptions. Every refusal names the
/// rule id (R1…R47 of SPEC.md) and says why in plain words.
/// </summary>
public sealed partial record Refusal(string RuleId, string Reason)
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+)\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>
    /// The message key (<c>R43.PrincipalSpeaksLast</c>): the rule id, a dot and the refusal's name.
    /// The interface renders a refusal from its key and <see cref="Arguments"/> in the viewer's
    /// language; <see cref="Reason"/> is the English rendering. Refusals not yet given a name have
    /// the key <c>{RuleId}.Unnamed</c>.
    /// </summary>
    public string Key { get; init; } = RuleId + ".Unnamed";

    /// <summary>The named values the message is made of (people, amounts, steps), each formatted invariantly.</summary>
    public IReadOnlyList<RefusalArgument> Arguments { get; init; } = [];

    /// <summary>
    /// A refusal with a message key and named arguments: <paramref name="english"/> names each
    /// argument in braces (<c>"{speaker} speaks last; still to speak: {waiting}."</c>) and becomes
    /// <see cref="Reason"/> with the values put in. Hand-written rather than
    /// <c>string.Format</c> so that a template reads with names, as the translations will.
    /// </summary>
    public static Refusal Because(string ruleId, string name, string english, params RefusalArgument[] arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(arguments);
        // One pass over the template, so a value that happens to contain "{name}" is never filled in again.
        var reason = Placeholder().Replace(english, m => arguments.FirstOrDefault(a => a.Name == m.Groups[1].Value)?.Value ?? m.Value);
        return new Refusal(ruleId, reason) { Key = ruleId + "." + name, Arguments = arguments };
    }

    /// <summary>The value of the named argument; null when the refusal has none by that name.</summary>
    public string? Argument(string name) => Arguments.FirstOrDefault(a => a.Name == name)?.Value;

    /// <summary>Not a rule: the thing asked for does not exist (or is not visible to the asker).</summary>
    public const string NotFoundId = "NotFound";

    /// <summary>Not a rule: the input itself is malformed (empty, out of range, wrong type).</summary>
    public const string InvalidId = "Invalid";

    public static Refusal NotFound(string what) => new(NotFoundId, $"{what} was not found.");

    public static Refusal Invalid(string reason) => new(InvalidId, reason);

    public bool IsNotFound => RuleId == NotFoundId;

    public override string ToString() => $"{RuleId}: {Reason}";
}

/// <summary>One named value of a refusal's message: a person's name, an amount in yuan, a step, a date.</summary>
public sealed record RefusalArgument(string Name, string Value)
{
    public static implicit operator RefusalArgument((string Name, string Value) pair) => new(pair.Name, pair.Value);

    public static RefusalArgument Amount(string name, decimal yuan) => new(name, yuan.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>The outcome of an operation that a rule may refuse.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Refusal? refusal)
    {
        _value = value;
        Refusal = refusal;
    }

    public Refusal? Refusal { get; }

    public bool IsOk => Refusal is null;

    public T Value => IsOk ? _value! : throw new InvalidOperationException($"Refused: {Refusal}");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Refused(string ruleId, string reason) => new(default, new Refusal(ruleId, reason));

    public static Result<T> Refused(Refusal refusal) => new(default, refusal);

    public static implicit operator Result<T>(Refusal refusal) => Refused(refusal);

    public Result<TOut> Map<TOut>(Func<T, TOut> map) => IsOk ? Result<TOut>.Ok(map(_value!)) : Result<TOut>.Refused(Refusal!);

    public override string ToString() => IsOk ? $"Ok({_value})" : $"Refused({Refusal})";
}

/// <summary>A result with no value: ok, or refused with a rule and reason.</summary>
public readonly struct Outcome
{
    private Outcome(Refusal? refusal) => Refusal = refusal;

    public Refusal? Refusal { get; }

    public bool IsOk => Refusal is null;

    public static Outcome Ok { get; } = new(null);

    public static Outcome Refused(string ruleId, string reason) => new(new Refusal(ruleId, reason));

    public static implicit operator Outcome(Refusal refusal) => new(refusal);

    public override string ToString() => IsOk ? "Ok" : $"Refused({Refusal})";
}
