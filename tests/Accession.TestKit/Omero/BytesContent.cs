namespace Accession.TestKit.Omero;

/// <summary>File content held in memory. Immutable.</summary>
internal sealed class BytesContent(byte[] bytes) : FakeFileContent
{
    public override long Length => bytes.Length;

    public override void Read(long position, Span<byte> destination) =>
        bytes.AsSpan(checked((int)position), destination.Length).CopyTo(destination);
}
