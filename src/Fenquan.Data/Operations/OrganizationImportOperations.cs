using System.Text.Json;
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
    /// <summary>Plans the file against the county as it stands, changing nothing.</summary>
    public static ImportPlan Plan(FenquanDbContext db, CountyId county, ImportFile file)
    {
        ArgumentNullException.ThrowIfNull(db);
        var bounds = db.Counties.AsNoTracking().Where(c => c.Id == county).Select(c => c.Bounds).Single();
        var existing = new ExistingOrganization(
            db.Units.AsNoTracking().Where(u => u.CountyId == county).ToList(),
            db.Sections.AsNoTracking().Where(s => s.CountyId == county).ToList(),
            db.People.AsNoTracking().Where(p => p.CountyId == county).ToList(),
            db.Memberships.AsNoTracking().Where(m => m.CountyId == county).ToList(),
            db.PortfolioAssignments.AsNoTracking().Where(a => a.CountyId == county).ToList());
        return OrganizationImport.Plan(county, file, existing, bounds);
    }

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

            var plan = Plan(ctx.Db, county, file);
            if (!plan.IsOk)
            {
                refused = plan;
                return Refusal.Because("R1", "ImportRefused", "{count} rows are refused; nothing was imported.", ("count", plan.Problems.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (!plan.ChangesNothing)
            {
                Write(ctx, plan);
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
                }));
            }

            return Result<ImportOutcome>.Ok(new ImportOutcome(plan, !plan.ChangesNothing));
        }).ConfigureAwait(false);
        return refused is not null ? Result<ImportOutcome>.Ok(new ImportOutcome(refused, false)) : result;
    }

    private static void Write(WriteContext ctx, ImportPlan plan)
    {
        var db = ctx.Db;
        db.Units.AddRange(plan.Units);
        db.Sections.AddRange(plan.Sections);
        db.People.AddRange(plan.People);
        db.Memberships.AddRange(plan.Memberships);
        db.PortfolioAssignments.AddRange(plan.Assignments);

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
    }
}
