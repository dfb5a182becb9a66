namespace Fenquan.Core.Primitives;

/// <summary>
/// A refusal by a rule: expected outcomes are values, not exceptions. Every refusal names the
/// rule id (R1…R47 of SPEC.md) and says why in plain words.
/// </summary>
public sealed record Refusal(string RuleId, string Reason)
{
    /// <summary>Not a rule: the thing asked for does not exist (or is not visible to the asker).</summary>
    public const string NotFoundId = "NotFound";

    /// <summary>Not a rule: the input itself is malformed (empty, out of range, wrong type).</summary>
    public const string InvalidId = "Invalid";

    public static Refusal NotFound(string what) => new(NotFoundId, $"{what} was not found.");

    public static Refusal Invalid(string reason) => new(InvalidId, reason);

    public bool IsNotFound => RuleId == NotFoundId;

    public override string ToString() => $"{RuleId}: {Reason}";
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
