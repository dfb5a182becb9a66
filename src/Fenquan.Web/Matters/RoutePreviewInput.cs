using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Web.Matters;

/// <summary>
/// The facts that decide a route, as the submission form holds them (issue 14): the amount as typed
/// ("3000", "3,000.00", "¥3,000", "3000元", "1.2万"), read by <see cref="AmountText"/>.
/// </summary>
public sealed record RoutePreviewInput
{
    public MatterKind? Kind { get; init; }

    /// <summary>The amount as typed; empty for a matter without one.</summary>
    public string? Amount { get; init; }

    public bool PayMe { get; init; }

    public string? PayeeName { get; init; }

    public Guid? PayeePersonId { get; init; }

    public Guid? PayeeCounterpartyId { get; init; }

    /// <summary>A catalogue code for a purchase plan, or a register code for an approval item (R18, R23, R40).</summary>
    public string? ItemCode { get; init; }

    /// <summary>The submission these facts make (its title is not needed), or a 400 naming what is wrong.</summary>
    public Result<SubmitInput> ToSubmitInput()
    {
        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(Amount))
        {
            if (!AmountText.TryParse(Amount, out var parsed))
            {
                return Refusal.Because(Refusal.InvalidId, "AmountText", "amount: \"{text}\" is not an amount (3000, 3,000.00, ¥3,000, 3000元 or 1.2万).", ("text", Amount));
            }

            amount = parsed;
        }

        return Result<SubmitInput>.Ok(new SubmitInput
        {
            Kind = Kind,
            Amount = amount,
            PayMe = PayMe,
            PayeeName = PayeeName,
            PayeePersonId = PayeePersonId,
            PayeeCounterpartyId = PayeeCounterpartyId,
            ItemCode = string.IsNullOrWhiteSpace(ItemCode) ? null : ItemCode,
        });
    }
}
