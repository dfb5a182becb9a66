using Fenquan.Core.Counterparties;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Organization;

/// <summary>
/// R1: the numbers a person of the county is known by — a staff number (工号) or a resident identity
/// number (公民身份号码, GB 11643 with its check character) — in their one written form. A person is
/// never looked up by name: two people may share one.
/// </summary>
public static class PersonNumbers
{
    public const int MaxStaffNumber = 40;

    /// <summary>The staff number trimmed and upper-cased (letters, digits and '-'); null when blank.</summary>
    public static Result<string?> NormaliseStaffNumber(string? raw)
    {
        var value = raw?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(value))
        {
            return Result<string?>.Ok(null);
        }

        return value.Length <= MaxStaffNumber && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? Result<string?>.Ok(value)
            : Refusal.Because("R1", "InvalidStaffNumber", "{number} is not a staff number: at most {max} letters, digits or '-'.",
                ("number", value), ("max", MaxStaffNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The ID number without spaces and upper-cased, checked (GB 11643); null when blank.</summary>
    public static Result<string?> NormaliseIdNumber(string? raw)
    {
        var value = new string((raw ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (value.Length == 0)
        {
            return Result<string?>.Ok(null);
        }

        return CounterpartyIdentifier.IsIdNumber(value)
            ? Result<string?>.Ok(value)
            : Refusal.Because("R1", "InvalidIdNumber", "The ID number is not a resident identity number: 18 characters with a valid date of birth and check character (GB 11643-1999).");
    }
}
