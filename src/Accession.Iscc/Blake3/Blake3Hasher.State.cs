using System.Numerics;

namespace Accession.Iscc.Blake3;

public sealed partial class Blake3Hasher
{
    /// <summary>
    /// The incremental tree state (shared/specs/iscc-sum.md §5.4 and §5.8, C <c>blake3_hasher</c>):
    /// the current chunk and a stack of completed subtree chaining values, merged lazily. Large input
    /// is taken a whole power-of-two subtree at a time, but the last byte of input always stays in the
    /// chunk state or the stack holds an unmerged pair, so the root is only compressed at the end.
    /// </summary>
    private struct State
    {
        private readonly Words8 _key;
        private readonly uint _flags;
        private Blake3ChunkState _chunk;
        private ChainingValueStack _stack;
        private int _stackLength;

        public State(in Words8 key, uint flags, Blake3Backend backend)
        {
            _key = key;
            _flags = flags;
            _chunk = new Blake3ChunkState(key, 0, flags);
            Backend = backend;
            Parallelism = 1;
        }

        public Blake3Backend Backend { get; set; }

        /// <summary>Threads for large subtrees; 1 keeps all work on the calling thread.</summary>
        public int Parallelism { get; set; }

        /// <summary>Input is mapped from a file: pieces hashed on several cores are released as they are done.</summary>
        public bool ReleasesInput { get; set; }

        public readonly ulong Length => (_chunk.ChunkCounter * Blake3Constants.ChunkLength) + (ulong)_chunk.Length;

        public void Reset()
        {
            _chunk = new Blake3ChunkState(_key, 0, _flags);
            _stackLength = 0;
        }

        /// <summary>C <c>blake3_hasher_update</c>.</summary>
        public void Append(ReadOnlySpan<byte> input)
        {
            Span<byte> chainingValues = stackalloc byte[2 * Blake3Constants.OutLength];

            // 1. Fill the partial chunk. Once it is full and more input follows, it cannot be the
            // root, so its chaining value goes on the stack.
            if (_chunk.Length > 0)
            {
                var take = Math.Min(Blake3Constants.ChunkLength - _chunk.Length, input.Length);
                _chunk.Update(Backend, input[..take]);
                input = input[take..];
                if (input.IsEmpty)
                {
                    return;
                }

                _chunk.Output().ChainingValue(Backend, chainingValues);
                PushChainingValue(chainingValues[..Blake3Constants.OutLength], _chunk.ChunkCounter);
                _chunk = new Blake3ChunkState(_key, _chunk.ChunkCounter + 1, _flags);
            }

            // 2. Whole subtrees while more than one chunk remains (strictly more: an exact last
            // chunk stays pending). A subtree must start at a multiple of its own size, so shrink
            // it until it divides the number of chunks so far (BLAKE3 issue #69).
            while (input.Length > Blake3Constants.ChunkLength)
            {
                var subtreeLength = 1L << BitOperations.Log2((uint)input.Length);
                var countSoFar = _chunk.ChunkCounter * Blake3Constants.ChunkLength;
                while ((((ulong)subtreeLength - 1) & countSoFar) != 0)
                {
                    subtreeLength /= 2;
                }

                var subtree = input[..(int)subtreeLength];
                var subtreeChunks = (ulong)subtreeLength / Blake3Constants.ChunkLength;
                if (subtreeLength <= Blake3Constants.ChunkLength)
                {
                    var chunk = new Blake3ChunkState(_key, _chunk.ChunkCounter, _flags);
                    chunk.Update(Backend, subtree);
                    chunk.Output().ChainingValue(Backend, chainingValues);
                    PushChainingValue(chainingValues[..Blake3Constants.OutLength], _chunk.ChunkCounter);
                }
                else
                {
                    // Two values, left and right: the subtree's own top node may be merged later.
                    Blake3Subtree.CompressToParentNode(Backend, subtree, _key, _chunk.ChunkCounter, _flags, Parallelism, chainingValues, ReleasesInput);
                    PushChainingValue(chainingValues[..Blake3Constants.OutLength], _chunk.ChunkCounter);
                    PushChainingValue(chainingValues[Blake3Constants.OutLength..], _chunk.ChunkCounter + (subtreeChunks / 2));
                }

                _chunk = new Blake3ChunkState(_key, _chunk.ChunkCounter + subtreeChunks, _flags);
                input = input[subtree.Length..];
            }

            // 3. At most one chunk is left; keep it pending. Merging the stack now lets the final
            // roll-up treat every stacked value as a left sibling.
            if (!input.IsEmpty)
            {
                _chunk.Update(Backend, input);
                MergeChainingValues(_chunk.ChunkCounter);
            }
        }

        /// <summary>Merges stacked pairs until the stack holds one value per 1-bit of <paramref name="totalChunks"/>.</summary>
        private void MergeChainingValues(ulong totalChunks)
        {
            var mergedLength = BitOperations.PopCount(totalChunks);
            Span<byte> stack = _stack;
            while (_stackLength > mergedLength)
            {
                var children = stack.Slice((_stackLength - 2) * Blake3Constants.OutLength, 2 * Blake3Constants.OutLength);
                Blake3Output.Parent(children, _key, _flags).ChainingValue(Backend, children[..Blake3Constants.OutLength]);
                _stackLength--;
            }
        }

        private void PushChainingValue(ReadOnlySpan<byte> chainingValue, ulong chunkCounter)
        {
            MergeChainingValues(chunkCounter);
            chainingValue.CopyTo(((Span<byte>)_stack)[(_stackLength * Blake3Constants.OutLength)..]);
            _stackLength++;
        }

        /// <summary>C <c>blake3_hasher_finalize_seek</c>: rolls the stack up into the root and writes its output.</summary>
        public readonly void Finalize(Span<byte> destination, ulong firstBlock)
        {
            ReadOnlySpan<byte> stack = _stack;
            if (_stackLength == 0)
            {
                _chunk.Output().RootBytes(Backend, destination, firstBlock);
                return;
            }

            // With bytes in the chunk, it is the rightmost leaf; otherwise the last subtree's two
            // values on top of the stack are.
            Blake3Output output;
            int remaining;
            if (_chunk.Length > 0)
            {
                remaining = _stackLength;
                output = _chunk.Output();
            }
            else
            {
                remaining = _stackLength - 2;
                output = Blake3Output.Parent(stack.Slice(remaining * Blake3Constants.OutLength, 2 * Blake3Constants.OutLength), _key, _flags);
            }

            Span<byte> children = stackalloc byte[2 * Blake3Constants.OutLength];
            while (remaining > 0)
            {
                remaining--;
                stack.Slice(remaining * Blake3Constants.OutLength, Blake3Constants.OutLength).CopyTo(children);
                output.ChainingValue(Backend, children[Blake3Constants.OutLength..]);
                output = Blake3Output.Parent(children, _key, _flags);
            }

            output.RootBytes(Backend, destination, firstBlock);
        }
    }
}
