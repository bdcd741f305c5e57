using System.Buffers.Binary;

namespace Accession.Iscc.Blake3;

/// <summary>
/// A compression whose result is not yet decided: it becomes a chaining value for a parent,
/// or, with the ROOT flag, the root output stream (shared/specs/iscc-sum.md §5.3–5.5).
/// </summary>
internal struct Blake3Output
{
    public Words8 InputChainingValue;
    public BlockBytes Block;
    public ulong Counter;
    public uint BlockLength;
    public uint Flags;

    public readonly void ChainingValue(Span<uint> destination)
    {
        Span<uint> full = stackalloc uint[16];
        Blake3Portable.Compress(InputChainingValue, Block, Counter, BlockLength, Flags, full);
        full[..8].CopyTo(destination);
    }

    /// <summary>Writes root output bytes starting at output block <paramref name="firstBlock"/>.</summary>
    public readonly void RootBytes(Span<byte> destination, ulong firstBlock = 0)
    {
        Span<uint> words = stackalloc uint[16];
        Span<byte> bytes = stackalloc byte[Blake3Constants.BlockLength];
        var blockIndex = firstBlock;
        while (!destination.IsEmpty)
        {
            Blake3Portable.Compress(InputChainingValue, Block, blockIndex, BlockLength, Flags | Blake3Constants.Root, words);
            for (var i = 0; i < 16; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.Slice(i * 4, 4), words[i]);
            }

            var take = Math.Min(destination.Length, bytes.Length);
            bytes[..take].CopyTo(destination);
            destination = destination[take..];
            blockIndex++;
        }
    }

    public static Blake3Output Parent(ReadOnlySpan<uint> left, ReadOnlySpan<uint> right, ReadOnlySpan<uint> key, uint flags)
    {
        var output = new Blake3Output
        {
            Counter = 0,
            BlockLength = Blake3Constants.BlockLength,
            Flags = flags | Blake3Constants.Parent,
        };
        key.CopyTo(output.InputChainingValue);
        Span<byte> block = output.Block;
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(i * 4, 4), left[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(block.Slice(32 + (i * 4), 4), right[i]);
        }

        return output;
    }
}
