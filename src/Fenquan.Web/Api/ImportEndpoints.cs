using Fenquan.Core.Organization.Import;
using Fenquan.Data.Operations;
using Fenquan.Web.Import;

namespace Fenquan.Web.Api;

/// <summary>A refused row of an import: where it is and the rule that refuses it.</summary>
public sealed record ImportProblemDto(string Sheet, int Row, string? Column, string Rule, string Key, string Reason);

/// <summary>What an import changed (or, with problems, the refused rows and nothing changed).</summary>
public sealed record ImportReportDto(
    bool Written,
    bool ChangesNothing,
    int Units,
    int Sections,
    int People,
    int PeopleChanged,
    int Memberships,
    int MembershipsEnded,
    int Assignments,
    int AssignmentsEnded,
    int Counterparties,
    bool CatalogueProposed,
    bool RegisterProposed,
    IReadOnlyList<ImportProblemDto> Problems)
{
    public static ImportReportDto Of(ImportOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var p = outcome.Plan;
        return new(outcome.Written, p.IsOk && p.ChangesNothing, p.Units.Count, p.Sections.Count, p.People.Count, p.PersonChanges.Count, p.Memberships.Count,
            p.EndedMemberships.Count, p.Assignments.Count, p.EndedAssignments.Count, p.Counterparties.Count, p.Catalogue is not null, p.Register is not null,
            [.. p.Problems.Select(x => new ImportProblemDto(x.Sheet, x.Row, x.Column, x.Refusal.RuleId, x.Refusal.Key, x.Refusal.Reason))]);
    }
}

/// <summary>
/// JSON API v1 for the organisation import (R1–R3), for county administrators: the body is the file
/// itself — an .xlsx (its content type) or one kind's .csv (<c>text/csv</c>, with <c>kind</c>) — checked
/// all or nothing; 422 with every refused row when any is refused.
/// </summary>
public static class ImportEndpoints
{
    public static void MapImportApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1/import", "Import");

        api.MapPost("/", async (HttpContext http, Caller caller, ImportService imports, ImportKind? kind, bool? dryRun) =>
            {
                var type = http.Request.ContentType?.Split(';')[0].Trim();
                var name = type switch
                {
                    ImportService.XlsxContentType => "import.xlsx",
                    "text/csv" => "import.csv",
                    _ => null,
                };
                if (name is null)
                {
                    return Problems.Result(Core.Primitives.Refusal.Because(Core.Primitives.Refusal.InvalidId, "ImportBodyType", "The body is the file: Content-Type {type} or text/csv.", ("type", ImportService.XlsxContentType)));
                }

                // The body is at most the upload limit (LimitApiBodies); read whole, as the reader needs to seek.
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body, http.RequestAborted);
                body.Position = 0;
                var imported = await imports.ImportAsync(caller.Viewer, body, name, kind, dryRun ?? false);
                if (!imported.IsOk)
                {
                    return Problems.Result(imported.Refusal!, forbidden: imported.Refusal!.Key == Core.Access.ImportAccess.CountyAdministratorsOnly.Key);
                }

                var report = ImportReportDto.Of(imported.Value);
                return imported.Value.IsOk ? Results.Ok(report) : Results.UnprocessableEntity(report);
            })
            .WithMetadata(new UploadEndpoint())
            .Accepts<byte[]>(ImportService.XlsxContentType, "text/csv")
            .WithSummary("County administrators import units, sections, people, memberships and portfolio assignments (and the county's reference data), all or nothing (R1–R3)");

        api.MapGet("/template", () => Results.File(Documents.Organization.OrganizationWorkbook.Template(), ImportService.XlsxContentType, "organisation-import.xlsx"))
            .WithSummary("The import's .xlsx template: one sheet per kind, Chinese headers");
    }
}
