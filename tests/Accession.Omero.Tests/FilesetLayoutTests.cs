using System.Text;
using Accession.Omero.Hashing;
using Accession.TestKit;

namespace Accession.Omero.Tests;

public sealed class FilesetLayoutTests
{
    [Fact]
    public async Task Files_are_ordered_as_accession_iscc_walks_the_same_folder()
    {
        using var temp = new TempFolder();
        string[] relative =
        [
            "scan.mrxs", "scan/Data0001.dat", "scan/Data0000.dat", "scan/Slidedat.ini", "B.txt", "a.txt",
            ".gitignore", "_slide_/stack10001/frame_t.ets", "_slide_/stack1/frame_t.ets", "notes.iscc.json",
            "e\u0301.txt", "\u00e9a.txt", "z/y/x.bin", "z/a.bin", "z.bin",
        ];
        foreach (var path in relative)
        {
            await File.WriteAllTextAsync(temp.File(path), path);
        }

        var walked = await AccessionIscc.RunAsync("--walk", temp.Path);
        var layout = FilesetLayout.Of([.. relative.Reverse().Select(path => "user_2/2026-12/06/14-00-00.123/" + path)]);

        Assert.Equal("user_2/2026-12/06/14-00-00.123", layout.Folder);
        Assert.Equal(walked, layout.RelativePaths);
    }

    [Fact]
    public void A_single_file_lies_in_its_own_folder()
    {
        var layout = FilesetLayout.Of(["user_2/2026-12/06/14-00-00.123/cells, day 1.tif"]);

        Assert.Equal("user_2/2026-12/06/14-00-00.123", layout.Folder);
        Assert.Equal(["cells, day 1.tif"], layout.RelativePaths);
    }

    [Fact]
    public void The_template_prefix_is_the_deepest_common_folder_not_a_common_name_start()
    {
        var layout = FilesetLayout.Of(["u/2026/import.1/a/x.tif", "u/2026/import.1/ab/y.tif"]);

        Assert.Equal("u/2026/import.1", layout.Folder);
        Assert.Equal(["a/x.tif", "ab/y.tif"], layout.RelativePaths);
    }

    [Fact]
    public void Names_compare_as_utf8_bytes_of_their_nfc_form()
    {
        var decomposed = "e\u0301";
        var composed = "\u00e9";

        var order = FilesetLayout.TreeOrder([composed + "b", decomposed + "a", "f"]);

        Assert.Equal(["f", decomposed + "a", composed + "b"], order);
        Assert.True(Encoding.UTF8.GetBytes("f")[0] < Encoding.UTF8.GetBytes(composed)[0]);
    }
}
