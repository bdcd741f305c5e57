using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Accession.Iscc.Blake3;

/// <summary>
/// The BLAKE3 compression function, written to read like the specification
/// (shared/specs/iscc-sum.md §5.2; BLAKE3 reference_impl.rs @ 77b257e). This is the scalar path
/// that every faster path is tested against.
/// </summary>
internal static class Blake3Portable
{
    /// <summary>Compresses one 64-byte block and writes all 16 output words.</summary>
    public static void Compress(
        ReadOnlySpan<uint> chainingValue,
        ReadOnlySpan<byte> block,
        ulong counter,
        uint blockLength,
        uint flags,
        Span<uint> output)
    {
        Span<uint> m = stackalloc uint[16];
        for (var i = 0; i < 16; i++)
        {
            m[i] = BinaryPrimitives.ReadUInt32LittleEndian(block.Slice(i * 4, 4));
        }

        Span<uint> v = stackalloc uint[16];
        chainingValue[..8].CopyTo(v);
        Blake3Constants.IV[..4].CopyTo(v[8..]);
        v[12] = (uint)counter;
        v[13] = (uint)(counter >> 32);
        v[14] = blockLength;
        v[15] = flags;

        var schedule = Blake3Constants.MessageSchedule;
        for (var round = 0; round < 7; round++)
        {
            var s = schedule.Slice(round * 16, 16);
            G(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
            G(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
            G(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
            G(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
            G(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
            G(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
            G(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
            G(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
        }

        for (var i = 0; i < 8; i++)
        {
            output[i] = v[i] ^ v[i + 8];
            output[i + 8] = v[i + 8] ^ chainingValue[i];
        }
    }

    /// <summary>
    /// hash_many, one input after another: each of the contiguous inputs (<paramref name="blocks"/>
    /// blocks long) is compressed block by block, and its chaining value written to <paramref name="output"/>.
    /// </summary>
    public static void HashMany(
        ReadOnlySpan<byte> inputs,
        int blocks,
        ReadOnlySpan<uint> key,
        ulong counter,
        bool incrementCounter,
        uint flags,
        uint flagsStart,
        uint flagsEnd,
        Span<byte> output)
    {
        var inputLength = blocks * Blake3Constants.BlockLength;
        Span<uint> chainingValue = stackalloc uint[8];
        Span<uint> full = stackalloc uint[16];
        for (var input = 0; input * inputLength < inputs.Length; input++)
        {
            key[..8].CopyTo(chainingValue);
            for (var block = 0; block < blocks; block++)
            {
                var blockFlags = flags
                    | (block == 0 ? flagsStart : 0)
                    | (block == blocks - 1 ? flagsEnd : 0);
                var bytes = inputs.Slice((input * inputLength) + (block * Blake3Constants.BlockLength), Blake3Constants.BlockLength);
                Compress(chainingValue, bytes, counter, Blake3Constants.BlockLength, blockFlags, full);
                full[..8].CopyTo(chainingValue);
            }

            for (var i = 0; i < 8; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(output.Slice((input * Blake3Constants.OutLength) + (i * 4), 4), chainingValue[i]);
            }

            if (incrementCounter)
            {
                counter++;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void G(Span<uint> v, int a, int b, int c, int d, uint x, uint y)
    {
        v[a] = v[a] + v[b] + x;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 12);
        v[a] = v[a] + v[b] + y;
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 8);
        v[c] = v[c] + v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 7);
    }
}
