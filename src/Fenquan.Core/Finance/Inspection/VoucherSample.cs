using System.Buffers.Binary;

namespace Fenquan.Core.Finance.Inspection;

/// <summary>
/// The pure draw of a voucher inspection (R8). Every claim paid above <c>alwaysAbove</c> is in the
/// sample; the rest are drawn by systematic monetary-unit sampling: the claims are ordered by id
/// (the 16 bytes of the GUID in RFC 9562 big-endian order, i.e. the order of their lower-case text),
/// laid end to end in fen, and a point every <c>total / size</c> fen from a random start chooses the
/// claim it falls in. So each fen paid has the same chance and a claim's chance grows with its
/// amount; a claim longer than the interval may be hit twice and is listed once. The start comes
/// from <see cref="SeededStream"/> on the seed: the same seed and population give the same sample.
/// </summary>
public static class VoucherSample
{
    public static IReadOnlyList<SampledClaim> Draw(IReadOnlyList<SampleCandidate> population, ReadOnlySpan<byte> seed, int size, decimal alwaysAbove)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var sample = new List<SampledClaim>();
        var keys = new List<(UInt128 Key, long Fen, int Index)>(population.Count);
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < population.Count; i++)
        {
            var claim = population[i];
            if (claim.Amount <= 0m)
            {
                continue;
            }

            claim.MatterId.TryWriteBytes(bytes, bigEndian: true, out _);
            var key = BinaryPrimitives.ReadUInt128BigEndian(bytes);
            if (alwaysAbove > 0m && claim.Amount > alwaysAbove)
            {
                sample.Add(new SampledClaim(claim.MatterId, claim.Amount, SampleReason.AboveThreshold));
            }
            else
            {
                keys.Add((key, (long)decimal.Round(claim.Amount * 100m, 0, MidpointRounding.AwayFromZero), i));
            }
        }

        sample.Sort((a, b) => Order(a.MatterId).CompareTo(Order(b.MatterId)));
        var n = Math.Min(size, keys.Count);
        if (n == 0)
        {
            return sample;
        }

        keys.Sort((a, b) => a.Key.CompareTo(b.Key));
        var total = 0L;
        foreach (var k in keys)
        {
            total = checked(total + k.Fen);
        }

        var interval = Math.Max(1L, total / n);
        var point = (long)new SeededStream(seed).NextBelow((ulong)interval);
        var cumulative = 0L;
        var hits = 0;
        foreach (var (_, fen, index) in keys)
        {
            cumulative += fen;
            var hit = false;
            while (hits < n && point < cumulative)
            {
                hit = true;
                hits++;
                point += interval;
            }

            if (hit)
            {
                var claim = population[index];
                sample.Add(new SampledClaim(claim.MatterId, claim.Amount, SampleReason.MonetaryUnit));
            }

            if (hits == n)
            {
                break;
            }
        }

        return sample;
    }

    /// <summary>The population from payment rows: each claim once, with the sum paid on it (one pass, a dictionary: no groupings).</summary>
    public static IReadOnlyList<SampleCandidate> ByClaim(IEnumerable<(Guid Matter, decimal Amount)> payments)
    {
        ArgumentNullException.ThrowIfNull(payments);
        var sums = new Dictionary<Guid, decimal>();
        foreach (var (matter, amount) in payments)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sums, matter, out _) += amount;
        }

        // A claim whose payments were reversed in the period (a counter-entry, PaymentReversal) adds nothing.
        return [.. sums.Where(p => p.Value > 0m).Select(p => new SampleCandidate(p.Key, p.Value))];
    }

    private static UInt128 Order(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}
