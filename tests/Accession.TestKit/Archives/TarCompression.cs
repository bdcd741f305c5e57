namespace Accession.TestKit.Archives;

/// <summary>The compressions <see cref="TarBuilder"/> writes.</summary>
public enum TarCompression
{
    None,
    Gzip,
    Bzip2,
    Xz,
}
