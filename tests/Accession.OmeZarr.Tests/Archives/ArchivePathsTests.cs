using Accession.OmeZarr.Archives;

namespace Accession.OmeZarr.Tests.Archives;

public class ArchivePathsTests
{
    [Theory]
    [InlineData("a/b.json", "a/b.json", false)]
    [InlineData("./a/b.json", "a/b.json", false)]
    [InlineData("a//b.json", "a/b.json", false)]
    [InlineData("a/./b.json", "a/b.json", false)]
    [InlineData("a\\b.json", "a/b.json", false)]
    [InlineData("a/b/", "a/b", true)]
    [InlineData("a\\b\\", "a/b", true)]
    [InlineData("./", "", true)]
    [InlineData(".", "", true)]
    [InlineData("..a/b..", "..a/b..", false)]
    public void Names_are_normalised_to_relative_slash_paths(string raw, string expected, bool isDirectory)
    {
        var path = ArchivePaths.Normalise(raw, out var directory, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, path);
        Assert.Equal(isDirectory, directory);
    }

    [Fact]
    public void A_clean_name_is_kept_as_the_same_string()
    {
        var raw = "image.zarr/0/c/0/0";

        Assert.Same(raw, ArchivePaths.Normalise(raw, out _, out _));
    }

    [Theory]
    [InlineData("../evil", "'..'")]
    [InlineData("a/../../evil", "'..'")]
    [InlineData("a/../b", "'..'")]
    [InlineData("..\\evil", "'..'")]
    [InlineData("a\\..\\..\\evil", "'..'")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("\\\\server\\share\\x", "absolute")]
    [InlineData("\\evil", "absolute")]
    [InlineData("C:/evil", "drive letter")]
    [InlineData("c:evil", "drive letter")]
    [InlineData("C:\\evil", "drive letter")]
    [InlineData("a\0b", "NUL")]
    [InlineData("", "empty")]
    public void Unsafe_names_are_refused_with_a_reason(string raw, string reason)
    {
        Assert.Null(ArchivePaths.Normalise(raw, out _, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}
