using Accession.Pennsieve.Processor;
using Accession.TestKit;

namespace Accession.Pennsieve.Tests;

public class ArchiveLocatorTests
{
    [Fact]
    public void The_one_archive_is_found_and_other_files_are_ignored()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("notes.txt"), "x");
        File.WriteAllText(temp.File("data.gz"), "x");
        var archive = temp.File("Sample.Zarr.TGZ");
        File.WriteAllText(archive, "x");

        Assert.Equal(archive, ArchiveLocator.Find(temp.Path));
    }

    [Fact]
    public void No_archive_is_bad_input()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("notes.txt"), "x");

        var error = Assert.Throws<ImportException>(() => ArchiveLocator.Find(temp.Path));

        Assert.Equal(ImportErrorKind.BadInput, error.Kind);
        Assert.Contains("found 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_archives_are_bad_input_and_both_are_named()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("a.zip"), "x");
        File.WriteAllText(temp.File("b.tar"), "x");

        var error = Assert.Throws<ImportException>(() => ArchiveLocator.Find(temp.Path));

        Assert.Equal(ImportErrorKind.BadInput, error.Kind);
        Assert.Contains("found 2 (a.zip, b.tar)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_folder_names_INPUT_DIR()
    {
        using var temp = new TempFolder();

        var error = Assert.Throws<ImportException>(() => ArchiveLocator.Find(Path.Combine(temp.Path, "missing")));

        Assert.StartsWith("INPUT_DIR: ", error.Message, StringComparison.Ordinal);
    }
}
