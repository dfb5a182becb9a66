using System.Globalization;
using Fenquan.Data.Operations;

namespace Fenquan.Web.Citizens;

/// <summary>
/// R24: the files a public form hands in, one input per required document (<c>file-0</c>,
/// <c>file-1</c>… in the order of <paramref name="documents"/>): which document each file is, and
/// the documents handed in — those ticked and those with a file.
/// </summary>
public static class DocumentUploads
{
    public static string InputName(int index) => "file-" + index.ToString(CultureInfo.InvariantCulture);

    public static (IReadOnlyList<DocumentFile> Files, IReadOnlyList<string> Handed) Of(IFormFileCollection form, IReadOnlyList<string> documents, IEnumerable<string> ticked)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(documents);
        var files = new List<DocumentFile>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (form.GetFile(InputName(i)) is { Length: > 0 } file)
            {
                files.Add(new DocumentFile(documents[i], file.FileName, file.OpenReadStream()));
            }
        }

        return (files, [.. documents.Where(d => ticked.Contains(d) || files.Any(f => f.Document == d))]);
    }
}
