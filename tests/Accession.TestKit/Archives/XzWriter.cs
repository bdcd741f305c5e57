using System.Buffers.Binary;
using System.IO.Hashing;

namespace Accession.TestKit.Archives;

/// <summary>
/// A minimal .xz writer (The .xz File Format 1.2.1, §2–§5; LZMA2 chunk headers as in xz-utils'
/// lzma2_encoder.c): one block whose LZMA2 data are uncompressed chunks, with a CRC-32 check. The
/// output is a valid xz stream that any decoder reads; it is just not smaller than its input.
/// </summary>
public static class XzWriter
{
    private const int ChunkSize = 1 << 16;

    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        ReadOnlySpan<byte> streamFlags = [0x00, 0x01]; // check type 1 = CRC-32

        // Stream header: magic, flags, CRC-32 of the flags.
        output.Write([0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00]);
        output.Write(streamFlags);
        WriteUInt32(output, Crc32.HashToUInt32(streamFlags));

        // Block header: size, flags (one filter, no sizes), LZMA2 filter with an 8 MiB dictionary, padding, CRC-32.
        byte[] blockHeader = [0x02, 0x00, 0x21, 0x01, 0x16, 0x00, 0x00, 0x00];
        output.Write(blockHeader);
        WriteUInt32(output, Crc32.HashToUInt32(blockHeader));

        // LZMA2: uncompressed chunks (0x01 resets the dictionary, 0x02 keeps it), then the end marker.
        long compressed = 0;
        for (var offset = 0; offset < data.Length; offset += ChunkSize)
        {
            var chunk = data.Slice(offset, Math.Min(ChunkSize, data.Length - offset));
            output.WriteByte(offset == 0 ? (byte)0x01 : (byte)0x02);
            output.WriteByte((byte)((chunk.Length - 1) >> 8));
            output.WriteByte((byte)(chunk.Length - 1));
            output.Write(chunk);
            compressed += 3 + chunk.Length;
        }

        output.WriteByte(0x00);
        compressed++;
        output.Write(new byte[(4 - (int)(compressed % 4)) % 4]);
        WriteUInt32(output, Crc32.HashToUInt32(data));

        // Index: one record of (unpadded size, uncompressed size), padded, with its CRC-32.
        using var index = new MemoryStream();
        index.WriteByte(0x00);
        WriteVarint(index, 1);
        WriteVarint(index, blockHeader.Length + 4 + compressed + 4);
        WriteVarint(index, data.Length);
        index.Write(new byte[(4 - (int)(index.Length % 4)) % 4]);
        var indexBytes = index.ToArray();
        output.Write(indexBytes);
        WriteUInt32(output, Crc32.HashToUInt32(indexBytes));

        // Stream footer: CRC-32 of (backward size, flags), backward size, flags, "YZ".
        Span<byte> footer = stackalloc byte[6];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, (uint)(((indexBytes.Length + 4) / 4) - 1));
        streamFlags.CopyTo(footer[4..]);
        WriteUInt32(output, Crc32.HashToUInt32(footer));
        output.Write(footer);
        output.Write("YZ"u8);
        return output.ToArray();
    }

    private static void WriteUInt32(Stream output, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        output.Write(bytes);
    }

    private static void WriteVarint(Stream output, long value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        output.WriteByte((byte)value);
    }
}
