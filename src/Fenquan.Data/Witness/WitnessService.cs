using System.Security.Cryptography;
using System.Text;
using Fenquan.Core.Ledger;
using Fenquan.Data.Storage;

namespace Fenquan.Data.Witness;

/// <summary>An HTTP answer of the witness: status, content type and body.</summary>
public sealed record WitnessResponse(int Status, string ContentType, string Body);

/// <summary>
/// A witness (C2SP tlog-witness, R44), run by an office other than the server's, with its own key and
/// its own record in its own folder: <c>witness-ed25519.p8.pem</c> (encrypted, passphrase in
/// <c>witness-key.passphrase</c> unless given), <c>logs.txt</c> (the logs it witnesses: a trust file's
/// <c>log VKEY</c> lines), <c>state/</c> (per origin, the latest checkpoint it cosigned, with its
/// cosignature) and <c>refusals.log</c> (every refused checkpoint with a valid log signature, kept as
/// evidence). Checking a request and recording its checkpoint are one atomic step.
/// </summary>
public sealed class WitnessService : IWitnessClient, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TreeHeadSigner _key;
    private readonly TimeProvider _time;

    private WitnessService(string folder, string name, TreeHeadSigner key, TimeProvider time)
    {
        Folder = folder;
        Name = name;
        _key = key;
        _time = time;
    }

    public string Folder { get; }

    public string Name { get; }

    /// <summary>The cosignature verifier key the log and verifiers configure.</summary>
    public NoteVerifierKey Key => new(Name, NoteKeyType.Cosignature, _key.PublicKey);

    private string LogsFile => Path.Combine(Folder, "logs.txt");

    private string RefusalsFile => Path.Combine(Folder, "refusals.log");

    public static WitnessService Open(string folder, string name, TimeProvider time, string? passphraseFile = null)
    {
        if (!SignedNote.IsValidKeyName(name))
        {
            throw new ArgumentException("A witness name has no spaces or plus signs (e.g. jiwei.example/witness).", nameof(name));
        }

        Directory.CreateDirectory(Path.Combine(folder, "state"));
        var key = SigningKeyStore.LoadOrCreateEncrypted(Path.Combine(folder, "witness-ed25519.p8.pem"), passphraseFile ?? Path.Combine(folder, "witness-key.passphrase"));
        return new WitnessService(folder, name, key, time);
    }

    /// <summary>The logs this witness trusts (their keys), from logs.txt.</summary>
    public TrustFile Logs() => File.Exists(LogsFile) ? TrustFile.Parse(File.ReadAllText(LogsFile)) : new TrustFile([], []);

    /// <summary>Adds the logs of a trust file (their log keys) to those witnessed.</summary>
    public void TrustLogs(IEnumerable<NoteVerifierKey> logKeys)
    {
        var known = Logs().Logs;
        var all = known.Concat(logKeys).DistinctBy(k => k.Vkey()).ToList();
        File.WriteAllText(LogsFile, new TrustFile(all, []).Format());
    }

    /// <summary>The latest checkpoint cosigned for <paramref name="origin"/>, with this witness's cosignature; null when none.</summary>
    public string? LatestCheckpoint(string origin)
    {
        var file = StateFile(origin);
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    /// <summary>POST add-checkpoint.</summary>
    public async Task<WitnessResponse> AddCheckpointAsync(string body, CancellationToken cancellationToken = default)
    {
        var request = AddCheckpointRequest.Parse(body);
        var logs = Logs();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var decision = WitnessProtocol.Decide(request, origin => [.. logs.Logs.Where(l => l.Name == origin)], Latest);
            switch (decision.Verdict)
            {
                case WitnessVerdict.Cosigned:
                    var checkpoint = decision.Checkpoint!;
                    var cosignature = Cosignature.Sign(_key, Name, checkpoint.Body(), _time.GetUtcNow().ToUnixTimeSeconds());
                    var note = SignedNote.Parse(request!.Checkpoint)!;
                    var kept = new SignedNote(note.Text, [.. note.Signatures.Where(s => s.KeyName != Name), cosignature]).Format();
                    var file = StateFile(checkpoint.Origin);
                    await File.WriteAllTextAsync(file + ".tmp", kept, cancellationToken).ConfigureAwait(false);
                    File.Move(file + ".tmp", file, overwrite: true);
                    return new WitnessResponse(200, "text/plain; charset=utf-8", cosignature.Line());
                case WitnessVerdict.Conflict:
                    await RecordRefusalAsync(decision, body, cancellationToken).ConfigureAwait(false);
                    return new WitnessResponse(409, WitnessProtocol.SizeContentType, WitnessProtocol.SizeBody(decision.LatestSize ?? 0));
                case WitnessVerdict.Inconsistent:
                case WitnessVerdict.BadRequest:
                    await RecordRefusalAsync(decision, body, cancellationToken).ConfigureAwait(false);
                    return new WitnessResponse((int)decision.Verdict, "text/plain; charset=utf-8", decision.Reason + "\n");
                case WitnessVerdict.Forbidden:
                case WitnessVerdict.UnknownOrigin:
                default:
                    return new WitnessResponse((int)decision.Verdict, "text/plain; charset=utf-8", decision.Reason + "\n");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The refusals recorded so far (the witness's report).</summary>
    public string Refusals() => File.Exists(RefusalsFile) ? File.ReadAllText(RefusalsFile) : string.Empty;

    public void Dispose()
    {
        _key.Dispose();
        _gate.Dispose();
    }

    private WitnessedTree? Latest(string origin)
    {
        var note = LatestCheckpoint(origin);
        var body = note is null ? null : SignedNote.Parse(note) is { } parsed ? Checkpoint.ParseBody(parsed.Text) : null;
        return body is null ? null : new WitnessedTree(body.Size, body.Root);
    }

    // A refusal of a checkpoint the log validly signed is evidence of misbehaviour: keep it.
    private async Task RecordRefusalAsync(WitnessDecision decision, string body, CancellationToken cancellationToken)
    {
        if (decision.Checkpoint is null)
        {
            return;
        }

        var entry = new StringBuilder()
            .Append("=== ").Append(_time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Append(' ')
            .Append((int)decision.Verdict).Append(' ').Append(decision.Reason).Append('\n')
            .Append(body).Append(body.EndsWith('\n') ? string.Empty : "\n");
        await File.AppendAllTextAsync(RefusalsFile, entry.ToString(), cancellationToken).ConfigureAwait(false);
    }

    private string StateFile(string origin) =>
        Path.Combine(Folder, "state", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(origin))) + ".checkpoint");
}
