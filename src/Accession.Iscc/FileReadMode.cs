namespace Accession.Iscc;

/// <summary>
/// How the file-hashing methods (<see cref="IsccSumHasher.AppendFileAsync(string, IProgress{long}?, FileReadMode, CancellationToken)"/>,
/// <see cref="IsccSum.HashFileAsync(string, IProgress{long}?, FileReadMode, CancellationToken)"/>, <see cref="Blake3.Blake3Hasher.HashFile"/>) read a file.
/// </summary>
public enum FileReadMode
{
    /// <summary>
    /// Large reads (megabytes at a time) into a small ring of buffers, hashed on two cores. The safe
    /// default: a file that shrinks, grows or vanishes while it is read, on a local disk or on a network
    /// file system, ends in an <see cref="IOException"/>, never in the end of the process.
    /// </summary>
    Read = 0,

    /// <summary>
    /// Map the file into memory where that pays (regular files of a megabyte or more that no process
    /// on this machine has open for writing and that do not lie on a network file system), which saves
    /// copying from the page cache (as <c>b3sum</c> does by default); other files are read as with
    /// <see cref="Read"/>. A mapped file that is cut short while it is hashed ends the process with
    /// SIGBUS, which .NET cannot catch. The checks run on Linux only and see only what Linux can tell:
    /// a local writer that a read lease detects, and network file systems by their type (NFS, SMB,
    /// FUSE, Ceph, Lustre and others). They cannot see another user's process writing (the lease is
    /// refused for lack of permission), a writer that starts after the check, a network file system
    /// of a type not on the list, or anything on macOS and Windows. Use it for local files that nothing
    /// else truncates, as a command-line tool may; long-running services should keep <see cref="Read"/>.
    /// Only BLAKE3 alone maps: the ISCC-SUM reads into buffers in both modes, which measured faster
    /// (the Data-Code reading a mapping stalls on memory).
    /// </summary>
    MemoryMapped = 1,
}
