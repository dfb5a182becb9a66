using Fenquan.Core.Counterparties;
using Fenquan.Core.Licensing;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;

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
    IReadOnlyList<PeriodEnd> EndedAssignments,
    ProcurementCatalogue? Catalogue,
    ApprovalItemRegister? Register,
    IReadOnlyList<Counterparty> Counterparties,
    IReadOnlyList<CounterpartyRename> CounterpartyRenames)
{
    public bool IsOk => Problems.Count == 0;

    /// <summary>Whether the organisation itself changes (reference data aside).</summary>
    public bool ChangesOrganization =>
        Units.Count + Sections.Count + People.Count + PersonChanges.Count + Memberships.Count + EndedMemberships.Count + Assignments.Count + EndedAssignments.Count > 0;

    public bool ChangesNothing => !ChangesOrganization && Catalogue is null && Register is null && Counterparties.Count + CounterpartyRenames.Count == 0;
}

/// <summary>A registered counterparty whose name the import corrects (its identifier never changes).</summary>
public sealed record CounterpartyRename(CounterpartyId Id, string Name);

/// <summary>
/// The county's reference data as it stands, for an import that also brings it in: the procurement
/// catalogue and approval item register in force (a sheet that differs becomes a proposal under four
/// eyes, R40; a sheet that is the version already pending confirmation changes nothing), the counterparty register (new ones registered, R6), and who imports and when.
/// </summary>
public sealed record ExistingReferenceData(
    ProcurementCatalogue Catalogue,
    ApprovalItemRegister Register,
    IReadOnlyList<Counterparty> Counterparties,
    string RegisteredBy,
    DateTimeOffset Now,
    string? PendingCatalogueJson = null,
    string? PendingRegisterJson = null);

/// <summary>The county's organisation as it stands, whole history included, for an import to plan against.</summary>
public sealed record ExistingOrganization(
    IReadOnlyList<Unit> Units,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Person> People,
    IReadOnlyList<Membership> Memberships,
    IReadOnlyList<PortfolioAssignment> Assignments);
