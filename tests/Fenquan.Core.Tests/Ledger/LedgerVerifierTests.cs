using System.Text;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Tests.Ledger;

// R44: verification recomputes everything from the stored rows and names each entry that was
// edited, reordered or deleted — including an edit whose stored leaf hash was also rewritten, which
// only the signed tree heads can reveal.
[Trait("Rule", "R44")]
public class LedgerVerifierTests : IDisposable
{
    private const int Count = 20;
    private const int HeadEvery = 5;

    private static readonly CountyId County = new(Guid.Parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly TreeHeadSigner _signer = TreeHeadSigner.Create();

    public void Dispose() => _signer.Dispose();

    [Fact]
    public void IntactLedger_VerifiesAndReportsCountAndRoot()
    {
        (List<StoredEntry> rows, List<SignedTreeHead> heads) = Build();

        LedgerReport report = LedgerVerifier.Verify(rows, heads, _signer.PublicKey, County);

        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
        Assert.Equal(Count, report.EntryCount);
        Assert.Equal(Count, report.TreeSize);
        Assert.Equal(4, report.HeadsChecked);
        Assert.Equal(MerkleProofs.RootOf([.. rows.Select(r => r.LeafHash.ToArray())], Count), report.Root);
    }

    // A rotation entry at #9 sits under a head still signed by the old key (size 10); every larger
    // head must be the new key's, so the retired key, if it leaks, cannot sign new history.
    [Fact]
    public void AHeadSignedByAKeyRetiredBeforeIt_IsNamed_AndTheNewKeysHeadsPass()
    {
        (List<StoredEntry> rows, List<SignedTreeHead> heads) = Build();
        using var next = TreeHeadSigner.Create();
        var history = new KeyHistory([(9, KeyRotation.Sign(County, _signer, next))]);
        byte[][] keys = [_signer.PublicKey, next.PublicKey];

        LedgerReport oldKeyAfter = LedgerVerifier.Verify(rows, heads, keys, [], County, history: history);
        Assert.Equal(
            [15L, 20L],
            oldKeyAfter.Problems.Where(p => p.Kind == LedgerProblemKind.BadSignature && p.Message.Contains("retired at entry #9", StringComparison.Ordinal)).Select(p => p.LastSequence + 1));

        var handedOver = heads.Select(h => h.TreeSize > 10 ? next.Sign(County, h.TreeSize, h.RootHash, h.At) : h).ToList();
        Assert.True(LedgerVerifier.Verify(rows, handedOver, keys, [], County, history: history).IsIntact);

        // A rotation not signed by both keys retires nothing.
        var forged = KeyRotation.Sign(County, _signer, next) with { NewSignature = new byte[64] };
        Assert.True(LedgerVerifier.Verify(rows, heads, keys, [], County, history: new KeyHistory([(9, forged)])).IsIntact);
    }

    [Fact]
    public void EditedEntry_IsNamed()
    {
        (List<StoredEntry> rows, List<SignedTreeHead> heads) = Build();
        rows[7] = rows[7] with { Bytes = Replace(rows[7].Bytes, "3007.00", "9007.00") };

        LedgerReport report = LedgerVerifier.Verify(rows, heads, _signer.PublicKey, County);

        Assert.False(report.IsIntact);
        LedgerProblem edited = Assert.Single(report.Problems, p => p.Kind == LedgerProblemKind.Edited);
        Assert.Equal(7, edited.FirstSequence);
        Assert.Contains("Entry 7 was edited", edited.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeletedEntry_IsNamedAsMissing()
    {
        (List<StoredEntry> rows, List<SignedTreeHead> heads) = Build();
        rows.RemoveAt(7);

        LedgerReport report = LedgerVerifier.Verify(rows, heads, _signer.PublicKey, County);

        LedgerProblem missing = Assert.Single(report.Problems, p => p.Kind == LedgerProblemKind.Missing);
        Assert.Equal((7, 7), (missing.FirstSequence, missing.LastSequence));
        Assert.Contains("Entry 7 is missing", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Problems, p => p.Kind == LedgerProblemKind.RootMismatch);
        // The heads at 10, 15 and 20 cannot be checked past the hole: said once, not three times.
        LedgerProblem unverifiable = Assert.Single(report.Problems, p => p.Kind == LedgerProblemKind.Unverifiable);
        Assert.Equal((7, 19), (unverifiable.FirstSequence, unverifiable.LastSequence));
        Assert.Equal(2, report.ProblemCount);
    }

    [Fact]
    public void DeletedLastEntries_AreNamedByTheSignedHeadThatCoversThem()
    {
        (List<StoredEntry> rows, List<SignedTreeHead> heads) = Build();
        rows.RemoveRange(12, 8);

        LedgerReport report = LedgerVerifier.Verify(rows, heads, _signer.PublicKey, County);

        LedgerProblem missing = Assert.Single(report.Problems);
        Assert.Equal(LedgerProblemKind.Missing, missing.Kind);
        // Heads at 15 and 20 cover entries no longer stored: the highest one bounds the loss.
        Assert.Equal((12, 19), (missing.FirstSequence, missing.LastSequence));
    }

    [Fact]
    public void SwappedEntries_AreNamedAsReordered()
    {
        (List<StoredEntry> rows, List<SignedTreeHead> heads) = Build();
        // Swap the content (bytes and leaf hash) of rows 3 and 4, keeping the sequence column.
        (StoredEntry a, StoredEntry b) = (rows[3], rows[4]);
        rows[3] = a with { Bytes = b.Bytes, LeafHash = b.LeafHash };
        rows[4] = b with { Bytes = a.Bytes, LeafHash = a.LeafHash };

        LedgerReport report = LedgerVerifier.Verify(rows, heads, _signer.PublicKey, County);

        Assert.Equal([3L, 4L], report.Problems.Where(p => p.Kind == LedgerProblemKind.Reordered).Select(p => p.FirstSequence));
        Assert.Contains(report.Problems, p => p.Kind == LedgerProblemKind.RootMismatch && p.FirstSequence == 0 && p.LastSequence == 4);
    }

    [Fact]
    public void EditWithForgedLeafHash_IsCaughtByTheNextSignedHead()
    {
        (List<StoredEntry> rows, List<SignedTreeHead> heads) = Build();
        ReadOnlyMemory<byte> forged = Replace(rows[12].Bytes, "3012.00", "30.00");
        rows[12] = rows[12] with { Bytes = forged, LeafHash = MerkleHash.Leaf(forged.Span) };

        LedgerReport report = LedgerVerifier.Verify(rows, heads, _signer.PublicKey, County);

        Assert.DoesNotContain(report.Problems, p => p.Kind == LedgerProblemKind.Edited);
        LedgerProblem first = report.Problems.First(p => p.Kind == LedgerProblemKind.RootMismatch);
        // Heads at 5 and 10 still match; the head at 15 does not: the tampering lies in entries 10–14.
        Assert.Equal((10, 14), (first.FirstSequence, first.LastSequence));
        Assert.InRange(12, first.FirstSequence, first.LastSequence);
        Assert.Equal(2, report.HeadsChecked);
    }

    [Fact]
    public void HeadWithBadSignature_IsReported()
    {
        (List<StoredEntry> rows, List<SignedTreeHead> heads) = Build();
        using var intruder = TreeHeadSigner.Create();
        heads[1] = intruder.Sign(County, heads[1].TreeSize, heads[1].RootHash, heads[1].At);

        LedgerReport report = LedgerVerifier.Verify(rows, heads, _signer.PublicKey, County);

        LedgerProblem bad = Assert.Single(report.Problems);
        Assert.Equal(LedgerProblemKind.BadSignature, bad.Kind);
        Assert.Equal(9, bad.LastSequence);
    }

    [Fact]
    public void HeadOfAnotherCounty_IsReported()
    {
        (List<StoredEntry> rows, List<SignedTreeHead> heads) = Build();
        heads.Add(_signer.Sign(CountyId.New(), 5, heads[0].RootHash, Start));

        LedgerReport report = LedgerVerifier.Verify(rows, heads, _signer.PublicKey, County);

        Assert.Equal(LedgerProblemKind.BadSignature, Assert.Single(report.Problems).Kind);
    }

    [Fact]
    public void DuplicatedRow_IsNamed()
    {
        (List<StoredEntry> rows, List<SignedTreeHead> heads) = Build();
        rows.Insert(9, rows[8]);

        LedgerReport report = LedgerVerifier.Verify(rows, heads, _signer.PublicKey, County);

        LedgerProblem duplicate = Assert.Single(report.Problems);
        Assert.Equal((LedgerProblemKind.Duplicate, 8L), (duplicate.Kind, duplicate.FirstSequence));
        Assert.Equal(Count + 1, report.EntryCount);
        Assert.Equal(Count, report.TreeSize);
    }

    [Fact]
    public void RowThatIsNotAnEntry_IsNamedAsMalformed()
    {
        (List<StoredEntry> rows, List<SignedTreeHead> heads) = Build();
        byte[] junk = "garbage"u8.ToArray();
        rows[2] = rows[2] with { Bytes = junk, LeafHash = MerkleHash.Leaf(junk) };

        LedgerReport report = LedgerVerifier.Verify(rows, heads, _signer.PublicKey, County);

        Assert.Contains(report.Problems, p => p.Kind == LedgerProblemKind.Malformed && p.FirstSequence == 2);
    }

    [Fact]
    public void ProblemList_IsCappedButEveryProblemIsCounted()
    {
        (List<StoredEntry> rows, List<SignedTreeHead> heads) = Build();
        for (int i = 0; i < Count; i++)
        {
            rows[i] = rows[i] with { LeafHash = new byte[32] };
        }

        LedgerReport report = LedgerVerifier.Verify(rows, heads, _signer.PublicKey, County, problemLimit: 3);

        Assert.Equal(3, report.Problems.Count);
        Assert.Equal(Count, report.ProblemCount);
    }

    [Fact]
    public void LargeLedger_IsVerifiedStreaming_AndAnEditDeepInsideIsNamed()
    {
        // The rows are made on the fly and never held together, as when read from the database.
        const int size = 50_000;
        const int edited = 31_337;
        var heads = new List<SignedTreeHead>();
        var accumulator = new MerkleAccumulator();
        foreach (StoredEntry row in Stream(size, tamperAt: -1))
        {
            accumulator.Append(row.LeafHash.Span);
            if (accumulator.Size % 1_000 == 0)
            {
                heads.Add(_signer.Sign(County, accumulator.Size, accumulator.Root(), Start));
            }
        }

        LedgerReport intact = LedgerVerifier.Verify(Stream(size, tamperAt: -1), heads, _signer.PublicKey, County);
        LedgerReport tampered = LedgerVerifier.Verify(Stream(size, tamperAt: edited), heads, _signer.PublicKey, County);

        Assert.True(intact.IsIntact);
        Assert.Equal(size, intact.EntryCount);
        Assert.Equal(50, intact.HeadsChecked);
        LedgerProblem problem = Assert.Single(tampered.Problems, p => p.Kind == LedgerProblemKind.RootMismatch);
        Assert.Equal((31_000L, 31_999L), (problem.FirstSequence, problem.LastSequence));
        // The 18 later heads all differ too; they are summed up in one line, not 18.
        LedgerProblem later = Assert.Single(tampered.Problems, p => p.Kind == LedgerProblemKind.Unverifiable);
        Assert.Equal((32_000L, 49_999L), (later.FirstSequence, later.LastSequence));
        Assert.Equal(2, tampered.ProblemCount);
    }

    private static IEnumerable<StoredEntry> Stream(int size, int tamperAt)
    {
        for (int i = 0; i < size; i++)
        {
            byte[] bytes = new LedgerEntry(County, i, Start, "action.approved", "Action", Guid.Empty, $$"""{"n":{{(i == tamperAt ? -i : i)}}}""").ToCanonicalBytes();
            // The tampered row also carries a rewritten leaf hash: only the signed heads reveal it.
            yield return new StoredEntry(i, bytes, MerkleHash.Leaf(bytes));
        }
    }

    private (List<StoredEntry> Rows, List<SignedTreeHead> Heads) Build()
    {
        var rows = new List<StoredEntry>();
        var heads = new List<SignedTreeHead>();
        var accumulator = new MerkleAccumulator();
        for (int i = 0; i < Count; i++)
        {
            var entry = new LedgerEntry(County, i, Start.AddMinutes(i), "matter.submitted", "Matter", Guid.CreateVersion7(), $$"""{"amount":{{3000 + i}}.00}""");
            byte[] bytes = entry.ToCanonicalBytes();
            byte[] leaf = MerkleHash.Leaf(bytes);
            rows.Add(new StoredEntry(i, bytes, leaf));
            accumulator.Append(leaf);
            if (accumulator.Size % HeadEvery == 0)
            {
                heads.Add(_signer.Sign(County, accumulator.Size, accumulator.Root(), Start.AddMinutes(i)));
            }
        }

        return (rows, heads);
    }

    private static ReadOnlyMemory<byte> Replace(ReadOnlyMemory<byte> bytes, string from, string to)
    {
        string text = Encoding.UTF8.GetString(bytes.Span);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }
}
