using System.Globalization;
using System.Text;
using Fenquan.Core.Organization;

namespace Fenquan.Core.Policy;

/// <summary>Which R40 property a failure breaks.</summary>
public enum VerificationCheck
{
    /// <summary>The rules themselves are malformed or reach outside the domain of matters.</summary>
    WellFormed,

    /// <summary>Some matter is routed by no rule (a gap) or by more than one (an overlap).</summary>
    Complete,

    /// <summary>A limit is outside the county's bounds, or bands use amounts inconsistently.</summary>
    WithinBounds,

    /// <summary>A route could let one person, or principals only, bring a matter to approved, or cannot be run.</summary>
    Safe,

    /// <summary>A route leaves out what a SPEC rule requires (e.g. R5 collective decision above C).</summary>
    Conforms,
}

/// <summary>
/// A concrete matter on which a policy fails: area, kind, amount, initiator kind and flags, with the
/// offending rule and step when there is one.
/// </summary>
public sealed record Counterexample(
    Area Area,
    MatterKind Kind,
    decimal Amount,
    InitiatorKind Initiator,
    MatterFlags Flags,
    string? Rule = null,
    int? StepIndex = null,
    RouteStep? Step = null)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Area} {Kind} of {Amount.ToString("N2", CultureInfo.InvariantCulture)} initiated by {Initiator}, flags {Flags}");
        if (Rule is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $", rule {Rule}");
        }

        if (StepIndex is { } index)
        {
            text.Append(CultureInfo.InvariantCulture, $", step {index} {Step}");
        }

        return text.ToString();
    }
}

/// <summary>One failed check: the rule ids it cites (R40 first), why, and the counterexample.</summary>
public sealed record VerificationFailure(
    VerificationCheck Check,
    IReadOnlyList<string> RuleIds,
    string Reason,
    Counterexample? Example)
{
    /// <summary>The failure as a keyed message (<c>R40.PolicyGap</c>) with named arguments, for the interface to word in the viewer's language; <see cref="Reason"/> is its English.</summary>
    public Primitives.Refusal? Message { get; init; }

    /// <summary>The part of the policy outside its rules that the failure concerns, as a JSON path (<c>$.stepLimits.review</c>); null for a rule's failure, which its <see cref="Example"/> names.</summary>
    public string? Part { get; init; }

    public override string ToString() => Example is null
        ? $"{string.Join('/', RuleIds)} [{Check}] {Reason}"
        : $"{string.Join('/', RuleIds)} [{Check}] {Reason} — counterexample: {Example}";
}

/// <summary>The outcome of <see cref="PolicyVerifier.Verify"/>: valid when there are no failures.</summary>
public sealed record PolicyVerification(IReadOnlyList<VerificationFailure> Failures)
{
    public bool IsValid => Failures.Count == 0;

    public override string ToString() => IsValid ? "valid" : string.Join(Environment.NewLine, Failures);
}
