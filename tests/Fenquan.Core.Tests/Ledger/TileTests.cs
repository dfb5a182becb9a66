using Fenquan.Core.Ledger;

namespace Fenquan.Core.Tests.Ledger;

// R44: proofs built from C2SP tiles equal the RFC 9162 proofs over all leaves, at O(log n) tile reads.
[Trait("Rule", "R44")]
public class TileTests
{
    [Theory]
    [InlineData(0L, "000")]
    [InlineData(7L, "007")]
    [InlineData(1234067L, "x001/x234/067")]
    [InlineData(1000L, "x001/000")]
    public void TileIndex_IsEncodedInThreeDigitGroups(long index, string expected)
    {
        Assert.Equal(expected, TilePath.EncodeIndex(index));
        Assert.Equal((0, index, 256), TilePath.Parse("0/" + expected));
    }

    [Fact]
    public void TilePath_PartialAndLevel()
    {
        Assert.Equal("tile/1/x001/234.p/17", TilePath.Of(1, 1234, 17));
        Assert.Equal((1, 1234L, 17), TilePath.Parse("1/x001/234.p/17"));
        Assert.Null(TilePath.Parse("1/1234"));
        Assert.Null(TilePath.Parse("01/000"));
        Assert.Null(TilePath.Parse("0/000.p/0"));
        Assert.Null(TilePath.Parse("0/000.p/256"));
        Assert.Null(TilePath.Parse("0/001/234"));
        Assert.Null(TilePath.Parse("64/000"));
    }

    [Fact]
    public void TileWidths_FollowTheSpecExample()
    {
        // tlog-tiles: size 70,000 → 273 full level-0 tiles and one of 112, one full level-1 tile and one of 17, one level-2 tile of 1.
        Assert.Equal(256, Tile.WidthIn(70_000, 0, 272));
        Assert.Equal(112, Tile.WidthIn(70_000, 0, 273));
        Assert.Equal(256, Tile.WidthIn(70_000, 1, 0));
        Assert.Equal(17, Tile.WidthIn(70_000, 1, 1));
        Assert.Equal(1, Tile.WidthIn(70_000, 2, 0));
        Assert.Equal(0, Tile.WidthIn(256, 0, 1));
    }

    [Fact]
    public void ProofsFromTiles_EqualProofsFromLeaves_AcrossPartialTiles()
    {
        var leaves = Enumerable.Range(0, 70_000).Select(i => MerkleHash.Leaf(BitConverter.GetBytes(i))).ToList();
        var tiles = BuildInTwoRuns(leaves, 66_000);

        foreach (long size in new long[] { 1, 2, 255, 256, 257, 65_536, 65_537, 66_000, 69_999, 70_000 })
        {
            var tree = new TiledTree(size, (level, index, width) => tiles[(level, index)][..(width * 32)]);
            Assert.Equal(MerkleProofs.RootOf(leaves, size), tree.Root());
            foreach (long index in new long[] { 0, size / 3, size - 1 })
            {
                Assert.Equal(MerkleProofs.InclusionProof(leaves, index, size), tree.InclusionProof(index));
            }

            foreach (long old in new long[] { 1, size / 2, size - 1 })
            {
                if (old > 0)
                {
                    Assert.Equal(MerkleProofs.ConsistencyProof(leaves, old, size), tree.ConsistencyProof(old));
                }
            }
        }
    }

    [Fact]
    public void InclusionProofAtAMillion_ReadsAHandfulOfTiles()
    {
        const long size = 1_000_003;
        var tree = new TiledTree(size, (level, index, width) => new byte[width * 32]);

        var proof = tree.InclusionProof(123_456);

        Assert.Equal(MerkleProofs.InclusionProofLength(123_456, (ulong)size), proof.Count);
        Assert.InRange(tree.TilesRead, 1, 12);
    }

    // Appends all leaves, stopping once (as a restart would) and resuming from the last stored tile of each level.
    private static Dictionary<(int, long), byte[]> BuildInTwoRuns(List<byte[]> leaves, int stopAt)
    {
        var stored = new Dictionary<(int Level, long Index), byte[]>();
        var builder = new TileBuilder([]);
        Run(builder, leaves.Take(stopAt), stored);
        var last = stored.GroupBy(t => t.Key.Level).Select(g => g.MaxBy(t => t.Key.Index)).Select(t => new Tile(t.Key.Level, t.Key.Index, t.Value)).ToList();
        var resumed = new TileBuilder(last);
        Assert.Equal(stopAt, resumed.Size);
        Run(resumed, leaves.Skip(stopAt), stored);
        return stored.ToDictionary(t => (t.Key.Level, t.Key.Index), t => t.Value);
    }

    private static void Run(TileBuilder builder, IEnumerable<byte[]> leaves, Dictionary<(int Level, long Index), byte[]> stored)
    {
        var completed = new List<Tile>();
        foreach (byte[] leaf in leaves)
        {
            builder.Append(leaf, completed);
        }

        foreach (Tile tile in completed.Concat(builder.TakeChangedPartials()))
        {
            stored[(tile.Level, tile.Index)] = tile.Hashes;
        }
    }
}
