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

    /// <summary>Writes the 32-byte chaining value (a non-root node).</summary>
    public readonly void ChainingValue(Blake3Backend backend, Span<byte> destination)
    {
        var cv = InputChainingValue;
        Blake3Dispatch.CompressInPlace(backend, ref cv, Block, BlockLength, Counter, Flags);
        Blake3Words.Store(cv, destination);
    }

    /// <summary>Writes root output bytes starting at output block <paramref name="firstBlock"/>.</summary>
    public readonly void RootBytes(Blake3Backend backend, Span<byte> destination, ulong firstBlock = 0)
    {
        Span<byte> bytes = stackalloc byte[Blake3Constants.BlockLength];
        var blockIndex = firstBlock;
        while (!destination.IsEmpty)
        {
            if (destination.Length >= Blake3Constants.BlockLength)
            {
                Blake3Dispatch.CompressXof(backend, InputChainingValue, Block, BlockLength, blockIndex, Flags | Blake3Constants.Root, destination);
                destination = destination[Blake3Constants.BlockLength..];
            }
            else
            {
                Blake3Dispatch.CompressXof(backend, InputChainingValue, Block, BlockLength, blockIndex, Flags | Blake3Constants.Root, bytes);
                bytes[..destination.Length].CopyTo(destination);
                destination = default;
            }

            blockIndex++;
        }
    }

    /// <summary>A parent node over the 64-byte block <paramref name="children"/> = left CV ‖ right CV.</summary>
    public static Blake3Output Parent(ReadOnlySpan<byte> children, in Words8 key, uint flags)
    {
        var output = new Blake3Output
        {
            InputChainingValue = key,
            Counter = 0,
            BlockLength = Blake3Constants.BlockLength,
            Flags = flags | Blake3Constants.Parent,
        };
        children[..Blake3Constants.BlockLength].CopyTo(output.Block);
        return output;
    }
}
