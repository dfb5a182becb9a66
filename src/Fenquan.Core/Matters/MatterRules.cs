using System.Globalization;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Matters;

/// <summary>Facts about matter kinds and the rule each area answers to.</summary>
public static class MatterRules
{
    /// <summary>The rule that names who takes charge of the area (cited when the wrong person acts).</summary>
    public static string AreaRule(Area area) => area switch
    {
        Area.Finance => "R4",
        Area.Personnel => "R10",
        Area.Procurement => "R16",
        Area.Construction => "R19",
        Area.AdministrativeApproval => "R23",
        Area.LawEnforcement => "R3",
    };

    /// <summary>The area a kind of matter belongs to.</summary>
    public static Area AreaOf(MatterKind kind) => kind switch
    {
        MatterKind.Expense or MatterKind.Reception or MatterKind.BudgetRaise => Area.Finance,
        MatterKind.PurchasePlan => Area.Procurement,
        MatterKind.Promotion or MatterKind.TransferIn or MatterKind.Secondment or MatterKind.KeyPostChange => Area.Personnel,
        MatterKind.ConstructionProject or MatterKind.ContractorChoice or MatterKind.VariationOrder => Area.Construction,
        MatterKind.ApprovalItem => Area.AdministrativeApproval,
        MatterKind.EnforcementAction => Area.LawEnforcement,
    };

    /// <summary>
    /// Whether the kind is about money and so needs an amount above zero. Personnel actions have
    /// no amount (0); an approval item or enforcement action may carry a fee or fine, or 0.
    /// </summary>
    public static bool RequiresAmount(MatterKind kind) => kind switch
    {
        MatterKind.Expense or MatterKind.Reception or MatterKind.BudgetRaise or MatterKind.PurchasePlan
            or MatterKind.ConstructionProject or MatterKind.ContractorChoice or MatterKind.VariationOrder => true,
        MatterKind.Promotion or MatterKind.TransferIn or MatterKind.Secondment or MatterKind.KeyPostChange
            or MatterKind.ApprovalItem or MatterKind.EnforcementAction => false,
    };

    /// <summary>Amount rules: never negative, at most two decimals (fen), above zero when the kind needs money.</summary>
    public static Outcome CheckAmount(MatterKind kind, decimal amount)
    {
        var rule = AreaRule(AreaOf(kind));
        if (amount < 0m)
        {
            return Refusal.Because(rule, "NegativeAmount", "The amount {amount} is negative.", RefusalArgument.Amount("amount", amount));
        }

        if (decimal.Round(amount, 2) != amount)
        {
            return Refusal.Because(rule, "AmountBelowFen", "The amount {amount} has more than two decimals; amounts are in yuan and fen.",
                ("amount", amount.ToString(CultureInfo.InvariantCulture)));
        }

        if (RequiresAmount(kind) && amount == 0m)
        {
            return Refusal.Because(rule, "AmountRequired", "A {kind} needs an amount above zero.", ("kind", kind.ToString()));
        }

        if (kind is MatterKind.Promotion or MatterKind.TransferIn or MatterKind.Secondment or MatterKind.KeyPostChange && amount != 0m)
        {
            return Refusal.Because(rule, "AmountNotExpected", "A {kind} carries no amount; it was given {amount}.",
                ("kind", kind.ToString()), RefusalArgument.Amount("amount", amount));
        }

        return Outcome.Ok;
    }

    internal static string Yuan(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    internal static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
