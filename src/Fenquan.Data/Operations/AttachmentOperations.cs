using System.Security.Cryptography;
using Fenquan.Core.Attachments;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Operations;

/// <summary>An attachment read back: its row and its bytes, whose hash matched the ledgered one.</summary>
public sealed record AttachmentContent(Attachment Attachment, Stream Content);

/// <summary>A file sent with a submission: the name the client gave it, and its bytes.</summary>
public sealed record UploadedFile(string FileName, Stream Content);

/// <summary>A stored attachment whose bytes no longer match the ledgered hash, or are missing.</summary>
public sealed record AttachmentProblem(CountyId County, AttachmentId AttachmentId, MatterId MatterId, string ContentHash, string Message)
{
    public override string ToString() => Message;
}

public sealed record AttachmentAudit(int FilesChecked, IReadOnlyList<AttachmentProblem> Problems)
{
    public bool IsIntact => Problems.Count == 0;
}

/// <summary>
/// Vouchers and supporting documents: streamed to a temporary file while hashing, checked by
/// content, then — through the writer, so the content hash is in the ledger — the row is added and
/// the bytes moved into the content-addressed store.
/// </summary>
public sealed class AttachmentOperations(LedgerWriter writer, AttachmentStore store, AttachmentLimits? limits = null)
{
    public AttachmentLimits Limits { get; } = limits ?? AttachmentLimits.Default;

    /// <summary>
    /// Attaches a file to a matter. Refused (nothing stored, nothing ledgered) when the file is
    /// empty, over the limit (<see cref="AttachmentRules.TooLargeId"/>), not a PDF, JPEG or PNG by
    /// content, the matter is unknown, or the uploader is neither its initiator nor someone who may
    /// act on it now (R8).
    /// </summary>
    public async Task<Result<Attachment>> AddAsync(CountyId county, MatterId matterId, PersonId uploader, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        using var staged = await store.StageAsync(content, Limits.MaxBytes, cancellationToken);
        var check = AttachmentRules.Check(staged.Head.Span, staged.Size, fileName, Limits);
        if (!check.IsOk)
        {
            return check.Refusal!;
        }

        return await writer.ExecuteAsync(county, "attachment.added", ctx =>
        {
            var matter = MatterOperations.Load(ctx, matterId);
            if (matter is null)
            {
                return Refusal.NotFound($"Matter {matterId}");
            }

            var org = ctx.UnitView(matter.UnitId);
            var attachment = Attachment.Create(matter, uploader, check.Value, staged.Size, staged.ContentHash, org, ctx.Now);
            if (attachment.IsOk)
            {
                // The bytes are in place before the row that names them commits; a crash in between
                // leaves an unnamed file (harmless, and reused by the next upload of the same content).
                store.Commit(staged);
                ctx.Db.Add(attachment.Value);
            }

            return attachment;
        }, cancellationToken);
    }

