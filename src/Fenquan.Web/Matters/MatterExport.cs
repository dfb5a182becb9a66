using System.Globalization;
using Fenquan.Core.Matters;
using Fenquan.Documents.Lists;
using Fenquan.Web.Access;
using Fenquan.Web.Pages;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Matters;

/// <summary>
/// A filtered matter list as a spreadsheet (.xlsx or .csv), every row the list finds and not just
/// the page, with the page's column headers and words in the viewer's language. The rows are those
/// <see cref="MatterService.AllAsync"/> gives: the same access decision as the list.
/// </summary>
public static class MatterExport
{
    /// <summary>The format named by a request's <c>format</c> parameter, or null when it names none of them.</summary>
    public static ExportFormat? FormatOf(string? format) => format switch
    {
        "xlsx" => ExportFormat.Xlsx,
        "csv" => ExportFormat.Csv,
        _ => null,
    };

    public static string FileName(ExportFormat format, DateOnly today) =>
        "matters-" + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ListExport.Extension(format);

    /// <summary>The file's bytes.</summary>
    public static async Task<byte[]> WriteAsync(ExportFormat format, IStringLocalizer text, Viewer viewer, IReadOnlyList<Matter> matters)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(viewer);
        IReadOnlyList<string> headers =
        [
            text["Matter.Title"], text["Matter.Area"], text["Matter.Kind"], text["Matter.Amount"], text["Matter.Payee"],
            text["Matter.Initiator"], text["Matter.SubmittedDay"], text["Matter.State"],
        ];
        var rows = matters.Select(m => (IReadOnlyList<object?>)
        [
            m.Title, text.Of(m.Area), text.Of(m.Kind), m.Amount, m.Payee.Name,
            viewer.Org?.NameOf(m.InitiatorId) ?? string.Empty, m.SubmittedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text.Of(m.State),
        ]);
        using var stream = new MemoryStream();
        await ListExport.WriteAsync(stream, format, headers, rows);
        return stream.ToArray();
    }
}
