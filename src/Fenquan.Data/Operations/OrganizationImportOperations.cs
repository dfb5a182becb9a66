using System.Text.Json;
using Fenquan.Core.Counterparties;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Organization;
using Fenquan.Core.Organization.Import;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>What an import did: the plan (its changes, or every refused row), and whether it was written.</summary>
public sealed record ImportOutcome(ImportPlan Plan, bool Written)
{
    public bool IsOk => Plan.IsOk;
}

/// <summary>
/// Imports a county's organisation (R1–R3) from a file: loads the county's whole organisation, lets
/// the core plan every row (<see cref="OrganizationImport"/>), and writes the plan in ONE ledgered
/// unit of work — all of it, or nothing when any row is refused. A file that restates what is
/// recorded writes nothing (no ledger entry). A dry run plans without the writer.
/// </summary>
public sealed class OrganizationImportOperations(LedgerWriter writer)
{
    /// <summary>
    /// Plans the file against the county as it stands, changing nothing. Reference data sheets are
    /// planned for an official (<paramref name="by"/>), at <paramref name="now"/>; without one they are refused.
    /// </summary>
    public static ImportPlan Plan(FenquanDbContext db, CountyId county, ImportFile file, CountyOfficial? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(file);
        var bounds = db.Counties.AsNoTracking().Where(c => c.Id == county).Select(c => c.Bounds).Single();
        var existing = new ExistingOrganization(
            db.Units.AsNoTracking().Where(u => u.CountyId == county).ToList(),
            db.Sections.AsNoTracking().Where(s => s.CountyId == county).ToList(),
            db.People.AsNoTracking().Where(p => p.CountyId == county).ToList(),
            db.Memberships.AsNoTracking().Where(m => m.CountyId == county).ToList(),
            db.PortfolioAssignments.AsNoTracking().Where(a => a.CountyId == county).ToList());
        var referenceKinds = new[] { ImportKind.Catalogue, ImportKind.ApprovalItems, ImportKind.Counterparties };
        var reference = by is not null && file.Sheets.Any(s => referenceKinds.Contains(s.Kind))
            ? new ExistingReferenceData(
                CountyChangeOperations.CatalogueInForce(db, county).Catalogue,
                CountyChangeOperations.RegisterInForce(db, county).Register,
                db.Set<Counterparty>().AsNoTracking().Where(c => c.CountyId == county).ToList(),
                $"{by.Name}（{by.Account}）",
                now,
                Pending(db, county, CountyChangeSubject.ProcurementCatalogue),
                Pending(db, county, CountyChangeSubject.ApprovalItemRegister))
            : null;
        return OrganizationImport.Plan(county, file, existing, bounds, reference);
    }

    private static string? Pending(FenquanDbContext db, CountyId county, CountyChangeSubject subject) =>
        db.Set<CountyChange>().AsNoTracking().Where(c => c.CountyId == county && c.Subject == subject && c.State == CountyChangeState.Pending).Select(c => c.PayloadJson).FirstOrDefault();

