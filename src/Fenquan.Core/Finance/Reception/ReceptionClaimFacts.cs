using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Reception;

/// <summary>What a reception claim adds to a claim (R31): the approved request it is for, and the unit's people who attended.</summary>
public sealed record ReceptionClaimFacts(Guid Request, IReadOnlyList<PersonId>? Attending);
