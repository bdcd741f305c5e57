using Accession.TestKit.Omero;

namespace Accession.TestKit.Tests.Omero;

public sealed class FakeFileContentTests
{
    [Fact]
    public void Generated_content_is_the_same_for_a_seed_and_differs_between_seeds()
    {
        var once = FakeFileContent.Generated(1001, 42).ToArray();

        Assert.Equal(once, FakeFileContent.Generated(1001, 42).ToArray());
        Assert.NotEqual(once, FakeFileContent.Generated(1001, 43).ToArray());
        Assert.Equal(1001, once.Length);
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(3, 20)]
    [InlineData(13, 1)]
    [InlineData(995, 6)]
    public void Any_range_reads_as_the_slice_of_the_whole(int position, int length)
    {
        var content = FakeFileContent.Generated(1001, 7);
        var whole = content.ToArray();
        var part = new byte[length];

        content.Read(position, part);

        Assert.Equal(whole.AsSpan(position, length).ToArray(), part);
    }

    [Fact]
    public void The_stream_reads_the_content_and_seeks()
    {
        var content = FakeFileContent.FromText("hello, omero");
        using var stream = content.OpenRead();
        using var copy = new MemoryStream();

        stream.Seek(7, SeekOrigin.Begin);
        stream.CopyTo(copy);

        Assert.Equal("omero"u8.ToArray(), copy.ToArray());
        Assert.Equal(content.Length, stream.Length);
    }
}
