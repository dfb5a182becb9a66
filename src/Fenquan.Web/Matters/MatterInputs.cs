using System.Globalization;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Web.Matters;

/// <summary>A submission as the form and the API send it (strings and nullables: the web validates, the core decides).</summary>
public sealed record SubmitInput
{
    public MatterKind? Kind { get; init; }

    public string? Title { get; init; }

    public decimal? Amount { get; init; }

    /// <summary>
    /// The payee by the name or identifier it is registered under in the county's counterparty
    /// register: it stands for that one entry, and an unregistered or ambiguous name is refused (R6).
    /// </summary>
    public string? PayeeName { get; init; }

    /// <summary>The payee as an entry of the county's counterparty register (R6): a company or an individual outside the county's staff.</summary>
    public Guid? PayeeCounterpartyId { get; init; }

    /// <summary>The matter pays the submitter (an expense claim of their own).</summary>
    public bool PayMe { get; init; }

    /// <summary>
    /// The matter pays another person of the county (a colleague's claim, labour fees): the person, so
    /// that nobody paid by it — nor a declared relative — decides it (R6; the route goes to the next
    /// authority up). Name the payee once: this, <see cref="PayMe"/>, <see cref="PayeeCounterpartyId"/> or <see cref="PayeeName"/>.
    /// </summary>
    public Guid? PayeePersonId { get; init; }

    /// <summary>An expense claim's line items (R4): the amount must be their sum. Null for a matter without lines.</summary>
    public IReadOnlyList<Core.Finance.ClaimLineInput>? Lines { get; init; }

    /// <summary>A reception claim's approved request and the unit's people who attended (R31); its lines then carry their reception facts.</summary>
    public Core.Finance.Reception.ReceptionClaimFacts? Reception { get; init; }

    /// <summary>The budget line the matter is charged to (R4): an economic classification code of the unit's confirmed budget for the year (30201 办公费 …).</summary>
    public string? BudgetLine { get; init; }

    /// <summary>An expense claim's invoices (R8): each claimed once in the county.</summary>
    public IReadOnlyList<Core.Finance.VoucherInput>? Vouchers { get; init; }

    /// <summary>
    /// The county register entry the matter names: for a purchase plan a code of the county's
    /// procurement catalogue, or <c>none</c> when the item is not in it (R18); for an approval item a
    /// code of the county's register of approval items (R23, R24). The county's data then decides
    /// the route (R40).
    /// </summary>
    public string? ItemCode { get; init; }

    /// <summary>
    /// No longer accepted (R18, R40): whether a purchase is a catalogue item is decided from the
    /// county's catalogue by <see cref="ItemCode"/>. A request that still sends it is refused (400),
    /// so that an old client does not believe its declaration counted.
    /// </summary>
    public bool? CatalogueItem { get; init; }

    /// <summary>No longer accepted (R23, R40): the county's register marks major items. A request that still sends it is refused (400).</summary>
    public bool? MajorApprovalItem { get; init; }

    /// <summary>
    /// The matter's own date (when the expense was incurred; default today), at most 30 days back,
    /// never ahead: a fact shown to reviewers. It never chooses the policy or who may act — the day
    /// of submission does (R40).
    /// </summary>
    public DateOnly? MatterDate { get; init; }
}

/// <summary>An action as the form and the API send it.</summary>
public sealed record ActInput
{
    public ActionKind? Action { get; init; }

    public string? Comment { get; init; }

    /// <summary>Meeting / minutes reference (collective decision, R43) or procurement-centre / tender reference (hand-off, R18, R20).</summary>
    public string? Reference { get; init; }

    /// <summary>Delegation while away (代理): the person this action is taken for; the core checks the delegation (R4, R6, R7).</summary>
    public Guid? OnBehalfOf { get; init; }

    /// <summary>The step (index) the client saw when it chose to act: a matter that has moved past it answers 409, not 403.</summary>
    public int? Step { get; init; }

    /// <summary>The round the client saw (with <see cref="Step"/>).</summary>
    public int? Round { get; init; }
}

/// <summary>An edit by the initiator (R42): only the fields given change.</summary>
public sealed record EditInput
{
    public string? Title { get; init; }

    public decimal? Amount { get; init; }

    /// <summary>A registered counterparty's name or identifier (R6), as at submission.</summary>
    public string? PayeeName { get; init; }

    /// <summary>Another registered counterparty (R6).</summary>
    public Guid? PayeeCounterpartyId { get; init; }
}

/// <summary>Input checks that come before the rules: shape, size, range. Each failure is a 400 naming the field.</summary>
public static class InputRules
{
    /// <summary>Larger than any county's budget: an absurd amount is refused as input, not routed.</summary>
    public const decimal MaxAmount = 999_999_999_999.99m;

    public const int MaxTitle = 300;
    public const int MaxPayee = 200;
    public const int MaxComment = 2000;
    public const int MaxReference = 200;
    public const int MaxBackdatingDays = 30;
    public const int MaxItemCode = 40;

    public static Outcome CheckSubmit(SubmitInput input, DateOnly today)
    {
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return Refusal.Because(Refusal.InvalidId, "KindMissing", "Choose the kind of matter.");
        }

