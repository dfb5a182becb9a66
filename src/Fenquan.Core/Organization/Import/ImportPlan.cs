namespace Fenquan.Core.Organization.Import;

/// <summary>A person the import changes: a new name (recorded, never silently overwritten) or a number they had none of.</summary>
public sealed record PersonChange(Primitives.PersonId Id, string? NewName, string? StaffNumber, string? IdNumber);

/// <summary>A period (membership or portfolio assignment) the import ends on <see cref="Until"/>, exclusive.</summary>
public sealed record PeriodEnd(Guid Id, DateOnly Until);

/// <summary>
/// What an import would change in the county's organisation, or the rows it refuses. Only a plan
/// with no problems is written, all of it in one unit of work; a plan with no changes writes nothing.
/// </summary>
public sealed record ImportPlan(
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<Unit> Units,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Person> People,
    IReadOnlyList<PersonChange> PersonChanges,
    IReadOnlyList<Membership> Memberships,
    IReadOnlyList<PeriodEnd> EndedMemberships,
    IReadOnlyList<PortfolioAssignment> Assignments,
    IReadOnlyList<PeriodEnd> EndedAssignments)
{
    public bool IsOk => Problems.Count == 0;

    public bool ChangesNothing =>
        Units.Count + Sections.Count + People.Count + PersonChanges.Count + Memberships.Count + EndedMemberships.Count + Assignments.Count + EndedAssignments.Count == 0;
}

/// <summary>The county's organisation as it stands, whole history included, for an import to plan against.</summary>
public sealed record ExistingOrganization(
    IReadOnlyList<Unit> Units,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Person> People,
    IReadOnlyList<Membership> Memberships,
    IReadOnlyList<PortfolioAssignment> Assignments);
