namespace Accession.Iscc.Blake3;

/// <summary>The state of the 1024-byte chunk being filled (shared/specs/iscc-sum.md §5.3).</summary>
internal struct Blake3ChunkState
{
    private Words8 _chainingValue;
    private BlockBytes _block;
    private int _blockLength;
    private int _blocksCompressed;
    private readonly uint _flags;

    public ulong ChunkCounter { get; private set; }

    public Blake3ChunkState(ReadOnlySpan<uint> key, ulong chunkCounter, uint flags)
    {
        key.CopyTo(_chainingValue);
        ChunkCounter = chunkCounter;
        _flags = flags;
    }

    /// <summary>Bytes taken into this chunk so far.</summary>
    public readonly int Length => (_blocksCompressed * Blake3Constants.BlockLength) + _blockLength;

    private readonly uint StartFlag => _blocksCompressed == 0 ? Blake3Constants.ChunkStart : 0;

    /// <summary>Takes bytes up to the end of the chunk; the last block stays pending.</summary>
    public void Update(ReadOnlySpan<byte> input)
    {
        Span<uint> full = stackalloc uint[16];
        while (!input.IsEmpty)
        {
            if (_blockLength == Blake3Constants.BlockLength)
            {
                Blake3Portable.Compress(_chainingValue, _block, ChunkCounter, Blake3Constants.BlockLength, _flags | StartFlag, full);
                full[..8].CopyTo(_chainingValue);
                _blocksCompressed++;
                _block = default;
                _blockLength = 0;
            }

            var take = Math.Min(Blake3Constants.BlockLength - _blockLength, input.Length);
            input[..take].CopyTo(((Span<byte>)_block)[_blockLength..]);
            _blockLength += take;
            input = input[take..];
        }
    }

    public readonly Blake3Output Output()
    {
        var output = new Blake3Output
        {
            InputChainingValue = _chainingValue,
            Block = _block,
            Counter = ChunkCounter,
            BlockLength = (uint)_blockLength,
            Flags = _flags | StartFlag | Blake3Constants.ChunkEnd,
        };
        return output;
    }
}
