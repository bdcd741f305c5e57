namespace Accession.TestKit.Pennsieve;

/// <summary>How the fake S3 keeps the bytes of uploaded objects.</summary>
public enum FakeObjectStorage
{
    /// <summary>Objects up to 1 MiB in memory, bigger ones in a temp folder deleted on dispose.</summary>
    Auto,

    /// <summary>Every object in a temp folder.</summary>
    Disk,

    /// <summary>Only length and MD5 are kept (benchmarks: no memory or disk growth).</summary>
    HashOnly,

    /// <summary>
    /// Only the length is kept, and the body is hashed only to check a <c>Content-MD5</c> header; the
    /// <c>ETag</c> is an opaque value, as S3 answers for objects encrypted with SSE-KMS (benchmarks: the
    /// fake's CPU time goes to the wire alone, as real storage looks from a client on the same machine).
    /// </summary>
    LengthOnly,
}
