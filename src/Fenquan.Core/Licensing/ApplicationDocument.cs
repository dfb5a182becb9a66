using Fenquan.Core.Attachments;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Licensing;

/// <summary>
/// A file the applicant handed in for one of the item's required documents (R24), on the public
/// application form or when answering a request for the missing documents (一次性告知补正). The bytes
/// live in the content-addressed upload store like a matter's attachments; this row — ledgered —
/// names them by their SHA-256 (R44). It is personal data: only the handling unit's people download
/// it (<see cref="MayDownload"/>), and no public page links to it. Immutable once made.
/// </summary>
public sealed class ApplicationDocument
{
    private ApplicationDocument()
    {
        Document = FileName = ContentType = ContentHash = string.Empty;
    }

    private ApplicationDocument(ApprovalApplication application, string document, AttachmentCheck check, long size, string contentHash, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = application.CountyId;
        ApplicationId = application.Id;
        UnitId = application.UnitId;
        Document = document;
        FileName = check.FileName;
        ContentType = check.ContentType;
        Size = size;
        ContentHash = contentHash;
        StoredAt = now;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>The handling unit: only its people download the file.</summary>
    public UnitId UnitId { get; private set; }

    /// <summary>Which required document of the item this file is.</summary>
    public string Document { get; private set; }

    /// <summary>The sanitised original name (for display only; never used as a path).</summary>
    public string FileName { get; private set; }

    /// <summary>Detected from the content: application/pdf, image/jpeg or image/png.</summary>
    public string ContentType { get; private set; }

    public long Size { get; private set; }

    /// <summary>SHA-256 of the bytes, lowercase hex: the name of the stored file.</summary>
    public string ContentHash { get; private set; }

    public DateTimeOffset StoredAt { get; private set; }

    /// <summary>
    /// R24: a file for <paramref name="document"/>, which must be among the documents the applicant
    /// has handed in (the item's required documents, ticked on the form or supplied on request).
    /// </summary>
    public static Result<ApplicationDocument> Attach(ApprovalApplication application, string document, AttachmentCheck check, long size, string contentHash, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(check);
        return application.Documents.Contains(document)
            ? Result<ApplicationDocument>.Ok(new ApplicationDocument(application, document, check, size, contentHash, now))
            : Refusal.Because(Refusal.InvalidId, "DocumentNotRequired", "A file is handed in for one of the item's required documents that the application names; \"{document}\" is not one.", ("document", document));
    }

    /// <summary>Only the handling unit's people, who see the applicant, download the applicant's files.</summary>
    public static bool MayDownload(ApprovalApplication application, PersonId? person, IOrganizationView org, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.MaySeeApplicant(person, org, today);
    }
}
