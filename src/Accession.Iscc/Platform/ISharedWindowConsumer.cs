namespace Accession.Iscc.Platform;

/// <summary>
/// A consumer of mapped windows whose work two threads can share (see <see cref="MappedFileHashing"/>).
/// Per window: <see cref="Begin"/> on the calling flow, then <see cref="Work"/> on a worker and
/// <see cref="Help"/> on the calling flow at the same time, then <see cref="End"/> after both returned.
/// </summary>
internal unsafe interface ISharedWindowConsumer
{
    /// <summary>Takes the window; it stays mapped and unchanged until <see cref="End"/> has returned.</summary>
    void Begin(byte* window, int length);

    /// <summary>Does the window's work on the worker.</summary>
    void Work();

    /// <summary>Shares the rest of the window's work, on the calling flow once its own part is done.</summary>
    void Help();

    /// <summary>Finishes the window after <see cref="Work"/> and <see cref="Help"/> have returned.</summary>
    void End();
}
