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
}
