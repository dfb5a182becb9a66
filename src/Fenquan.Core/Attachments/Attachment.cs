using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Attachments;

public readonly record struct AttachmentId(Guid Value)
{
    public static AttachmentId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString("D");
}

/// <summary>
/// A voucher (票据) or supporting document of a matter. The bytes live in the content-addressed
/// upload store; this row — ledgered — names them by their SHA-256, so anyone can check later that
/// the file shown is the file that was attached (R44). Immutable once made.
/// </summary>
public sealed class Attachment
{
    /// <summary>R8: vouchers are what the principal inspects; only someone accountable for the matter adds them.</summary>
    public const string RuleId = "R8";

    private Attachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        ContentHash = string.Empty;
    }

    private Attachment(Matter matter, PersonId uploader, AttachmentCheck check, long size, string contentHash, DateTimeOffset now)
    {
        Id = AttachmentId.New();
        CountyId = matter.CountyId;
        MatterId = matter.Id;
        UploaderId = uploader;
        FileName = check.FileName;
        ContentType = check.ContentType;
        Size = size;
        ContentHash = contentHash;
        StoredAt = now;
    }

    public AttachmentId Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public MatterId MatterId { get; private set; }

    public PersonId UploaderId { get; private set; }

    /// <summary>The sanitised original name (for display only; never used as a path).</summary>
    public string FileName { get; private set; }

    /// <summary>Detected from the content: application/pdf, image/jpeg or image/png.</summary>
    public string ContentType { get; private set; }

    public long Size { get; private set; }

    /// <summary>SHA-256 of the bytes, lowercase hex: the name of the stored file.</summary>
    public string ContentHash { get; private set; }

    public DateTimeOffset StoredAt { get; private set; }

    /// <summary>
    /// Attaches checked content to a matter. Only the matter's initiator (while the matter is not
    /// rejected or withdrawn) or someone who may act on its current step now may attach; a stranger
    /// is refused naming R8.
    /// </summary>
    public static Result<Attachment> Create(Matter matter, PersonId uploader, AttachmentCheck check, long size, string contentHash, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(matter);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(org);
        if (!AttachmentRules.IsSha256Hex(contentHash))
        {
            return Refusal.Because(Refusal.InvalidId, "ContentHash", "The content hash must be a lowercase SHA-256 hex digest.");
        }

        if (size <= 0)
        {
            return Refusal.Because(Refusal.InvalidId, "FileEmpty", "The file is empty.");
        }

        var who = org.NameOf(uploader);
        if (matter.State is MatterState.Rejected or MatterState.Withdrawn)
        {
            return Refusal.Because(RuleId, "MatterFinal", "The matter \"{title}\" is {state}, which is final; nothing more is attached to it.",
                ("title", matter.Title), ("state", matter.State.ToString()));
        }

        var mayAttach = uploader == matter.InitiatorId || matter.IsWaitingFor(uploader, org);
        return mayAttach
            ? Result<Attachment>.Ok(new Attachment(matter, uploader, check, size, contentHash, now))
            : Refusal.Because(RuleId, "NotInitiatorOrActor", "{person} neither initiated the matter \"{title}\" nor may act on it now; only they attach vouchers and documents to it.",
                ("person", who), ("title", matter.Title));
    }
}
