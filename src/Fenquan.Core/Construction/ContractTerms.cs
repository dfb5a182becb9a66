using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Construction;

/// <summary>
/// What bounds the payments on a contractor-choice matter (R19): its project's contract with the
/// variation matters it has, instead of the matter's own amount — so the payment step
/// (<see cref="Finance.Payment.Record"/>) pays progress up to the contract and its approved variations,
/// the final payment after the settlement audit and the retention money after the warranty.
/// </summary>
public sealed record ContractTerms(ConstructionProject Project, IReadOnlyCollection<Matter> Variations)
{
    public Outcome Check(decimal amount, decimal alreadyPaid, DateOnly today) => Project.CheckPayment(amount, alreadyPaid, Variations, today);
}
