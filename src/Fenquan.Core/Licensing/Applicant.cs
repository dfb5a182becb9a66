using Fenquan.Core.Primitives;

namespace Fenquan.Core.Licensing;

/// <summary>Who applies: a citizen (居民身份证) or a company (统一社会信用代码).</summary>
public enum ApplicantKind
{
    Person,
    Company,
}

/// <summary>
/// The applicant as they identify themselves: personal data, seen only by the handling unit and
/// never on a public page. The number's form is checked here (GB 11643 and GB 32100 check digits);
/// whether it belongs to that name is a question for national systems (<see cref="IIdentityVerifier"/>).
/// </summary>
public sealed record Applicant(ApplicantKind Kind, string Name, string IdentityNumber, string Contact)
{
    private const string CreditCodeCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public Result<Applicant> Check()
    {
        var name = Name?.Trim() ?? string.Empty;
        var number = (IdentityNumber ?? string.Empty).Trim().ToUpperInvariant();
        var contact = Contact?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 200 || contact.Length > 200)
        {
            return Refusal.Because("R24", "ApplicantUnnamed", "An application names its applicant (at most 200 characters) and may give a contact.");
        }

        var valid = Kind switch
        {
            ApplicantKind.Person => IsResidentId(number),
            ApplicantKind.Company => IsCreditCode(number),
            _ => false,
        };
        return valid
            ? Result<Applicant>.Ok(new Applicant(Kind, name, number, contact))
            : Refusal.Because("R24", "ApplicantNumberInvalid", "{number} is not a valid {kind} number.", ("number", number), ("kind", Kind == ApplicantKind.Person ? "resident identity card" : "unified social credit code"));
    }

    // GB 11643: 17 digits and a check character (0–9 or X).
    private static bool IsResidentId(string number)
    {
        if (number.Length != 18 || !number[..17].All(char.IsAsciiDigit))
        {
            return false;
        }

        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (number[i] - '0') * weights[i];
        }

        return "10X98765432"[sum % 11] == number[17];
    }

    // GB 32100: 17 characters of the code set and a check character.
    private static bool IsCreditCode(string number)
    {
        if (number.Length != 18 || number.Any(c => !CreditCodeCharacters.Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CreditCodeCharacters.IndexOf(number[i], StringComparison.Ordinal) * weights[i];
        }

        var check = (31 - (sum % 31)) % 31;
        return CreditCodeCharacters[check] == number[17];
    }
}

/// <summary>
/// The port for verifying an applicant's identity against national systems (公安人口库, 市场主体登记),
/// out of reach offline. The application records what the verifier said; the default says "not verified".
/// </summary>
public interface IIdentityVerifier
{
    Task<IdentityCheck> VerifyAsync(Applicant applicant, CancellationToken cancellationToken);
}

/// <summary>What a verifier said about an applicant.</summary>
public enum IdentityCheck
{
    /// <summary>No national system was asked (offline).</summary>
    NotVerified,

    Verified,

    Mismatch,
}
