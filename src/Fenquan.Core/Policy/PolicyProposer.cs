using Fenquan.Core.Primitives;

namespace Fenquan.Core.Policy;

/// <summary>The person proposing or withdrawing, and whether their account administers the unit (the web knows the account).</summary>
public sealed record PolicyProposer(PersonId PersonId, bool IsUnitAdministrator);
