using Fenquan.Core.Access;
using Fenquan.Core.Organization.Import;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Documents.Organization;
using Fenquan.Web.Access;

namespace Fenquan.Web.Import;

/// <summary>
/// The organisation import for the page and the API: the core decides who may (<see cref="ImportAccess"/>),
/// the workbook reader reads the file, and the operation plans and writes it all or nothing.
/// </summary>
public sealed class ImportService(OrganizationImportOperations operations, DbSession session, TimeProvider time)
{
    /// <summary>The largest file taken (the server's upload limit): a county of 5,000 staff fills about 0.35 MB.</summary>
    public const long MaxFile = 10L * 1024 * 1024;

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Reads and imports (or with <paramref name="dryRun"/> only checks) the file for the viewer.</summary>
    public async Task<Result<ImportOutcome>> ImportAsync(Viewer viewer, Stream file, string fileName, ImportKind? kind, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!ImportAccess.MayImport(viewer.Asker) || Registers.CountyDataService.Official(viewer) is not { } official)
        {
            return ImportAccess.CountyAdministratorsOnly;
        }

        var read = OrganizationWorkbook.Read(file, Path.GetFileName(fileName), kind);
        if (!read.IsOk)
        {
            return read.Refusal!;
        }

        return dryRun
            ? Result<ImportOutcome>.Ok(new ImportOutcome(OrganizationImportOperations.Plan(session.Db, viewer.County, read.Value, official, time.GetUtcNow()), Written: false))
            : await operations.ImportAsync(viewer.County, read.Value, Path.GetFileName(fileName), official);
    }
}
