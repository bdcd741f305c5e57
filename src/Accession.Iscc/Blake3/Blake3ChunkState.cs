namespace Accession.Iscc.Blake3;

/// <summary>The state of the 1024-byte chunk being filled (shared/specs/iscc-sum.md §5.3).</summary>
internal struct Blake3ChunkState
{
    private Words8 _chainingValue;
    private BlockBytes _block;
    private int _blockLength;
    private int _blocksCompressed;
    private readonly uint _flags;

    public Blake3ChunkState(in Words8 key, ulong chunkCounter, uint flags)
    {
        _chainingValue = key;
        ChunkCounter = chunkCounter;
        _flags = flags;
    }

    public ulong ChunkCounter { get; }

    /// <summary>Bytes taken into this chunk so far.</summary>
    public readonly int Length => (_blocksCompressed * Blake3Constants.BlockLength) + _blockLength;

    private readonly uint StartFlag => _blocksCompressed == 0 ? Blake3Constants.ChunkStart : 0;

    /// <summary>
    /// Takes bytes up to the end of the chunk. Whole blocks are compressed straight from the input,
    /// but the last block always stays pending: it may be the chunk's end, or even the root.
    /// </summary>
    public void Update(Blake3Backend backend, ReadOnlySpan<byte> input)
    {
        if (_blockLength > 0)
        {
            var take = Math.Min(Blake3Constants.BlockLength - _blockLength, input.Length);
            input[..take].CopyTo(((Span<byte>)_block)[_blockLength..]);
            _blockLength += take;
            input = input[take..];
            if (input.IsEmpty)
            {
                return;
            }

            Blake3Dispatch.CompressInPlace(backend, ref _chainingValue, _block, Blake3Constants.BlockLength, ChunkCounter, _flags | StartFlag);
            _blocksCompressed++;
            _block = default;
            _blockLength = 0;
        }

        while (input.Length > Blake3Constants.BlockLength)
        {
            Blake3Dispatch.CompressInPlace(backend, ref _chainingValue, input, Blake3Constants.BlockLength, ChunkCounter, _flags | StartFlag);
            _blocksCompressed++;
            input = input[Blake3Constants.BlockLength..];
        }

        input.CopyTo(_block);
        _blockLength = input.Length;
    }

    public readonly Blake3Output Output() => new()
    {
        InputChainingValue = _chainingValue,
        Block = _block,
        Counter = ChunkCounter,
        BlockLength = (uint)_blockLength,
        Flags = _flags | StartFlag | Blake3Constants.ChunkEnd,
    };
}
