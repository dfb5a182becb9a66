using System.Buffers.Binary;
using Fenquan.Documents.Fonts;
using Fenquan.Testing;

namespace Fenquan.Documents.Tests.Fonts;

public class TrueTypeCollectionTests
{
    [Fact]
    public void FaceZeroOfWenQuanYi_IsAWholeTrueTypeFont_WithAValidChecksum()
    {
        if (!File.Exists(CjkFont.DebianPath))
        {
            Requirements.Missing("The Debian package fonts-wqy-zenhei");
        }

        var collection = File.ReadAllBytes(CjkFont.DebianPath);
        Assert.True(TrueTypeCollection.IsCollection(collection));
        Assert.True(TrueTypeCollection.FaceCount(collection) >= 1);

        var font = TrueTypeCollection.ExtractFace(collection, 0);

        Assert.False(TrueTypeCollection.IsCollection(font));
        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(font));
        Assert.Equal(0xB1B0AFBAu, TrueTypeCollection.Checksum(font));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < tables; i++)
        {
            var record = font.AsSpan(12 + (16 * i), 16);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            Assert.True(offset % 4 == 0 && offset + length <= font.Length);
            if (BinaryPrimitives.ReadUInt32BigEndian(record) != 0x68656164)
            {
                // Every table but 'head' (whose adjustment changed) keeps the checksum its record states.
                Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(record[4..]), TrueTypeCollection.Checksum(font.AsSpan(offset, length)));
            }
        }
    }

    [Fact]
    public void NotACollection_IsRefused()
    {
        Assert.Throws<InvalidDataException>(() => TrueTypeCollection.ExtractFace(new byte[64]));
    }

    [Fact]
    public void MissingFont_NamesTheDebianPackage()
    {
        var error = Assert.Throws<FileNotFoundException>(() => CjkFont.Read(null));
        Assert.Contains("fonts-wqy-zenhei", error.Message, StringComparison.Ordinal);
        Assert.Contains(CjkFont.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }
}
