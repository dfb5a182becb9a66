using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Inspection;

/// <summary>
/// The checkpoint a draw is seeded from (R8): the first checkpoint of the county's ledger cosigned
/// by a witness after the period's end, or — while the county has no witness cosignatures at all —
/// the latest signed tree head after the period's end. Nobody chooses it: the server signs heads on
/// its own schedule, witnesses cosign them, and everything after the period's end is out of reach
/// of whoever wanted a different sample before it. Recorded with the draw, so anyone holding the
/// checkpoint can recompute <see cref="Bytes"/> and the whole sample.
/// </summary>
public sealed record InspectionSeed(long TreeSize, string RootHash, DateTimeOffset SignedAt, string Witnesses)
{
    public bool Cosigned => Witnesses.Length > 0;

    /// <summary>
    /// SHA-256 of the UTF-8 text <c>fenquan.inspection/v1\n&lt;county&gt;\n&lt;unit&gt;\n&lt;period&gt;\n&lt;tree size&gt;\n&lt;root base64&gt;\n</c>
    /// (ids as lower-case GUIDs): the unit and period are in it, so each unit's draw from one checkpoint is its own.
    /// </summary>
    public byte[] Bytes(CountyId county, UnitId unit, InspectionPeriod period) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"fenquan.inspection/v1\n{county.Value:D}\n{unit.Value:D}\n{period.Key}\n{TreeSize}\n{RootHash}\n")));

    /// <summary>
    /// Chooses the seed from the county's signed heads after the period's end (oldest first, each
    /// with the witnesses that cosigned it), given whether the county has any cosignature at all.
    /// Null: nothing suitable yet (no head after the end, or witnesses exist and none has cosigned one yet).
    /// </summary>
    public static InspectionSeed? Choose(IReadOnlyList<InspectionSeed> headsAfterEnd, bool countyHasWitnesses)
    {
        ArgumentNullException.ThrowIfNull(headsAfterEnd);
        return countyHasWitnesses
            ? headsAfterEnd.Where(h => h.Cosigned).MinBy(h => h.TreeSize)
            : headsAfterEnd.MaxBy(h => h.TreeSize);
    }
}
