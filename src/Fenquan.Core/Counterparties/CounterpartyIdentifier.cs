using Fenquan.Core.Primitives;

namespace Fenquan.Core.Counterparties;

/// <summary>
/// The identifiers a counterparty is registered by, checked by their check characters so that a
/// mistyped or invented number is refused at the door (R6: a payee is somebody definite):
/// a company's unified social credit code (统一社会信用代码, GB 32100-2015) or an individual's
/// resident identity number (公民身份号码, GB 11643-1999). Written by hand: both are short public
/// check-digit algorithms that no maintained .NET package provides.
/// </summary>
public static class CounterpartyIdentifier
{
    // GB 32100-2015: 31 characters (no I, O, S, V, Z); weights 3^i mod 31.
    private const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // GB 11643-1999: weights 2^(17-i) mod 11; the check character indexed by the sum mod 11.
    private static readonly int[] IdNumberWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdNumberChecks = "10X98765432";

    /// <summary>The identifier in its one written form (trimmed, upper case, no spaces), or the refusal naming what is wrong.</summary>
    public static Result<string> Normalise(CounterpartyKind kind, string? raw)
    {
        var value = new string((raw ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        return kind switch
        {
            CounterpartyKind.Company => IsCreditCode(value)
                ? Result<string>.Ok(value)
                : Refusal.Because("R6", "InvalidCreditCode", "{code} is not a unified social credit code: 18 characters whose last is the check character of the first 17 (GB 32100-2015).", ("code", value)),
            CounterpartyKind.Individual => IsIdNumber(value)
                ? Result<string>.Ok(value)
                : Refusal.Because("R6", "InvalidIdNumber", "The ID number is not a resident identity number: 18 characters with a valid date of birth and check character (GB 11643-1999)."),
            _ => Refusal.Because(Refusal.InvalidId, "CounterpartyKind", "kind: a company or an individual."),
        };
    }

    /// <summary>The full code for its first 17 characters (the check character appended): for demo and test data.</summary>
    public static string CompleteCreditCode(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var digit = CreditCodeAlphabet.IndexOf(first17[i], StringComparison.Ordinal);
            sum += digit >= 0 ? digit * CreditCodeWeights[i] : throw new ArgumentException($"'{first17[i]}' is not a character of a credit code.", nameof(first17));
        }

        return first17 + CreditCodeAlphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>The full ID number for its first 17 digits (the check character appended): for demo and test data.</summary>
    public static string CompleteIdNumber(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * IdNumberWeights[i];
        }

        return first17 + IdNumberChecks[sum % 11];
    }

    public static bool IsCreditCode(string value)
    {
        if (value.Length != 18)
        {
            return false;
        }

        return value.AsSpan(0, 17).IndexOfAnyExcept(CreditCodeAlphabet) < 0 && CompleteCreditCode(value[..17]) == value;
    }

    public static bool IsIdNumber(string value)
    {
        if (value.Length != 18 || value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') ||
            !DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            return false;
        }

        return CompleteIdNumber(value[..17]) == value;
    }

    /// <summary>
    /// The identifier as shown to people: a company's code in full (it is public, printed on the
    /// business licence); an individual's ID number with the birth date and sequence hidden
    /// (110105********002X), as personal data is shown on Chinese government systems.
    /// </summary>
    public static string Masked(CounterpartyKind kind, string identifier) =>
        kind == CounterpartyKind.Individual && identifier.Length == 18
            ? string.Concat(identifier.AsSpan(0, 6), "********", identifier.AsSpan(14, 4))
            : identifier;
}
