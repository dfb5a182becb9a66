namespace Fenquan.Core.Organization;

/// <summary>R2: the restricted areas a principal does not directly take charge of.</summary>
public enum Area
{
    Finance,
    Personnel,
    Procurement,
    Construction,
    AdministrativeApproval,

    /// <summary>R2: 执法, a sixth area a county may enable.</summary>
    LawEnforcement,
}

/// <summary>R1: a unit is a department (部门) or a township (乡镇).</summary>
public enum UnitKind
{
    Department,
    Township,
}

/// <summary>A person's role in a unit on a date (team memberships by role and date).</summary>
public enum Role
{
    /// <summary>正职: one or two per unit.</summary>
    Principal,

    /// <summary>副职 / 分管领导.</summary>
    Deputy,

    /// <summary>办公室: reviews (审核) before approval.</summary>
    OfficeReviewer,

    /// <summary>股室 / 科室 head.</summary>
    SectionHead,

    FinanceStaff,

    /// <summary>纪检: the unit's discipline-inspection member.</summary>
    DisciplineMember,

    Staff,
}
