using Accession.Omero.Hashing;

namespace Accession.Omero.Tests;

public sealed class FilesetLayoutTests
{
    [Fact]
    public void A_single_file_lies_in_its_own_folder_and_is_named_by_itself()
    {
        var layout = FilesetLayout.Of(["user_2/2026-12/06/14-00-00.123/cells, day 1.tif"]);

        Assert.Equal("user_2/2026-12/06/14-00-00.123", layout.Folder);
        Assert.Equal(["cells, day 1.tif"], layout.RelativePaths);
        Assert.Equal("cells, day 1.tif", layout.SourceName);
    }

    [Fact]
    public void The_template_prefix_is_the_deepest_common_folder_not_a_common_name_start()
    {
        var layout = FilesetLayout.Of(["u/2026/import.1/ab/y.tif", "u/2026/import.1/a/x.tif"]);

        Assert.Equal("u/2026/import.1", layout.Folder);
        Assert.Equal(["ab/y.tif", "a/x.tif"], layout.RelativePaths);
        Assert.Equal("import.1/", layout.SourceName);
    }
}
