using System.Text;

namespace Fenquan.Core.Ledger;

/// <summary>
/// The keys a verifier should trust (R44), kept by the verifier rather than read from the server:
/// each county log's Ed25519 key or keys (a rotation adds one; the key name is the log's origin) and
/// the witnesses' cosignature keys, as signed-note verifier keys, one a line:
/// <c>log VKEY</c> or <c>witness VKEY</c>; <c>#</c> starts a comment.
/// </summary>
public sealed record TrustFile(IReadOnlyList<NoteVerifierKey> Logs, IReadOnlyList<NoteVerifierKey> Witnesses)
{
    /// <summary>
    /// The trust file of a server: each of its log keys (oldest first) for each county's origin, its
    /// SM2 keys when it signs an SM2 line too, and its witnesses.
    /// </summary>
    public static TrustFile ForCounties(IEnumerable<Primitives.CountyId> counties, IReadOnlyList<byte[]> logKeys, IEnumerable<NoteVerifierKey> witnesses, IReadOnlyList<byte[]>? sm2Keys = null) =>
        new([.. counties.SelectMany(county =>
                logKeys.Select(key => new NoteVerifierKey(LogOrigin.Of(county), NoteKeyType.Ed25519, key))
                    .Concat((sm2Keys ?? []).Select(key => new NoteVerifierKey(LogOrigin.Of(county), NoteKeyType.Sm2, key))))],
            [.. witnesses]);

    public string Format()
    {
        var text = new StringBuilder("# Fenquan trust file (R44): keys to verify checkpoints with; keep it apart from the server.\n");
        foreach (var log in Logs)
        {
            text.Append("log ").Append(log.Vkey()).Append('\n');
        }

        foreach (var witness in Witnesses)
        {
            text.Append("witness ").Append(witness.Vkey()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Parses a trust file; a bad line is an error naming its number.</summary>
    public static TrustFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var logs = new List<NoteVerifierKey>();
        var witnesses = new List<NoteVerifierKey>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            var key = parts.Length == 2 ? NoteVerifierKey.Parse(parts[1]) : null;
            switch (parts[0], key?.Type)
            {
                case ("log", NoteKeyType.Ed25519 or NoteKeyType.Sm2):
                    logs.Add(key!);
                    break;
                case ("witness", NoteKeyType.Cosignature):
                    witnesses.Add(key!);
                    break;
                default:
                    throw new FormatException($"Line {i + 1} of the trust file is not \"log VKEY\" (Ed25519 or SM2) or \"witness VKEY\" (cosignature).");
            }
        }

        return new TrustFile(logs, witnesses);
    }

    /// <summary>The distinct log public keys (for heads, which are signed outside the note format).</summary>
    public IReadOnlyList<byte[]> LogPublicKeys() =>
        [.. Logs.Where(l => l.Type == NoteKeyType.Ed25519).Select(l => l.PublicKey).DistinctBy(Convert.ToHexString)];

    /// <summary>The trusted SM2 keys for a log's origin.</summary>
    public IReadOnlyList<NoteVerifierKey> Sm2KeysOf(string origin) =>
        [.. Logs.Where(l => l.Type == NoteKeyType.Sm2 && l.Name == origin)];

    /// <summary>Opens a checkpoint kept elsewhere with whichever trusted log key names its origin.</summary>
    public Primitives.Result<(Checkpoint Checkpoint, SignedNote Note)> OpenCheckpoint(string note)
    {
        Primitives.Result<(Checkpoint, SignedNote)> last = Primitives.Refusal.Because("R44", "CheckpointUntrusted", "No trusted log key names the checkpoint's origin.");
        foreach (var key in Logs)
        {
            last = Checkpoint.Open(note, key);
            if (last.IsOk)
            {
                return last;
            }
        }

        return last;
    }
}