    /// <summary>
    /// Submits a matter with its vouchers and documents in one unit of work (issue 14): every file is
    /// staged and checked first (size, type by content), and a refused file refuses the submission,
    /// so nothing is submitted and nothing stored; otherwise the matter and its attachments are
    /// ledgered together, and no reviewer ever sees the matter without them.
    /// </summary>
    public async Task<Result<Core.Matters.Matter>> SubmitWithAsync(MatterOperations matters, Core.Matters.SubmitMatter command, Core.Finance.ClaimDetails? claim, string? budgetLine, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matters);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(files);
        var staged = new List<(StagedUpload Upload, AttachmentCheck Check)>(files.Count);
        try
        {
            foreach (var file in files)
            {
                var upload = await store.StageAsync(file.Content, Limits.MaxBytes, cancellationToken);
                var check = AttachmentRules.Check(upload.Head.Span, upload.Size, file.FileName, Limits);
                if (!check.IsOk)
                {
                    upload.Dispose();
                    return check.Refusal!;
                }

                staged.Add((upload, check.Value));
            }

            return await writer.ExecuteAsync(command.CountyId, "matter.submitted", ctx =>
            {
                var matter = matters.Submit(ctx, command, claim, budgetLine, Core.Policy.MatterFlags.None);
                if (!matter.IsOk)
                {
                    return matter;
                }

                var org = ctx.UnitView(command.UnitId);
                var attachments = new List<Attachment>(staged.Count);
                foreach (var (upload, check) in staged)
                {
                    var attachment = Attachment.Create(matter.Value, command.InitiatorId, check, upload.Size, upload.ContentHash, org, ctx.Now);
                    if (!attachment.IsOk)
                    {
                        return attachment.Refusal!;
                    }

                    attachments.Add(attachment.Value);
                }

                // As in AddAsync: the bytes are in place before the rows that name them commit.
                foreach (var (upload, _) in staged)
                {
                    store.Commit(upload);
                }

                ctx.Db.AddRange(attachments);
                return matter;
            }, cancellationToken);
        }
        finally
        {
            foreach (var (upload, _) in staged)
            {
                upload.Dispose();
            }
        }
    }

    /// <summary>The attachments of a matter, oldest first.</summary>
    // Ordered in memory: SQLite cannot order by a DateTimeOffset column. A matter has few attachments.
    public static async Task<List<Attachment>> ListAsync(FenquanDbContext db, CountyId county, MatterId matterId, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<Attachment>().AsNoTracking().Where(a => a.CountyId == county && a.MatterId == matterId).ToListAsync(cancellationToken))
            .OrderBy(a => a.StoredAt).ThenBy(a => a.Id.Value)];

    /// <summary>
    /// Opens an attachment's bytes after re-hashing them: refused naming R44 when they no longer
    /// match the ledgered hash or are missing. The caller disposes the stream.
    /// </summary>
    public async Task<Result<AttachmentContent>> OpenAsync(FenquanDbContext db, CountyId county, AttachmentId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var attachment = await db.Set<Attachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.CountyId == county, cancellationToken);
        if (attachment is null)
        {
            return Refusal.NotFound($"Attachment {id}");
        }

        var stream = store.OpenRead(attachment.ContentHash);
        if (stream is null)
        {
            return Refusal.Because("R44", "AttachmentBytesMissing", "The bytes of \"{file}\" are missing from the upload store.", ("file", attachment.FileName));
        }

        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        if (!string.Equals(actual, attachment.ContentHash, StringComparison.Ordinal))
        {
            await stream.DisposeAsync();
            return Refusal.Because("R44", "AttachmentBytesChanged", "The stored bytes of \"{file}\" no longer match the ledgered hash {hash} (now {actual}).", ("file", attachment.FileName), ("hash", attachment.ContentHash), ("actual", actual));
        }

        stream.Position = 0;
        return Result<AttachmentContent>.Ok(new AttachmentContent(attachment, stream));
    }

    /// <summary>
    /// R44: re-hashes every stored file named by an attachment row and reports each whose bytes are
    /// missing or no longer match the ledgered hash (each distinct file is hashed once).
    /// </summary>
    public Task<AttachmentAudit> VerifyAsync(FenquanDbContext db, CancellationToken cancellationToken = default) =>
        VerifyAsync(db, store, cancellationToken);

    /// <summary>The same check without a writer, for `fenquan verify`.</summary>
    public static async Task<AttachmentAudit> VerifyAsync(FenquanDbContext db, AttachmentStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(store);
        // Streamed in content-hash order, one file's rows at a time: memory does not grow with the
        // number of attachments, and a file shared by several attachments is hashed once.
        var rows = db.Set<Attachment>().AsNoTracking()
            .OrderBy(a => a.ContentHash).ThenBy(a => a.Id)
            .Select(a => new AttachmentRow(a.CountyId, a.Id, a.MatterId, a.ContentHash, a.FileName))
            .AsAsyncEnumerable();
        var problems = new List<AttachmentProblem>();
        var files = 0;
        var group = new List<AttachmentRow>();
        async Task CheckAsync()
        {
            if (group.Count == 0)
            {
                return;
            }

            files++;
            var hash = group[0].ContentHash;
            var actual = AttachmentRules.IsSha256Hex(hash) ? await store.HashStoredAsync(hash, cancellationToken) : null;
            if (!string.Equals(actual, hash, StringComparison.Ordinal))
            {
                foreach (var row in group)
                {
                    var message = actual is null
                        ? $"Attachment {row.Id} (\"{row.FileName}\") of matter {row.MatterId}: the file {hash} is missing."
                        : $"Attachment {row.Id} (\"{row.FileName}\") of matter {row.MatterId}: the stored bytes hash to {actual}, not the ledgered {hash}.";
                    problems.Add(new AttachmentProblem(row.CountyId, row.Id, row.MatterId, hash, message));
                }
            }

            group.Clear();
        }

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (group.Count > 0 && !string.Equals(group[0].ContentHash, row.ContentHash, StringComparison.Ordinal))
            {
                await CheckAsync();
            }

            group.Add(row);
        }

        await CheckAsync();
        return new AttachmentAudit(files, problems);
    }

    private sealed record AttachmentRow(CountyId CountyId, AttachmentId Id, MatterId MatterId, string ContentHash, string FileName);
}
