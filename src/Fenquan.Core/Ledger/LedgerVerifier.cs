using System.Globalization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Ledger;

/// <summary>One stored ledger row as read from the database, in the order of its sequence column.</summary>
/// <param name="Sequence">The row's sequence column.</param>
/// <param name="Bytes">The entry's canonical bytes as stored.</param>
/// <param name="LeafHash">The leaf hash as stored.</param>
public readonly record struct StoredEntry(long Sequence, ReadOnlyMemory<byte> Bytes, ReadOnlyMemory<byte> LeafHash);

/// <summary>What kind of tampering or damage a problem shows.</summary>
public enum LedgerProblemKind
{
    /// <summary>The entry's bytes no longer hash to its stored leaf hash.</summary>
    Edited,

    /// <summary>The sequence number inside the entry's bytes differs from the row's sequence column.</summary>
    Reordered,

    /// <summary>The entry's bytes are not a ledger entry (no leading "seq").</summary>
    Malformed,

    /// <summary>Sequence numbers are missing: entries were deleted.</summary>
    Missing,

    /// <summary>A row repeats or goes back to a sequence number already seen.</summary>
    Duplicate,

    /// <summary>A signed tree head's signature is not valid for the public key (or it is for another county).</summary>
    BadSignature,

    /// <summary>A validly signed tree head's root differs from the root recomputed from the stored entries.</summary>
    RootMismatch,

    /// <summary>
    /// Tree heads that cannot localise anything: entries before their size are missing, or an earlier
    /// head already disagreed (every later root then differs too).
    /// </summary>
    Unverifiable,

    /// <summary>A checkpoint kept outside the server (by a witness, or downloaded earlier) covers more entries than the ledger now has.</summary>
    Rollback,

    /// <summary>A checkpoint kept outside the server has another root than the ledger's first entries of its size give now.</summary>
    Fork,
}

/// <summary>
/// One problem, naming the entries concerned: <see cref="FirstSequence"/> to <see cref="LastSequence"/>
/// inclusive (equal for a single entry; for a tree head, the range in which the tampering lies).
/// </summary>
public sealed record LedgerProblem(LedgerProblemKind Kind, long FirstSequence, long LastSequence, string Message)
{
    public override string ToString() => Message;
}

/// <summary>The result of verifying one county's ledger (R44).</summary>
/// <param name="EntryCount">The number of stored rows read.</param>
/// <param name="TreeSize">The number of entries in the recomputed tree (rows less duplicates).</param>
/// <param name="Root">The recomputed root of the stored entries, as they are now.</param>
/// <param name="HeadsChecked">Signed tree heads whose signature and root were both found good.</param>
/// <param name="Problems">Every problem found, in the order found (at most the limit given).</param>
/// <param name="ProblemCount">All problems found, including any beyond the limit.</param>
public sealed record LedgerReport(long EntryCount, long TreeSize, byte[] Root, int HeadsChecked, IReadOnlyList<LedgerProblem> Problems, long ProblemCount)
{
    /// <summary>True when nothing was found altered, reordered or removed.</summary>
    public bool IsIntact => ProblemCount == 0;
}

/// <summary>
/// Recomputes a county's ledger from its stored rows (R44: anyone with the right can verify that nothing
/// was altered or removed). Pure and streaming: O(log n) memory for the tree, so a ledger of millions of
/// entries is checked as it is read. It finds
/// an edited entry (bytes ≠ stored leaf hash), a reordered one (sequence inside ≠ sequence column),
/// deleted entries (gaps, or a signed head covering more entries than are stored), duplicates,
/// tree heads with bad signatures, and — where an attacker also rewrote the stored leaf hash — a signed
/// head whose root differs from the recomputed one, naming the range since the last good head.
/// </summary>
public static class LedgerVerifier
{
    /// <summary>Default cap on the problems listed (all are counted).</summary>
    public const int DefaultProblemLimit = 10_000;

