using Accession.Iscc.Platform;

namespace Accession.Iscc.DataCode;

/// <summary>
/// Feeds mapped windows to a <see cref="DataHasher"/> on two threads: both chunk speculative segments
/// of the window, and <see cref="End"/> joins them to the exact chain (<see cref="SpeculativeChunking"/>).
/// Used by one file hash at a time, as <see cref="ISharedWindowConsumer"/> prescribes.
/// </summary>
internal sealed unsafe class DataWindowConsumer(DataHasher hasher) : ISharedWindowConsumer
{
    private SpeculativeChunking? _speculation;

    public void Begin(byte* window, int length) => _speculation = hasher.BeginAppendParallel(window, length, threads: 2);

    public void Work() => _speculation?.Help();

    public void Help() => _speculation?.Help();

    public void End() => hasher.EndAppendParallel();
}
