using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace Accession.TestKit.Pennsieve;

/// <summary>
/// Kestrel's socket buffers in 64 KiB blocks instead of its default 4 KiB ones, so the fake S3 reads a
/// big PUT body in a few large <c>recv</c> calls, as a real endpoint would, instead of two system calls
/// (a zero-byte wait and a read) per 4 KiB: without it the fake's own CPU time, not the client's, bounds
/// what a benchmark measures on a shared machine. Blocks are pinned and reused. Thread-safe.
/// </summary>
internal sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    /// <summary>The block size: the most a loopback TCP segment carries, so one read can take a whole one.</summary>
    public const int BlockSize = 64 * 1024;

    private readonly ConcurrentBag<Block> _free = [];

    public override int MaxBufferSize => BlockSize;

    /// <summary>Gives every pool Kestrel asks for this block size.</summary>
    public static IMemoryPoolFactory<byte> Factory { get; } = new PoolFactory();

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        return _free.TryTake(out var block) ? block : new Block(this);
    }

    protected override void Dispose(bool disposing) => _free.Clear();

    private sealed class Block(LargeBlockMemoryPool pool) : IMemoryOwner<byte>
    {
        private readonly byte[] _array = GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true);

        public Memory<byte> Memory => _array;

        public void Dispose() => pool._free.Add(this);
    }

    private sealed class PoolFactory : IMemoryPoolFactory<byte>
    {
        public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
    }
}
