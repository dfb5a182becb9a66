using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Fenquan.Core.Finance.Inspection;

/// <summary>
/// A deterministic stream of random numbers from a seed: SHA-256 in counter mode, block i being
/// SHA-256(seed ‖ i as 8 bytes big-endian), read as big-endian 64-bit words. Written here rather
/// than taken from System.Random because the draw must be reproducible by anyone, with any tool,
/// for as long as the ledger is kept: System.Random's algorithm is not specified and has changed
/// between .NET versions, whereas this one is a few lines anyone can re-implement (R8).
/// </summary>
public sealed class SeededStream
{
    private readonly byte[] _input;
    private readonly byte[] _block = new byte[32];
    private ulong _counter;
    private int _used = 32;

    public SeededStream(ReadOnlySpan<byte> seed)
    {
        _input = new byte[seed.Length + 8];
        seed.CopyTo(_input);
    }

    public ulong NextUInt64()
    {
        if (_used == 32)
        {
            BinaryPrimitives.WriteUInt64BigEndian(_input.AsSpan(_input.Length - 8), _counter++);
            SHA256.HashData(_input, _block);
            _used = 0;
        }

        var word = BinaryPrimitives.ReadUInt64BigEndian(_block.AsSpan(_used, 8));
        _used += 8;
        return word;
    }

    /// <summary>A number in [0, <paramref name="bound"/>), without bias: words in the last incomplete multiple of the bound are drawn again.</summary>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        var limit = ulong.MaxValue - (((ulong.MaxValue % bound) + 1) % bound);
        ulong word;
        do
        {
            word = NextUInt64();
        }
        while (word > limit);

        return word % bound;
    }
}
