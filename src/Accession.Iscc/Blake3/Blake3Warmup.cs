namespace Accession.Iscc.Blake3;

/// <summary>
/// Compiles the single-block kernels on a pool thread while the calling thread compiles the wide
/// one. A short-lived process that hashes one large input on several cores would otherwise compile
/// them one after the other, the single-block ones at the very end, when the root is compressed.
/// Long-lived processes pay the one work item once.
/// </summary>
internal static class Blake3Warmup
{
    private static int s_started;

    public static void StartOnce(Blake3Backend backend)
    {
        if (Interlocked.Exchange(ref s_started, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static backend => CompressOneBlock(backend), backend, preferLocal: false);
        }
    }

    private static void CompressOneBlock(Blake3Backend backend)
    {
        Span<byte> block = stackalloc byte[Blake3Constants.BlockLength];
        block.Clear();
        var cv = default(Words8);
        Blake3Dispatch.CompressInPlace(backend, ref cv, block, Blake3Constants.BlockLength, 0, 0);
        Span<byte> output = stackalloc byte[Blake3Constants.BlockLength];
        Blake3Dispatch.CompressXof(backend, cv, block, Blake3Constants.BlockLength, 0, 0, output);
    }
}
