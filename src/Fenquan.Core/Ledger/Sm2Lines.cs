using System.Globalization;
using System.Text;

namespace Fenquan.Core.Ledger;

/// <summary>What the SM2 lines of a county's checkpoints showed: how many verified, and each problem.</summary>
public sealed record Sm2LineReport(long Good, long? FirstSignedSize, IReadOnlyList<string> Problems)
{
    public bool IsIntact => Problems.Count == 0;
}

/// <summary>
/// R44 with GB/T 39786: checks the SM2/SM3 lines of a county's checkpoints against the SM2 keys a
/// verifier trusts. A line by a trusted key must verify (signed-note: a known key's bad signature
/// rejects the note). Once the log has signed a checkpoint with SM2, every later checkpoint must carry
/// a good SM2 line too: someone holding only the stolen Ed25519 key cannot sign new checkpoints
/// without it showing.
/// </summary>
public static class Sm2Lines
{
    /// <summary>The most problems listed (the count of good lines is exact).</summary>
    public const int ProblemLimit = 100;

    public static Sm2LineReport Check(IEnumerable<(long TreeSize, string? Checkpoint)> heads, IReadOnlyList<NoteVerifierKey> sm2Keys)
    {
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentNullException.ThrowIfNull(sm2Keys);
        long good = 0;
        long? first = null;
        var problems = new List<string>();
        foreach (var (size, checkpoint) in heads)
        {
            if (checkpoint is null || sm2Keys.Count == 0)
            {
                continue;
            }

            var note = SignedNote.Parse(checkpoint);
            var lines = note is null ? [] : note.Signatures.Where(s => sm2Keys.Any(k => k.Names(s))).ToList();
            string? problem = null;
            if (lines.Count > 0)
            {
                byte[] message = Encoding.UTF8.GetBytes(note!.Text);
                if (lines.All(line => sm2Keys.Any(k => k.Verifies(message, line))))
                {
                    good++;
                    first ??= size;
                }
                else
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"The checkpoint at size {size} carries an SM2 line by a trusted key that does not verify.");
                }
            }
            else if (first is { } since)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"The checkpoint at size {size} has no SM2 line, though the log has signed with SM2 since size {since}.");
            }

            if (problem is not null && problems.Count < ProblemLimit)
            {
                problems.Add(problem);
            }
        }

        return new Sm2LineReport(good, first, problems);
    }
}
