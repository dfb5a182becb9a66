using Fenquan.Core.Primitives;

namespace Fenquan.Core.CountyAdministration;

/// <summary>
/// Who sees the county's administrators and their pending changes: its county administrators
/// only (R40); everyone else is refused, by the same refusal as a proposal from them.
/// </summary>
public static class AdministratorAccess
{
    public static Refusal? MaySee(string account, IReadOnlyCollection<string> administrators)
    {
        ArgumentNullException.ThrowIfNull(administrators);
        return administrators.Contains(account, StringComparer.OrdinalIgnoreCase) ? null : CountyChanges.CountyOfficial.OfficialsOnly;
    }
}
