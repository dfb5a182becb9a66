using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

/// <summary>
/// Who may import the county's organisation and reference data (R1): the county administrators,
/// who keep its units and staff. Nobody else, not even a unit's own administrator, since an import
/// changes every unit at once.
/// </summary>
public static class ImportAccess
{
    public static Refusal CountyAdministratorsOnly { get; } = Refusal.Because("R1", "ImportsByCountyAdministrators", "Only the county administrators import the county's organisation.");

    public static bool MayImport(Asker asker)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.IsCountyAdministrator;
    }
}