        var title = input.Title?.Trim() ?? string.Empty;
        if (title.Length == 0 || title.Length > MaxTitle)
        {
            return Refusal.Because(Refusal.InvalidId, "TitleLength", "A title of 1 to {max} characters is required.", ("max", MaxTitle.ToString(CultureInfo.InvariantCulture)));
        }

        if ((input.PayeeName?.Length ?? 0) > MaxPayee)
        {
            return Refusal.Because(Refusal.InvalidId, "PayeeLength", "The payee's name has at most {max} characters.", ("max", MaxPayee.ToString(CultureInfo.InvariantCulture)));
        }

        var amount = input.Amount ?? 0m;
        if (amount < 0m)
        {
            return Refusal.Because(Refusal.InvalidId, "AmountNegative", "An amount is never negative.");
        }

        if (amount > MaxAmount)
        {
            return Refusal.Because(Refusal.InvalidId, "AmountTooLarge", "An amount is at most {max} yuan.", RefusalArgument.Amount("max", MaxAmount));
        }

        if (decimal.Round(amount, 2) != amount)
        {
            return Refusal.Because(Refusal.InvalidId, "AmountBelowFen", "An amount is in yuan and fen, with at most two decimals.");
        }

        if (MatterRules.RequiresAmount(kind) && amount == 0m)
        {
            return Refusal.Because(Refusal.InvalidId, "AmountRequired", "This kind of matter needs an amount above zero.");
        }

        if (MatterRules.AreaOf(kind) == Core.Organization.Area.Personnel && amount != 0m)
        {
            return Refusal.Because(Refusal.InvalidId, "AmountNotExpected", "A personnel matter carries no amount.");
        }

        // R40: facts that decide a route come from county data, never from the submitter.
        if (input.CatalogueItem is not null)
        {
            return CountyFacts.CatalogueItemSelfDeclared;
        }

        if (input.MajorApprovalItem is not null)
        {
            return CountyFacts.MajorApprovalItemSelfDeclared;
        }

        if ((input.ItemCode?.Trim().Length ?? 0) > MaxItemCode)
        {
            return Refusal.Because(Refusal.InvalidId, "ItemCodeLength", "The item code has at most {max} characters.", ("max", MaxItemCode.ToString(CultureInfo.InvariantCulture)));
        }

        if (input.MatterDate is { } date && (date > today || date < today.AddDays(-MaxBackdatingDays)))
        {
            return Refusal.Because(Refusal.InvalidId, "MatterDateRange", "The matter's date is today or up to {days} days back.", ("days", MaxBackdatingDays.ToString(CultureInfo.InvariantCulture)));
        }

        return Outcome.Ok;
    }

    public static Outcome CheckAct(ActInput input)
    {
        if (input.Action is not { } action || !Enum.IsDefined(action))
        {
            return Refusal.Because(Refusal.InvalidId, "ActionMissing", "Choose an action.");
        }

        if ((input.Comment?.Length ?? 0) > MaxComment)
        {
            return Refusal.Because(Refusal.InvalidId, "CommentLength", "A comment has at most {max} characters.", ("max", MaxComment.ToString(CultureInfo.InvariantCulture)));
        }

        if ((input.Reference?.Length ?? 0) > MaxReference)
        {
            return Refusal.Because(Refusal.InvalidId, "ReferenceLength", "A reference has at most {max} characters.", ("max", MaxReference.ToString(CultureInfo.InvariantCulture)));
        }

        if (input.OnBehalfOf is { } behalf && behalf == Guid.Empty)
        {
            return Refusal.Because(Refusal.InvalidId, "OnBehalfOf", "onBehalfOf: a person's id.");
        }

        return Outcome.Ok;
    }

    public static Outcome CheckEdit(EditInput input)
    {
        if (input.Title is null && input.Amount is null && input.PayeeName is null && input.PayeeCounterpartyId is null)
        {
            return Refusal.Because(Refusal.InvalidId, "EditNothing", "Change at least one of the title, the amount and the payee.");
        }

        if (input.PayeeName is not null && input.PayeeCounterpartyId is not null)
        {
            return Refusal.Because(Refusal.InvalidId, "PayeeTwice", "Name the payee once.");
        }

        if (input.Title is { } title && (title.Trim().Length == 0 || title.Trim().Length > MaxTitle))
        {
            return Refusal.Because(Refusal.InvalidId, "TitleLength", "A title of 1 to {max} characters is required.", ("max", MaxTitle.ToString(CultureInfo.InvariantCulture)));
        }

        if (input.PayeeName is { } payee && (payee.Trim().Length == 0 || payee.Length > MaxPayee))
        {
            return Refusal.Because(Refusal.InvalidId, "PayeeLength", "The payee's name has at most {max} characters.", ("max", MaxPayee.ToString(CultureInfo.InvariantCulture)));
        }

        if (input.Amount is { } amount)
        {
            if (amount < 0m)
            {
                return Refusal.Because(Refusal.InvalidId, "AmountNegative", "An amount is never negative.");
            }

            if (amount > MaxAmount)
            {
                return Refusal.Because(Refusal.InvalidId, "AmountTooLarge", "An amount is at most {max} yuan.", RefusalArgument.Amount("max", MaxAmount));
            }

            if (decimal.Round(amount, 2) != amount)
            {
                return Refusal.Because(Refusal.InvalidId, "AmountBelowFen", "An amount is in yuan and fen, with at most two decimals.");
            }
        }

        return Outcome.Ok;
    }
}
