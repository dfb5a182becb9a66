using Fenquan.Core.Primitives;
using Microsoft.AspNetCore.WebUtilities;

namespace Fenquan.Web.Attachments;

/// <summary>
/// A part of a client's multipart body, read through this so that a body that breaks off (no closing
/// boundary, a truncated part) is told apart from the server's own faults: reading it fails with a
/// <see cref="BrokenBodyException"/> (a 400, nothing kept), while a failure to write the staged file
/// stays an <see cref="IOException"/> (a 500). Kestrel's own refusals (a body over the limit) pass unchanged.
/// </summary>
public sealed class ClientBodyStream(Stream inner) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>The next section, or the refusal of a body broken off before its closing boundary; null at the end.</summary>
    public static async Task<(MultipartSection? Section, Refusal? Broken)?> NextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken) is { } section ? (section, null) : null;
        }
        catch (Exception e) when (IsClientFault(e, cancellationToken))
        {
            return (null, Broken(e));
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return inner.Read(buffer, offset, count);
        }
        catch (Exception e) when (IsClientFault(e, CancellationToken.None))
        {
            throw new BrokenBodyException(Broken(e), e);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (IsClientFault(e, cancellationToken))
        {
            throw new BrokenBodyException(Broken(e), e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // The multipart reader's "Unexpected end of Stream" and a malformed header are IOException and
    // InvalidDataException; Kestrel's BadHttpRequestException (also an IOException) keeps its own status.
    internal static bool IsClientFault(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is InvalidDataException or IOException && e is not BadHttpRequestException;

    private static Refusal Broken(Exception e) => Refusal.Invalid("The multipart body is incomplete or malformed (" + e.Message + "); nothing was kept.");

    /// <summary>The client's body broke off while it was read.</summary>
    public sealed class BrokenBodyException(Refusal refusal, Exception inner) : IOException(refusal.Reason, inner)
    {
        public Refusal Refusal { get; } = refusal;
    }
}
