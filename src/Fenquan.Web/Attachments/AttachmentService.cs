using Fenquan.Core.Attachments;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Matters;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Attachments;

/// <summary>
/// Vouchers and documents of a matter, for pages and the API: the viewer must see the matter first
/// (otherwise it does not exist for them); the operations check the content, the size and R8.
/// </summary>
public sealed class AttachmentService(MatterService matters, AttachmentOperations operations, DbSession session)
{
    /// <summary>Multipart overhead allowed on top of the file limit before the request is refused unread.</summary>
    public const long Overhead = 64 * 1024;

    /// <summary>The largest upload request accepted (file limit plus multipart overhead).</summary>
    public static long MaxRequest => AttachmentLimits.Default.MaxBytes + Overhead;

    public AttachmentLimits Limits => operations.Limits;

    public async Task<Result<IReadOnlyList<Attachment>>> ListAsync(Viewer viewer, Guid matterId)
    {
        var matter = await matters.GetAsync(viewer, matterId);
        if (!matter.IsOk)
        {
            return matter.Refusal!;
        }

        // Ordered in memory: SQLite cannot order by a DateTimeOffset column, and a matter has few attachments.
        var id = matter.Value.Id;
        var rows = await session.Db.Set<Attachment>().AsNoTracking().Where(a => a.CountyId == viewer.County && a.MatterId == id).ToListAsync();
        return Result<IReadOnlyList<Attachment>>.Ok(rows.OrderBy(a => a.StoredAt).ThenBy(a => a.Id.Value).ToList());
    }

    public async Task<Result<Attachment>> AddAsync(Viewer viewer, Guid matterId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var matter = await matters.GetAsync(viewer, matterId);
        if (!matter.IsOk)
        {
            return matter.Refusal!;
        }

        return await operations.AddAsync(viewer.County, matter.Value.Id, viewer.Person!.Value, fileName, content, cancellationToken);
    }

    /// <summary>The bytes, re-hashed against the ledgered hash (R44); the caller disposes the stream.</summary>
    public async Task<Result<AttachmentContent>> OpenAsync(Viewer viewer, Guid matterId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var matter = await matters.GetAsync(viewer, matterId);
        if (!matter.IsOk)
        {
            return matter.Refusal!;
        }

        // Another matter's attachment does not exist here: asked before it is opened, so that a refusal
        // about its bytes (R44, naming its file) never reaches someone who may not see its matter.
        var id = new AttachmentId(attachmentId);
        var ofMatter = matter.Value.Id;
        if (!await session.Db.Set<Attachment>().AsNoTracking().AnyAsync(a => a.Id == id && a.CountyId == viewer.County && a.MatterId == ofMatter, cancellationToken))
        {
            return Refusal.NotFound("Attachment " + attachmentId.ToString("D"));
        }

        var opened = await operations.OpenAsync(session.Db, viewer.County, id, cancellationToken);
        if (opened.IsOk && opened.Value.Attachment.MatterId != ofMatter)
        {
            await opened.Value.Content.DisposeAsync();
            return Refusal.NotFound("Attachment " + attachmentId.ToString("D"));
        }

        return opened;
    }
}
