using System.Globalization;
using System.Text;

namespace Fenquan.Core.Primitives;

/// <summary>
/// Amounts of money as people write them and as finance offices read them: what a form accepts
/// ("3000", "3,000.00", "¥3,000", "3000元", "1.2万", full-width digits) and the amount in Chinese
/// capital numerals (大写金额, "壹万贰仟元整") that claims and vouchers carry beside the figures.
/// Hand-written: .NET has no Chinese financial numerals, and the rules are short and fixed
/// (会计基础工作规范 Art. 52: "整" after 元 or 角, never after 分; one 零 for a run of zeros).
/// </summary>
public static class AmountText
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] Places = ["", "拾", "佰", "仟"];
    private static readonly string[] Groups = ["", "万", "亿", "万亿"];

    /// <summary>
    /// Reads an amount in yuan. Accepts a leading ¥ / ￥ / 人民币, thousands separators (, ，), a
    /// trailing 元 / 元整 / 圆, a 万 or 亿 multiplier and full-width characters; the sign is kept so
    /// that a negative amount is refused by the rules, not as unreadable.
    /// </summary>
    public static bool TryParse(string? text, out decimal yuan)
    {
        yuan = 0m;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // NFKC folds full-width digits, commas and the full-width yen sign into their ASCII forms.
        var s = text.Normalize(NormalizationForm.FormKC).Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        var negative = s.StartsWith('-');
        s = s.TrimStart('-', '+');
        foreach (var prefix in new[] { "人民币", "RMB", "CNY", "¥" })
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                s = s[prefix.Length..];
                break;
            }
        }

        foreach (var suffix in new[] { "元整", "圆整", "元", "圆" })
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                s = s[..^suffix.Length];
                break;
            }
        }

        var scale = 1m;
        if (s.EndsWith('万'))
        {
            scale = 10_000m;
            s = s[..^1];
        }
        else if (s.EndsWith('亿'))
        {
            scale = 100_000_000m;
            s = s[..^1];
        }

        if (s.Length == 0 || s.StartsWith(',') || s.EndsWith(',') || s.Contains(",,", StringComparison.Ordinal)
            || !decimal.TryParse(s.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        try
        {
            yuan = (negative ? -value : value) * scale;
        }
        catch (OverflowException)
        {
            return false;
        }

        return true;
    }

    /// <summary>The amount in capital numerals, rounded to the fen: 12,000 → 壹万贰仟元整, 1,005.07 → 壹仟零伍元零柒分.</summary>
    public static string Capital(decimal yuan)
    {
        var text = new StringBuilder();
        if (yuan < 0m)
        {
            text.Append('负');
            yuan = -yuan;
        }

        var fen = (long)decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero);
        var whole = fen / 100;
        var jiao = (int)(fen / 10 % 10);
        var cents = (int)(fen % 10);
        if (whole > 0)
        {
            AppendWhole(text, whole);
            text.Append('元');
        }

        if (jiao == 0 && cents == 0)
        {
            return whole > 0 ? text.Append('整').ToString() : text.Append("零元整").ToString();
        }

        if (jiao > 0)
        {
            text.Append(Digits[jiao]).Append('角');
        }
        else if (whole > 0)
        {
            text.Append('零');
        }

        return cents > 0 ? text.Append(Digits[cents]).Append('分').ToString() : text.Append('整').ToString();
    }

    // Groups of four digits from the highest: each non-zero group is read with its places and its
    // group name; a run of zeros between non-zero digits, within or across groups, reads as one 零.
    private static void AppendWhole(StringBuilder text, long whole)
    {
        var groups = new List<int>();
        for (var rest = whole; rest > 0; rest /= 10_000)
        {
            groups.Add((int)(rest % 10_000));
        }

        var zero = false;
        for (var g = groups.Count - 1; g >= 0; g--)
        {
            var group = groups[g];
            if (group == 0)
            {
                zero = true;
                continue;
            }

            for (var place = 3; place >= 0; place--)
            {
                var digit = group / (int)Math.Pow(10, place) % 10;
                if (digit == 0)
                {
                    zero = text.Length > 0 && text[^1] != '负';
                    continue;
                }

                if (zero)
                {
                    text.Append('零');
                    zero = false;
                }

                text.Append(Digits[digit]).Append(Places[place]);
            }

            text.Append(Groups[g]);
        }
    }
}
