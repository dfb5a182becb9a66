using System.Buffers.Binary;

namespace Fenquan.Documents.Fonts;

/// <summary>
/// Takes one face out of a TrueType collection (.ttc) as a stand-alone TrueType font (.ttf).
/// PDFsharp reads single-face fonts only (a .ttc fails inside it), and no library here does this,
/// so these few lines do, following the OpenType specification ("Font Collections" and "Table
/// Directory", https://learn.microsoft.com/typography/opentype/spec/otff). All numbers are big-endian.
/// <code>
/// TTC header:       'ttcf'  uint16 major  uint16 minor  uint32 numFonts  uint32 offset[numFonts] …
/// table directory:  uint32 sfntVersion  uint16 numTables  uint16 searchRange  uint16 entrySelector  uint16 rangeShift
/// table record ×n:  tag[4]  uint32 checksum  uint32 offset (from the start of the FILE)  uint32 length
/// </code>
/// A face's directory points at tables anywhere in the collection (faces share most of them). The
/// new file is the face's directory with each table copied after it, 4-byte aligned, its offset
/// rewritten; table checksums do not depend on position and stay valid; the 'head' table's
/// whole-file checkSumAdjustment is recomputed.
/// </summary>
public static class TrueTypeCollection
{
    private const uint CollectionTag = 0x74746366; // 'ttcf'
    private const uint HeadTag = 0x68656164; // 'head'

    /// <summary>Whether the bytes start like a collection ('ttcf').</summary>
    public static bool IsCollection(ReadOnlySpan<byte> font) => font.Length >= 12 && BinaryPrimitives.ReadUInt32BigEndian(font) == CollectionTag;

    /// <summary>The number of faces in a collection.</summary>
    public static int FaceCount(ReadOnlySpan<byte> collection)
    {
        RequireCollection(collection);
        return checked((int)BinaryPrimitives.ReadUInt32BigEndian(collection[8..]));
    }

    /// <summary>Face <paramref name="index"/> of the collection as a single-face TrueType font.</summary>
    public static byte[] ExtractFace(ReadOnlySpan<byte> collection, int index = 0)
    {
        var faces = FaceCount(collection);
        if (index < 0 || index >= faces)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The collection has {faces} face(s).");
        }

        var directory = checked((int)BinaryPrimitives.ReadUInt32BigEndian(collection[(12 + (4 * index))..]));
        var numTables = BinaryPrimitives.ReadUInt16BigEndian(collection[(directory + 4)..]);
        var headerLength = 12 + (16 * numTables);

        // Where each table is in the collection, and where it goes in the new file.
        var tables = new (uint Tag, uint Checksum, int From, int Length, int To)[numTables];
        var size = headerLength;
        for (var i = 0; i < numTables; i++)
        {
            var record = collection.Slice(directory + 12 + (16 * i), 16);
            var from = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]));
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            if (from < 0 || length < 0 || (long)from + length > collection.Length)
            {
                throw new InvalidDataException($"Table {i} of face {index} lies outside the collection.");
            }

            tables[i] = (BinaryPrimitives.ReadUInt32BigEndian(record), BinaryPrimitives.ReadUInt32BigEndian(record[4..]), from, length, size);
            size = checked(size + Align4(length));
        }

        var font = new byte[size];
        collection.Slice(directory, 12).CopyTo(font); // sfntVersion, numTables and the search fields are unchanged.
        var headAt = -1;
        for (var i = 0; i < numTables; i++)
        {
            var (tag, checksum, from, length, to) = tables[i];
            var record = font.AsSpan(12 + (16 * i), 16);
            BinaryPrimitives.WriteUInt32BigEndian(record, tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)to);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)length);
            collection.Slice(from, length).CopyTo(font.AsSpan(to));
            if (tag == HeadTag && length >= 12)
            {
                headAt = to;
            }
        }

        if (headAt >= 0)
        {
            // head.checkSumAdjustment (at byte 8) = 0xB1B0AFBA − the checksum of the whole font computed with it set to 0.
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headAt + 8), 0);
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headAt + 8), unchecked(0xB1B0AFBA - Checksum(font)));
        }

        return font;
    }

    /// <summary>The OpenType checksum: the sum of the data as big-endian uint32s, modulo 2³².</summary>
    internal static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var whole = data.Length & ~3;
        for (var i = 0; i < whole; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (whole < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            data[whole..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }

        return sum;
    }

    private static int Align4(int length) => checked((length + 3) & ~3);

    private static void RequireCollection(ReadOnlySpan<byte> font)
    {
        if (!IsCollection(font))
        {
            throw new InvalidDataException("Not a TrueType collection: the file does not start with 'ttcf'.");
        }
    }
}
