using System.Globalization;

namespace Fenquan.Core.Ledger;

/// <summary>A C2SP tlog-witness add-checkpoint request: the old size, the consistency proof from it, and the checkpoint note.</summary>
public sealed record AddCheckpointRequest(long OldSize, IReadOnlyList<byte[]> Proof, string Checkpoint)
{
    /// <summary>The request body: <c>old N\n</c>, one base64 hash a line, a blank line, the checkpoint.</summary>
    public string Format() =>
        "old " + OldSize.ToString(CultureInfo.InvariantCulture) + "\n" + string.Concat(Proof.Select(h => Convert.ToBase64String(h) + "\n")) + "\n" + Checkpoint;

    public static AddCheckpointRequest? Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        int blank = body.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            return null;
        }

        string[] lines = body[..blank].Split('\n');
        if (!lines[0].StartsWith("old ", StringComparison.Ordinal) || lines.Length - 1 > 63)
        {
            return null;
        }

        string size = lines[0][4..];
        if (size.Length == 0 || (size.Length > 1 && size[0] == '0') || !size.All(char.IsAsciiDigit)
            || !long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out long old))
        {
            return null;
        }

        var proof = new List<byte[]>();
        foreach (string line in lines.Skip(1))
        {
            try
            {
                byte[] hash = Convert.FromBase64String(line);
                if (hash.Length != MerkleHash.Size)
                {
                    return null;
                }

                proof.Add(hash);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return new AddCheckpointRequest(old, proof, body[(blank + 2)..]);
    }
}

/// <summary>The latest checkpoint a witness cosigned for an origin: its size and root.</summary>
public sealed record WitnessedTree(long Size, byte[] Root);

/// <summary>The witness's answer, with the HTTP status C2SP tlog-witness gives it.</summary>
public enum WitnessVerdict
{
    /// <summary>200: consistent; cosigned and recorded.</summary>
    Cosigned = 200,

    /// <summary>400: malformed, or the old size is larger than the checkpoint's.</summary>
    BadRequest = 400,

    /// <summary>403: no signature by a key the witness trusts for the origin.</summary>
    Forbidden = 403,

    /// <summary>404: the origin is unknown to the witness.</summary>
    UnknownOrigin = 404,

    /// <summary>409: the old size is not the witness's latest (body: its size), or equal sizes with different roots.</summary>
    Conflict = 409,

    /// <summary>422: the consistency proof does not verify: not an extension of what the witness saw.</summary>
    Inconsistent = 422,
}

/// <summary>The witness's decision on one request: the verdict, the opened checkpoint when it is good, and why.</summary>
public sealed record WitnessDecision(WitnessVerdict Verdict, Checkpoint? Checkpoint, string Reason, long? LatestSize = null);

/// <summary>
/// The witness's rule (C2SP tlog-witness, R44), pure: cosign a checkpoint only when it is signed by the
/// log's trusted key and provably extends the latest checkpoint the witness cosigned for that origin.
/// The caller makes the check and the update of its record one atomic step.
/// </summary>
public static class WitnessProtocol
{
    public static WitnessDecision Decide(AddCheckpointRequest? request, Func<string, IReadOnlyList<NoteVerifierKey>> logKeys, Func<string, WitnessedTree?> latest)
    {
        ArgumentNullException.ThrowIfNull(logKeys);
        ArgumentNullException.ThrowIfNull(latest);
        if (request is null || SignedNote.Parse(request.Checkpoint) is not { } note || Checkpoint.ParseBody(note.Text) is not { } body)
        {
            return new WitnessDecision(WitnessVerdict.BadRequest, null, "The request is not an old size, a proof and a checkpoint.");
        }

        var keys = logKeys(body.Origin);
        if (keys.Count == 0)
        {
            return new WitnessDecision(WitnessVerdict.UnknownOrigin, null, $"The origin {body.Origin} is unknown to this witness.");
        }

        if (!keys.Any(k => Checkpoint.Open(request.Checkpoint, k).IsOk))
        {
            return new WitnessDecision(WitnessVerdict.Forbidden, null, "The checkpoint carries no valid signature by the log's key.");
        }

        if (request.OldSize > body.Size)
        {
            return new WitnessDecision(WitnessVerdict.BadRequest, body, $"The old size {request.OldSize} is larger than the checkpoint's size {body.Size}.");
        }

        var seen = latest(body.Origin);
        long seenSize = seen?.Size ?? 0;
        if (request.OldSize != seenSize)
        {
            return new WitnessDecision(WitnessVerdict.Conflict, body, $"The witness's latest size is {seenSize}, not {request.OldSize}.", seenSize);
        }

        if (seen is null || seen.Size == 0)
        {
            return request.Proof.Count == 0
                ? new WitnessDecision(WitnessVerdict.Cosigned, body, "First checkpoint seen for this origin.")
                : new WitnessDecision(WitnessVerdict.Inconsistent, body, "A proof from size 0 must be empty.");
        }

        if (seen.Size == body.Size)
        {
            return seen.Root.AsSpan().SequenceEqual(body.Root)
                ? new WitnessDecision(WitnessVerdict.Cosigned, body, "The same tree as before.")
                : new WitnessDecision(WitnessVerdict.Conflict, body, $"Fork: size {body.Size} was cosigned with root {Convert.ToBase64String(seen.Root)}, now it has root {Convert.ToBase64String(body.Root)}.", seen.Size);
        }

        var proof = MerkleProofs.CheckConsistency(seen.Size, body.Size, seen.Root, body.Root, request.Proof);
        return proof.IsOk
            ? new WitnessDecision(WitnessVerdict.Cosigned, body, "Consistent with the latest cosigned checkpoint.")
            : new WitnessDecision(WitnessVerdict.Inconsistent, body, $"Not an extension of size {seen.Size} root {Convert.ToBase64String(seen.Root)}: {proof.Refusal!.Reason}");
    }

    /// <summary>The 409 body: the witness's latest size and a newline (Content-Type text/x.tlog.size).</summary>
    public static string SizeBody(long size) => size.ToString(CultureInfo.InvariantCulture) + "\n";

    public const string SizeContentType = "text/x.tlog.size";

    /// <summary>Signature lines of a 200 response: the cosignatures that verify with <paramref name="witness"/>'s key, with their times.</summary>
    public static IReadOnlyList<(NoteSignature Signature, long Timestamp)> CosignaturesIn(string response, NoteVerifierKey witness, string checkpointBody)
    {
        ArgumentNullException.ThrowIfNull(response);
        var found = new List<(NoteSignature, long)>();
        foreach (string line in response.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (NoteSignature.Parse(line) is { } signature && Cosignature.Verify(witness, checkpointBody, signature) is { } timestamp)
            {
                found.Add((signature, timestamp));
            }
        }

        return found;
    }
}