    /// <summary>Imports the file for the official: every row checked first, then all written at once, or nothing.</summary>
    public async Task<Result<ImportOutcome>> ImportAsync(CountyId county, ImportFile file, string fileName, CountyOfficial by)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(by);
        ImportPlan? refused = null;
        var result = await writer.ExecuteAsync(county, "organisation.imported", ctx =>
        {
            if (!ctx.Db.Counties.AsNoTracking().Any(c => c.Id == county))
            {
                return Refusal.NotFound($"County {county}");
            }

            var plan = Plan(ctx.Db, county, file, by, ctx.Now);
            if (plan.IsOk && !plan.ChangesNothing)
            {
                plan = Write(ctx, plan, fileName, by);
            }

            if (!plan.IsOk)
            {
                refused = plan;
                return Refusal.Because("R1", "ImportRefused", "{count} rows are refused; nothing was imported.", ("count", plan.Problems.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            return Result<ImportOutcome>.Ok(new ImportOutcome(plan, !plan.ChangesNothing));
        }).ConfigureAwait(false);
        return refused is not null ? Result<ImportOutcome>.Ok(new ImportOutcome(refused, false)) : result;
    }

    // The plan written on the unit's context; a plan with the problem instead when a reference data
    // proposal is refused (one is already pending), and then the unit is refused and nothing is saved.
    private static ImportPlan Write(WriteContext ctx, ImportPlan plan, string fileName, CountyOfficial by)
    {
        var db = ctx.Db;
        foreach (var (subject, json, sheet) in new[]
        {
            (CountyChangeSubject.ProcurementCatalogue, plan.Catalogue?.ToJson(), ImportTemplate.Of(ImportKind.Catalogue).SheetName),
            (CountyChangeSubject.ApprovalItemRegister, plan.Register?.ToJson(), ImportTemplate.Of(ImportKind.ApprovalItems).SheetName),
        })
        {
            if (json is null)
            {
                continue;
            }

            var proposed = CountyChangeOperations.Propose(ctx, ctx.County, subject, json, "导入 Imported from " + fileName, by);
            if (!proposed.IsOk)
            {
                return plan with { Problems = [new ImportProblem(sheet, 1, null, proposed.Refusal!)] };
            }
        }

        db.Units.AddRange(plan.Units);
        db.Sections.AddRange(plan.Sections);
        db.People.AddRange(plan.People);
        db.Memberships.AddRange(plan.Memberships);
        db.PortfolioAssignments.AddRange(plan.Assignments);
        db.AddRange(plan.Counterparties);

        var changes = plan.PersonChanges.ToDictionary(c => c.Id);
        var changedIds = changes.Keys.ToList();
        foreach (var person in db.People.Where(p => p.CountyId == ctx.County && changedIds.Contains(p.Id)))
        {
            var change = changes[person.Id];
            if (change.NewName is not null)
            {
                person.Rename(change.NewName);
            }

            person.AddNumbers(change.StaffNumber, change.IdNumber);
        }

        var ends = plan.EndedMemberships.ToDictionary(e => e.Id, e => e.Until);
        var endedIds = ends.Keys.ToList();
        foreach (var membership in db.Memberships.Where(m => m.CountyId == ctx.County && endedIds.Contains(m.Id)))
        {
            membership.End(ends[membership.Id]);
        }

        var assignmentEnds = plan.EndedAssignments.ToDictionary(e => e.Id, e => e.Until);
        var assignmentIds = assignmentEnds.Keys.ToList();
        foreach (var assignment in db.PortfolioAssignments.Where(a => a.CountyId == ctx.County && assignmentIds.Contains(a.Id)))
        {
            assignment.End(assignmentEnds[assignment.Id]);
        }

        var renames = plan.CounterpartyRenames.ToDictionary(r => r.Id, r => r.Name);
        var renamedIds = renames.Keys.ToList();
        foreach (var counterparty in db.Set<Counterparty>().Where(c => c.CountyId == ctx.County && renamedIds.Contains(c.Id)))
        {
            // The name was checked when planned; a refusal here would be a bug.
            if (!counterparty.Rename(renames[counterparty.Id]).IsOk)
            {
                throw new InvalidOperationException($"Counterparty {counterparty.Id}: the planned name was refused.");
            }
        }

        ctx.Append("OrganizationImport", Guid.CreateVersion7(), JsonSerializer.Serialize(new
        {
            file = fileName,
            by = by.Account,
            byName = by.Name,
            units = plan.Units.Count,
            sections = plan.Sections.Count,
            people = plan.People.Count,
            peopleChanged = plan.PersonChanges.Count,
            memberships = plan.Memberships.Count,
            membershipsEnded = plan.EndedMemberships.Count,
            assignments = plan.Assignments.Count,
            assignmentsEnded = plan.EndedAssignments.Count,
            catalogueProposed = plan.Catalogue is not null,
            registerProposed = plan.Register is not null,
            counterparties = plan.Counterparties.Count,
            counterpartiesRenamed = plan.CounterpartyRenames.Count,
        }));
        return plan;
    }
}
