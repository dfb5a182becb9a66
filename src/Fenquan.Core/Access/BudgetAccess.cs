using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Access;

/// <summary>
/// Who sees a unit's budget and its positions, and who is offered the import and confirmation
/// (R4, R5): the unit's team, finance staff, office and discipline member; another unit's budget
/// does not exist for anyone else. <see cref="Finance.Budget"/> checks importer and confirmer again
/// with the organisation history.
/// </summary>
public static class BudgetAccess
{
    public static bool MaySee(Asker asker, UnitId unit)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.Person is not null && asker.Unit == unit
            && asker.Roles.Any(r => r is Role.Principal or Role.Deputy or Role.FinanceStaff or Role.OfficeReviewer or Role.DisciplineMember);
    }

    /// <summary>Anyone of the unit may name a line of its confirmed budget on a matter they submit (its code and name, not its balance).</summary>
    public static bool MayCharge(Asker asker, UnitId unit)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.Person is not null && asker.Unit == unit;
    }

    public static bool MayImport(Asker asker)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.Unit is { } unit && MaySee(asker, unit) && asker.Roles.Any(r => r is Role.FinanceStaff or Role.Deputy);
    }

    public static bool MayConfirm(Asker asker)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.Unit is { } unit && MaySee(asker, unit) && asker.Roles.Any(r => r is Role.Principal or Role.Deputy);
    }
}
