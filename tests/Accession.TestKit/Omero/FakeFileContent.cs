namespace Accession.TestKit.Omero;

/// <summary>
/// The bytes of one original file in the fake OMERO: either bytes a test gives, or bytes generated on the
/// fly from a seed so that files of many gigabytes cost no memory. Every read of the same content yields
/// the same bytes. Immutable and thread-safe.
/// </summary>
public abstract class FakeFileContent
{
    /// <summary>The file size in bytes.</summary>
    public abstract long Length { get; }

    /// <summary>Fills <paramref name="destination"/> with the bytes that start at <paramref name="position"/>.</summary>
    public abstract void Read(long position, Span<byte> destination);

    /// <summary>A fresh read-only, seekable stream over the content (each caller gets its own).</summary>
    public Stream OpenRead() => new FakeFileContentStream(this);

    /// <summary>The whole content as an array; for small files in assertions.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[checked((int)Length)];
        Read(0, bytes);
        return bytes;
    }

    /// <summary>Content made of the given bytes (copied).</summary>
    public static FakeFileContent FromBytes(ReadOnlySpan<byte> bytes) => new BytesContent(bytes.ToArray());

    /// <summary>Content made of the UTF-8 encoding of <paramref name="text"/>.</summary>
    public static FakeFileContent FromText(string text) =>
        new BytesContent(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// <paramref name="length"/> pseudo-random bytes derived from <paramref name="seed"/> (SplitMix64 per 8-byte
    /// word, addressable at any position), generated while they are read.
    /// </summary>
    public static FakeFileContent Generated(long length, ulong seed) => new GeneratedContent(length, seed);
}
