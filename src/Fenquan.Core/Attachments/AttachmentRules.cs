using System.Globalization;
using System.Text;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Attachments;

/// <summary>Upload limits [design]: the county may change them; the default is 10 MiB.</summary>
public sealed record AttachmentLimits(long MaxBytes)
{
    public static AttachmentLimits Default { get; } = new(10L * 1024 * 1024);
}

/// <summary>What the content check accepted: the type detected from the bytes and a safe file name.</summary>
public sealed record AttachmentCheck(string ContentType, string FileName);

/// <summary>
/// Vouchers (票据) and supporting documents: the type is detected from the content (magic bytes),
/// never from the name or a client's header, and anything that is not a PDF, JPEG or PNG is refused
/// (fail closed: a disguised .pdf that is really an EXE, HTML or ZIP is refused). Pure: the caller
/// hands in the first bytes and the size.
/// </summary>
public static class AttachmentRules
{
    /// <summary>
    /// Not a rule: the file is over the size limit (the web maps it to 413). Other refusals of the
    /// content are <see cref="Refusal.InvalidId"/> (400).
    /// </summary>
    public const string TooLargeId = "TooLarge";

    /// <summary>The name of the input refusal of a file whose content is no accepted type (its key is <c>Invalid.FileType</c>).</summary>
    public const string FileTypeName = "FileType";

    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    /// <summary>How many leading bytes <see cref="Check"/> needs to see.</summary>
    public const int HeadLength = 8;

    private const int MaxNameLength = 200;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static Result<AttachmentCheck> Check(ReadOnlySpan<byte> head, long size, string fileName, AttachmentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (size <= 0)
        {
            return Refusal.Because(Refusal.InvalidId, "FileEmpty", "The file is empty.");
        }

        if (size > limits.MaxBytes)
        {
            return Result<AttachmentCheck>.Refused(TooLargeId, $"The file is {Megabytes(size)}; at most {Megabytes(limits.MaxBytes)} is accepted.");
        }

        var type = Detect(head);
        if (type is null)
        {
            return Refusal.Because(Refusal.InvalidId, FileTypeName, "Only PDF, JPEG and PNG files are accepted, recognised by their content; this file's content is none of them, whatever its name says.");
        }

        return Result<AttachmentCheck>.Ok(new AttachmentCheck(type, SanitizeFileName(fileName, type)));
    }

    /// <summary>The content type from the first bytes; null when not PDF, JPEG or PNG.</summary>
    public static string? Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith(PdfMagic) ? Pdf
        : head.StartsWith(PngMagic) ? Png
        : head.StartsWith(JpegMagic) ? Jpeg
        : null;

    /// <summary>
    /// A name safe to show and to send back in a Content-Disposition header: the last path segment,
    /// without control characters or characters reserved by file systems, trimmed, at most 200
    /// characters (keeping the extension); "attachment" with the type's extension when nothing is left.
    /// A name whose extension is not its content's gets the content's one added ("evil.html" holding
    /// a PDF is kept as "evil.html.pdf"), so no download is ever opened as something it is not.
    /// </summary>
    public static string SanitizeFileName(string? fileName, string contentType)
    {
        var name = fileName ?? string.Empty;
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }

        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || c is '<' or '>' or ':' or '"' or '|' or '?' or '*' or ';' || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
            {
                builder.Append('_');
                continue;
            }

            builder.Append(c);
        }

        name = builder.ToString().Trim().Trim('.').Trim();
        if (name.Length == 0 || name.All(c => c == '_'))
        {
            return "attachment" + Extension(contentType);
        }

        if (name.Length > MaxNameLength)
        {
            var dot = name.LastIndexOf('.');
            var extension = dot > 0 && name.Length - dot <= 10 ? name[dot..] : string.Empty;
            name = name[..(MaxNameLength - extension.Length)] + extension;
        }

        return HasExtensionOf(name, contentType) ? name : name + Extension(contentType);
    }

    private static bool HasExtensionOf(string name, string contentType)
    {
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 ? name[dot..].ToLowerInvariant() : string.Empty;
        return contentType switch
        {
            Pdf => extension == ".pdf",
            Jpeg => extension is ".jpg" or ".jpeg",
            Png => extension == ".png",
            _ => false,
        };
    }

    /// <summary>The usual extension of a detected type.</summary>
    public static string Extension(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Jpeg => ".jpg",
        Png => ".png",
        _ => string.Empty,
    };

    /// <summary>Whether the text is a lowercase SHA-256 hex digest (64 characters).</summary>
    public static bool IsSha256Hex(string? hash) =>
        hash is { Length: 64 } && hash.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.##", CultureInfo.InvariantCulture) + " MiB";
}
