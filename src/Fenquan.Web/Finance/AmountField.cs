using Fenquan.Core.Primitives;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Finance;

/// <summary>
/// A money field of a form as people type it ("3000", "3,000.00", "¥3,000", "3000元", "1.2万"), read
/// by <see cref="AmountText"/>. What cannot be read is refused naming the field and repeating what was
/// typed, so the page can say which field is wrong while it keeps the rest of the form as typed.
/// </summary>
public static class AmountField
{
    /// <param name="text">The finance texts (<c>Amount.Bad</c>).</param>
    public static Result<decimal> Read(string? typed, string field, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AmountText.TryParse(typed, out var yuan) ? Result<decimal>.Ok(yuan) : Refusal.Invalid(text["Amount.Bad", field, typed ?? string.Empty]);
    }
}
