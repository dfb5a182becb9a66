using System.Security.Cryptography;
using Fenquan.Core.Attachments;

namespace Fenquan.Data.Storage;

/// <summary>
/// The upload store: bytes under <see cref="DataDirectory.UploadsFolder"/> (outside any web root),
/// content-addressed by SHA-256 (<c>uploads/ab/abcdef…</c>), so the same file stored twice is one
/// file and a file's name is its checksum. Uploads are streamed to a temporary file while hashing
/// (never the whole file in memory) and moved into place only once accepted.
/// </summary>
public sealed class AttachmentStore
{
    private const int BufferSize = 81920;

    public AttachmentStore(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Root = data.UploadsFolder;
        TempFolder = Path.Combine(Root, TempFolderName);
    }

    /// <summary>The sub-folder of the uploads where a file is staged before it is kept under its hash.</summary>
    public const string TempFolderName = "tmp";

    public string Root { get; }

    private string TempFolder { get; }

    /// <summary>Where the bytes of <paramref name="contentHash"/> live (whether or not they exist).</summary>
    public string PathOf(string contentHash)
    {
        if (!AttachmentRules.IsSha256Hex(contentHash))
        {
            throw new ArgumentException("Not a lowercase SHA-256 hex digest.", nameof(contentHash));
        }

        return Path.Combine(Root, contentHash[..2], contentHash);
    }

    public bool Exists(string contentHash) => File.Exists(PathOf(contentHash));

    /// <summary>
    /// Streams <paramref name="content"/> to a temporary file, hashing as it goes and keeping the
    /// first bytes for the type check. Stops reading once past <paramref name="maxBytes"/> (the size
    /// reported is then maxBytes + 1, enough to refuse it) so an oversize upload never fills the disk.
    /// </summary>
    public async Task<StagedUpload> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(TempFolder);
        var tempPath = Path.Combine(TempFolder, Guid.CreateVersion7().ToString("N") + ".part");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[AttachmentRules.HeadLength];
        var headLength = 0;
        long size = 0;
        var buffer = new byte[BufferSize];
        try
        {
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(head.Length - headLength, read);
                        buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                        headLength += take;
                    }

                    size += read;
                    if (size > maxBytes)
                    {
                        size = maxBytes + 1;
                        break;
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                // Durable before it is ledgered: the row that names the hash must not outlive the bytes.
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            return new StagedUpload(tempPath, size, Convert.ToHexStringLower(hash.GetHashAndReset()), head[..headLength]);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    /// <summary>
    /// Moves an accepted upload into place under its hash. Idempotent: when the content is already
    /// stored (the same file attached twice, or a retried commit) the temporary file is dropped.
    /// </summary>
    public string Commit(StagedUpload staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var target = PathOf(staged.ContentHash);
        if (File.Exists(target))
        {
            TryDelete(staged.TempPath);
            return target;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(staged.TempPath, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            TryDelete(staged.TempPath);
        }

        return target;
    }

    /// <summary>Opens the stored bytes for reading; null when missing.</summary>
    public FileStream? OpenRead(string contentHash)
    {
        var path = PathOf(contentHash);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan) : null;
    }

    /// <summary>The SHA-256 of the stored bytes as they are now; null when the file is missing.</summary>
    public async Task<string?> HashStoredAsync(string contentHash, CancellationToken cancellationToken = default)
    {
        await using var stream = OpenRead(contentHash);
        if (stream is null)
        {
            return null;
        }

        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>An upload in a temporary file: its size, hash and first bytes. Dispose drops the file if it was not committed.</summary>
public sealed class StagedUpload(string tempPath, long size, string contentHash, byte[] head) : IDisposable
{
    public string TempPath { get; } = tempPath;

    public long Size { get; } = size;

    public string ContentHash { get; } = contentHash;

    public ReadOnlyMemory<byte> Head { get; } = head;

    public void Dispose() => AttachmentStore.TryDelete(TempPath);
}