    public static LedgerReport Verify(
        IEnumerable<StoredEntry> entries,
        IEnumerable<SignedTreeHead> heads,
        byte[] publicKey,
        CountyId? county = null,
        int problemLimit = DefaultProblemLimit)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return Verify(entries, heads, [publicKey], [], county, problemLimit);
    }

    /// <summary>
    /// Verifies against every key the log has signed with (a rotation adds one) and against checkpoints
    /// kept outside the server (R44): a kept checkpoint larger than the ledger is a rollback, one whose
    /// root differs from the ledger's first entries of its size is a fork. Their signatures are checked
    /// by the caller.
    /// </summary>
    public static LedgerReport Verify(
        IEnumerable<StoredEntry> entries,
        IEnumerable<SignedTreeHead> heads,
        IReadOnlyCollection<byte[]> publicKeys,
        IReadOnlyCollection<Checkpoint> kept,
        CountyId? county = null,
        int problemLimit = DefaultProblemLimit,
        KeyHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentNullException.ThrowIfNull(publicKeys);
        ArgumentNullException.ThrowIfNull(kept);
        history ??= KeyHistory.None;
        var keptBySize = kept.OrderBy(c => c.Size).ToList();
        int nextKept = 0;

        var report = new ProblemList(problemLimit);

        // Heads are few (one per batch at most): check signatures up front, then walk them by size.
        var goodHeads = new List<SignedTreeHead>();
        foreach (SignedTreeHead head in heads)
        {
            if (county is { } c && head.County != c)
            {
                report.Add(LedgerProblemKind.BadSignature, 0, Math.Max(0, head.TreeSize - 1), Say($"The signed tree head at size {head.TreeSize} belongs to county {head.County}, not {c}."));
            }
            else if (publicKeys.Where(key => TreeHeadSigner.Verify(key, head)).ToList() is not { Count: > 0 } signers)
            {
                report.Add(LedgerProblemKind.BadSignature, 0, Math.Max(0, head.TreeSize - 1), Say($"The signed tree head at size {head.TreeSize} ({head.At.UtcDateTime:O}) has an invalid signature."));
            }
            else if (signers.All(key => history.RetiredAt(key, head.TreeSize) is not null))
            {
                long retired = history.RetiredAt(signers[0], head.TreeSize)!.Value;
                report.Add(LedgerProblemKind.BadSignature, 0, Math.Max(0, head.TreeSize - 1), Say($"The signed tree head at size {head.TreeSize} ({head.At.UtcDateTime:O}) is signed only by a key retired at entry #{retired}: a retired key signed new history."));
            }
            else
            {
                goodHeads.Add(head);
            }
        }

        goodHeads.Sort((a, b) => a.TreeSize != b.TreeSize ? a.TreeSize.CompareTo(b.TreeSize) : a.At.CompareTo(b.At));

        var accumulator = new MerkleAccumulator();
        Span<byte> leaf = stackalloc byte[MerkleHash.Size];
        Span<byte> root = stackalloc byte[MerkleHash.Size];
        long rows = 0;
        long expected = 0;          // the next sequence number due
        long lastGoodHead = 0;      // size of the last head that matched
        long brokenAt = -1;         // first sequence where the tree can no longer be rebuilt
        int nextHead = 0;
        int headsChecked = 0;
        long firstMismatch = -1;    // size of the first head that did not match
        long lastMismatch = -1;
        int laterMismatches = 0;

        // Heads at size 0 are checked against the empty root before any entry.
        CheckHeads(0);
        CheckKept(0);

        foreach (StoredEntry row in entries)
        {
            rows++;
            long seq = row.Sequence;
            if (seq < expected)
            {
                report.Add(LedgerProblemKind.Duplicate, seq, seq, Say($"Entry {seq} appears again (after entry {expected - 1}): an extra or duplicated row."));
                continue;
            }

            if (seq > expected)
            {
                report.Add(LedgerProblemKind.Missing, expected, seq - 1, seq - 1 == expected
                    ? Say($"Entry {expected} is missing: deleted.")
                    : Say($"Entries {expected} to {seq - 1} are missing: deleted."));
                if (brokenAt < 0)
                {
                    brokenAt = expected;
                }

                expected = seq;
            }

            ReadOnlySpan<byte> bytes = row.Bytes.Span;
            MerkleHash.Leaf(bytes, leaf);
            if (!leaf.SequenceEqual(row.LeafHash.Span))
            {
                report.Add(LedgerProblemKind.Edited, seq, seq, Say($"Entry {seq} was edited: its bytes do not match its stored leaf hash."));
            }

            if (!LedgerEntry.TryReadSequence(bytes, out long inner))
            {
                report.Add(LedgerProblemKind.Malformed, seq, seq, Say($"Entry {seq} is not a ledger entry: it does not begin with its sequence number."));
            }
            else if (inner != seq)
            {
                report.Add(LedgerProblemKind.Reordered, seq, seq, Say($"Entry {seq} holds the content of entry {inner}: entries were reordered."));
            }

            // The tree is rebuilt from the bytes as they are now, so an edit that also fixed the
            // stored leaf hash still changes the root and is caught by the next signed head.
            accumulator.Append(leaf);
            expected++;
            if (brokenAt < 0)
            {
                CheckHeads(accumulator.Size);
                CheckKept(accumulator.Size);
            }
        }

        // Kept checkpoints beyond the ledger's end: history was rolled back below what a witness saw.
        for (; nextKept < keptBySize.Count; nextKept++)
        {
            Checkpoint c = keptBySize[nextKept];
            if (brokenAt < 0 && c.Size > accumulator.Size)
            {
                report.Add(LedgerProblemKind.Rollback, accumulator.Size, c.Size - 1, Say($"Rollback: a kept checkpoint has size {c.Size} and root {Convert.ToBase64String(c.Root)}, but the ledger now has only {accumulator.Size} entries: entries {accumulator.Size} to {c.Size - 1} were removed."));
            }
        }

        // Heads beyond what could be checked: those covering more entries than are stored prove the
        // tail was deleted; after a gap the tree cannot be rebuilt to check them. Summed up once each.
        int remaining = goodHeads.Count - nextHead;
        if (remaining > 0)
        {
            long largest = goodHeads[^1].TreeSize;
            if (largest > expected)
            {
                report.Add(LedgerProblemKind.Missing, expected, largest - 1, Say($"Entries {expected} to {largest - 1} are missing: the signed tree head at size {largest} covers them but they are not stored."));
            }

            if (brokenAt >= 0)
            {
                report.Add(LedgerProblemKind.Unverifiable, brokenAt, largest - 1, Say($"{remaining} signed tree heads (sizes {goodHeads[nextHead].TreeSize} to {largest}) cannot be checked: entry {brokenAt} is missing."));
            }
        }

        if (laterMismatches > 0)
        {
            report.Add(LedgerProblemKind.Unverifiable, firstMismatch, lastMismatch - 1, Say($"The {laterMismatches} later signed tree heads (up to size {lastMismatch}) differ as well, as they must after the change above; they cannot localise any further change after entry {firstMismatch - 1}."));
        }

        accumulator.Root(root);
        return new LedgerReport(rows, accumulator.Size, root.ToArray(), headsChecked, report.Items, report.Count);

        void CheckKept(long size)
        {
            while (nextKept < keptBySize.Count && keptBySize[nextKept].Size <= size)
            {
                Checkpoint c = keptBySize[nextKept++];
                if (!accumulator.RootEquals(c.Root))
                {
                    report.Add(LedgerProblemKind.Fork, 0, Math.Max(0, c.Size - 1), Say($"Fork: a kept checkpoint of size {c.Size} has root {Convert.ToBase64String(c.Root)}, but the ledger's first {c.Size} entries now give root {Convert.ToBase64String(accumulator.Root())}: history was rewritten."));
                }
            }
        }

        void CheckHeads(long size)
        {
            while (nextHead < goodHeads.Count && goodHeads[nextHead].TreeSize <= size)
            {
                SignedTreeHead head = goodHeads[nextHead++];
                if (!accumulator.RootEquals(head.RootHash))
                {
                    if (firstMismatch < 0)
                    {
                        firstMismatch = head.TreeSize;
                        report.Add(LedgerProblemKind.RootMismatch, lastGoodHead, head.TreeSize - 1, Say($"The signed tree head at size {head.TreeSize} does not match the stored entries: something among entries {lastGoodHead} to {head.TreeSize - 1} was altered."));
                    }
                    else
                    {
                        // Every later root contains the altered entry, so later heads must differ too;
                        // they are summed up once rather than reported one by one.
                        laterMismatches++;
                        lastMismatch = head.TreeSize;
                    }
                }
                else
                {
                    lastGoodHead = head.TreeSize;
                    headsChecked++;
                }
            }
        }
    }

    // Problems are shown and exported: format them culture-invariantly.
    private static string Say(FormattableString message) => FormattableString.Invariant(message);

    private sealed class ProblemList(int limit)
    {
        public List<LedgerProblem> Items { get; } = [];

        public long Count { get; private set; }

        public void Add(LedgerProblemKind kind, long first, long last, string message)
        {
            Count++;
            if (Items.Count < limit)
            {
                Items.Add(new LedgerProblem(kind, first, last, message));
            }
        }
    }
}
