namespace Accession.Iscc.Platform;

/// <summary>What <see cref="FileKind.Look"/> found a path to name.</summary>
public enum PathKind
{
    /// <summary>
    /// Not known: the question could not be asked here (no statx), or the call failed for a reason
    /// other than a missing name (opening the path then says why).
    /// </summary>
    Unknown,

    /// <summary>Nothing by that name (ENOENT, or a part of the path that is not a folder).</summary>
    Missing,

    /// <summary>A folder.</summary>
    Folder,

    /// <summary>A regular file.</summary>
    RegularFile,

    /// <summary>A FIFO, a socket or a device node.</summary>
    Special,
}
