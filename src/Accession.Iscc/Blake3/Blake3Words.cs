using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Accession.Iscc.Blake3;

/// <summary>Chaining values between words and their little-endian bytes (shared/specs/iscc-sum.md §5.2).</summary>
internal static class Blake3Words
{
    public static Words8 Load(ReadOnlySpan<byte> bytes)
    {
        Words8 words = default;
        if (BitConverter.IsLittleEndian)
        {
            bytes[..Blake3Constants.OutLength].CopyTo(MemoryMarshal.AsBytes((Span<uint>)words));
            return words;
        }

        for (var i = 0; i < 8; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }

        return words;
    }

    public static void Store(in Words8 words, Span<byte> bytes)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes((ReadOnlySpan<uint>)words).CopyTo(bytes);
            return;
        }

        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes[(i * 4)..], words[i]);
        }
    }
}
