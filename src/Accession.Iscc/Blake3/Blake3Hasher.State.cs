namespace Accession.Iscc.Blake3;

public sealed partial class Blake3Hasher
{
    /// <summary>
    /// The incremental tree state: the current chunk and a stack of completed subtree chaining
    /// values, merged on push (shared/specs/iscc-sum.md §5.4). A completed chunk is only folded
    /// into the tree once more input arrives, because it might be the root.
    /// </summary>
    private struct State
    {
        private readonly Words8 _key;
        private readonly uint _flags;
        private Blake3ChunkState _chunk;
        private ChainingValueStack _stack;
        private int _stackLength;

        public State(ReadOnlySpan<uint> key, uint flags)
        {
            key.CopyTo(_key);
            _flags = flags;
            _chunk = new Blake3ChunkState(key, 0, flags);
        }

        public readonly ulong Length => (_chunk.ChunkCounter * Blake3Constants.ChunkLength) + (ulong)_chunk.Length;

        public void Reset()
        {
            _chunk = new Blake3ChunkState(_key, 0, _flags);
            _stackLength = 0;
        }

        public void Append(ReadOnlySpan<byte> input)
        {
            Span<uint> chainingValue = stackalloc uint[8];
            while (!input.IsEmpty)
            {
                if (_chunk.Length == Blake3Constants.ChunkLength)
                {
                    _chunk.Output().ChainingValue(chainingValue);
                    var totalChunks = _chunk.ChunkCounter + 1;
                    PushChainingValue(chainingValue, totalChunks);
                    _chunk = new Blake3ChunkState(_key, totalChunks, _flags);
                }

                var take = Math.Min(Blake3Constants.ChunkLength - _chunk.Length, input.Length);
                _chunk.Update(input[..take]);
                input = input[take..];
            }
        }

        private void PushChainingValue(Span<uint> chainingValue, ulong totalChunks)
        {
            while ((totalChunks & 1) == 0)
            {
                _stackLength--;
                ReadOnlySpan<uint> left = ((Span<uint>)_stack).Slice(_stackLength * 8, 8);
                Blake3Output.Parent(left, chainingValue, _key, _flags).ChainingValue(chainingValue);
                totalChunks >>= 1;
            }

            chainingValue.CopyTo(((Span<uint>)_stack).Slice(_stackLength * 8, 8));
            _stackLength++;
        }

        public readonly void Finalize(Span<byte> destination, ulong firstBlock)
        {
            var output = _chunk.Output();
            Span<uint> chainingValue = stackalloc uint[8];
            ReadOnlySpan<uint> stack = _stack;
            for (var i = _stackLength - 1; i >= 0; i--)
            {
                output.ChainingValue(chainingValue);
                output = Blake3Output.Parent(stack.Slice(i * 8, 8), chainingValue, _key, _flags);
            }

            output.RootBytes(destination, firstBlock);
        }
    }
}
