using Fenquan.Core.Organization;

namespace Fenquan.Core.Access;

/// <summary>
/// One entry of <see cref="StepAuthority"/>'s table: a holder of <see cref="Role"/> fills the step;
/// with <see cref="InChargeOnly"/>, only the person in charge of the matter's area on the matter's
/// date does (R3: portfolios go to deputies only, so that person is a deputy).
/// </summary>
public sealed record StepFiller(Role Role, bool InChargeOnly = false);
