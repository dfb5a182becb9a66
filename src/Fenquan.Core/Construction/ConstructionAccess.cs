using Fenquan.Core.Access;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Construction;

/// <summary>
/// Who sees and who records a construction project (R19). Everyone of the project's unit today sees
/// it (its tender is published anyway, R22); anyone else is told it does not exist. The deputy in
/// charge of construction on the day, or the office, records its tender, bids, notice, contract,
/// acceptance and audit; the principal supervises and records nothing here (五不直接分管); the
/// decisions themselves are meetings' (R21, R43).
/// </summary>
public static class ConstructionAccess
{
    public static bool MaySee(Asker asker, ConstructionProject project)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(project);
        return asker.Person is not null && asker.County == project.CountyId && asker.Unit == project.UnitId;
    }

    public static bool MayRecord(UnitId unit, PersonId person, IOrganizationView org, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(org);
        return org.DeputyInCharge(unit, Area.Construction, today) == person || org.HoldsRole(unit, person, Role.OfficeReviewer, today);
    }

    /// <summary>R19: the refusal for anyone else.</summary>
    internal static Outcome CheckRecorder(ConstructionProject project, PersonId person, IOrganizationView org, DateOnly today) =>
        MayRecord(project.UnitId, person, org, today)
            ? Outcome.Ok
            : Refusal.Because("R19", "NotConstructionRecorder", "{person} is neither the deputy in charge of construction nor the office on {date}; they record a project's tender, contract and acceptance.",
                ("person", org.NameOf(person)), ("date", ConstructionProject.Day(today)));
}
