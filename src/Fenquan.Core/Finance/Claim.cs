using System.Globalization;
using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance;

/// <summary>
/// An expense claim's line items and vouchers, checked as one (R4, R8): each line's amount is its
/// quantity times its unit price, the lines add up to the claim's amount, and every invoice is a
/// real invoice number, on the claim once and on no other claim of the county.
/// </summary>
public static class Claim
{
    public const int MaxLines = 100;
    public const int MaxVouchers = 100;

    /// <summary>The county-wide keys of the claim's invoices (to look up which are used already), or the refusal of a malformed one.</summary>
    public static Result<IReadOnlyList<string>> VoucherKeys(ClaimDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var keys = new List<string>();
        foreach (var voucher in details.Vouchers)
        {
            var key = Voucher.KeyOf(voucher);
            if (!key.IsOk)
            {
                return key.Refusal!;
            }

            keys.Add(key.Value.Key);
        }

        return Result<IReadOnlyList<string>>.Ok(keys);
    }

    /// <summary>
    /// The rows of <paramref name="matter"/>'s claim, given which of its invoice keys are already on
    /// another claim of the county (<paramref name="usedElsewhere"/>).
    /// </summary>
    public static Result<(IReadOnlyList<ClaimLine> Lines, IReadOnlyList<Voucher> Vouchers)> Itemise(Matter matter, ClaimDetails details, IReadOnlySet<string> usedElsewhere)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(usedElsewhere);
        if (matter.Area != Organization.Area.Finance || details.Lines.Count is 0 or > MaxLines || details.Vouchers.Count > MaxVouchers)
        {
            return Refusal.Because(Refusal.InvalidId, "ClaimLines", "A claim is a finance matter with 1 to {lines} line items and at most {vouchers} vouchers.", ("lines", MaxLines.ToString(CultureInfo.InvariantCulture)), ("vouchers", MaxVouchers.ToString(CultureInfo.InvariantCulture)));
        }

        var lines = new List<ClaimLine>();
        foreach (var (line, number) in details.Lines.Select((l, i) => (l, i + 1)))
        {
            var category = line.Category?.Trim() ?? string.Empty;
            if (category.Length is 0 or > ClaimLine.MaxCategory || line.Quantity <= 0m || line.UnitPrice <= 0m || line.Amount <= 0m)
            {
                return Refusal.Because(Refusal.InvalidId, "ClaimLine", "Line {line}: a category of at most {max} characters, a quantity and a unit price above zero.", ("line", number.ToString(CultureInfo.InvariantCulture)), ("max", ClaimLine.MaxCategory.ToString(CultureInfo.InvariantCulture)));
            }

            var expected = decimal.Round(line.Quantity * line.UnitPrice, 2, MidpointRounding.AwayFromZero);
            if (expected != line.Amount)
            {
                return Refusal.Because("R4", "LineAmount", "Line {line} ({category}): {quantity} × {price} is {expected}, not {amount}.",
                    ("line", number.ToString(CultureInfo.InvariantCulture)), ("category", category), ("quantity", line.Quantity.ToString(CultureInfo.InvariantCulture)),
                    RefusalArgument.Amount("price", line.UnitPrice), RefusalArgument.Amount("expected", expected), RefusalArgument.Amount("amount", line.Amount));
            }

            lines.Add(new ClaimLine(matter.CountyId, matter.Id, number, category, line.Quantity, line.UnitPrice, line.Amount));
        }

        var sum = lines.Sum(l => l.Amount);
        if (sum != matter.Amount)
        {
            return Refusal.Because("R4", "LinesSum", "The line items add up to {sum}; the claim is for {amount}. The claim's amount is the sum of its lines.",
                RefusalArgument.Amount("sum", sum), RefusalArgument.Amount("amount", matter.Amount));
        }

        var vouchers = new List<Voucher>();
        foreach (var input in details.Vouchers)
        {
            var key = Voucher.KeyOf(input);
            if (!key.IsOk)
            {
                return key.Refusal!;
            }

            var (kind, code, number, k) = key.Value;
            if (vouchers.Any(v => v.Key == k))
            {
                return Refusal.Because("R8", "VoucherTwiceOnClaim", "The invoice {voucher} is on this claim twice; each invoice is claimed once.", ("voucher", k));
            }

            if (usedElsewhere.Contains(k))
            {
                return Refusal.Because("R8", "VoucherUsed", "The invoice {voucher} is already on another claim in the county; an invoice is claimed once.", ("voucher", k));
            }

            vouchers.Add(new Voucher(matter.CountyId, matter.UnitId, matter.Id, kind, code, number, k));
        }

        return Result<(IReadOnlyList<ClaimLine>, IReadOnlyList<Voucher>)>.Ok((lines, vouchers));
    }

    /// <summary>R4: a claim with line items keeps its amount equal to their sum; an edit that changes the amount is refused (a new claim, or lower the lines first).</summary>
    public static Outcome CheckEdit(IReadOnlyCollection<ClaimLine> lines, decimal newAmount)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sum = lines.Sum(l => l.Amount);
        return lines.Count == 0 || sum == newAmount
            ? Outcome.Ok
            : Refusal.Because("R4", "ClaimAmountIsItsLines", "The claim's line items add up to {sum}; its amount cannot become {amount}. Withdraw it and submit a new claim with the lines it needs.",
                RefusalArgument.Amount("sum", sum), RefusalArgument.Amount("amount", newAmount));
    }
}
