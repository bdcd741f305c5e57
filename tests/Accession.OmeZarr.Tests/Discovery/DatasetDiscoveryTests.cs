using Accession.OmeZarr.Archives;
using Accession.OmeZarr.Discovery;
using Accession.OmeZarr.Tests.Support;
using Accession.OmeZarr.Validation;
using Accession.OmeZarr.Zarr;
using Accession.TestKit;
using Accession.TestKit.OmeZarr;

namespace Accession.OmeZarr.Tests.Discovery;

public class DatasetDiscoveryTests
{
    private static DiscoveryResult Discover(string folder)
    {
        using var reader = new FolderArchiveReader(folder);
        return DatasetDiscovery.Discover(reader);
    }

    [Fact]
    public void A_dataset_at_the_root_is_named_after_the_folder()
    {
        var result = Discover(Samples.Cells);

        var dataset = Assert.Single(result.Datasets);
        Assert.Same(dataset, result.Chosen);
        Assert.Equal(string.Empty, dataset.Root);
        Assert.Equal("cells.ome.zarr", dataset.Name);
        Assert.Equal("0.5", dataset.VersionText);
        Assert.Equal(OmeZarrKind.Image, dataset.Kind);
        Assert.Equal(ZarrFormat.V3, dataset.ZarrFormat);
        Assert.Equal(13, dataset.Files.Count);
        Assert.Equal(dataset.Files.Sum(f => f.Length), dataset.TotalBytes);
        Assert.DoesNotContain(result.Findings, f => f.Severity != Severity.Info);
    }

    [Fact]
    public void A_dataset_one_folder_down_is_named_after_its_folder_and_its_paths_are_relative_to_it()
    {
        using var temp = new TempFolder();
        new OmeZarrBuilder(Path.Combine(temp.Path, "upload", "sample.zarr")).Image(string.Empty, ["y", "x"], [[32, 32]]);

        var result = Discover(Path.Combine(temp.Path, "upload"));

        var dataset = Assert.Single(result.Datasets);
        Assert.Equal("sample.zarr", dataset.Root);
        Assert.Equal("sample.zarr", dataset.Name);
        Assert.All(dataset.Files, f => Assert.StartsWith("sample.zarr/", f.Path, StringComparison.Ordinal));
        Assert.Contains("0/.zarray", dataset.Files.Select(dataset.RelativePath));
        Assert.Empty(result.Findings);
    }

    [Theory]
    [InlineData("/data/my-data.zarr.zip", "my-data.zarr")]
    [InlineData("/data/Data.Zarr.TAR.GZ", "Data.Zarr")]
    [InlineData("/data/image.ozx", "image")]
    [InlineData("/data/plain.tgz", "plain")]
    [InlineData("/data/cells.ome.zarr", "cells.ome.zarr")]
    [InlineData("/data/cells.ome.zarr/", "cells.ome.zarr")]
    public void A_dataset_at_the_archive_root_is_named_after_the_archive_without_its_suffix(string location, string name)
    {
        Assert.Equal(name, DatasetDiscovery.AssetName(location, string.Empty));
    }

    [Fact]
    public void A_nested_root_takes_its_own_folder_name_whatever_the_archive_is_called()
    {
        Assert.Equal("inner.zarr", DatasetDiscovery.AssetName("/data/data.zarr.zip", "outer/inner.zarr"));
    }

    [Fact]
    public void Two_datasets_side_by_side_are_both_reported_and_the_shallowest_then_first_in_path_order_is_chosen()
    {
        using var temp = new TempFolder();
        new OmeZarrBuilder(Path.Combine(temp.Path, "b.zarr")).Image(string.Empty, ["y", "x"], [[8, 8]]);
        new OmeZarrBuilder(Path.Combine(temp.Path, "a.zarr")).Image(string.Empty, ["y", "x"], [[8, 8]]);
        new OmeZarrBuilder(Path.Combine(temp.Path, "deeper", "0.zarr")).Image(string.Empty, ["y", "x"], [[8, 8]]);

        var result = Discover(temp.Path);

        Assert.Equal(["a.zarr", "b.zarr", "deeper/0.zarr"], result.Datasets.Select(d => d.Root));
        Assert.Equal("a.zarr", result.Chosen!.Root);
        var several = Assert.Single(result.Findings, f => f.RuleId == DatasetRuleIds.DatasetSeveral);
        Assert.Equal(Severity.Warning, several.Severity);
        Assert.Contains("takes 'a.zarr'", several.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Children_of_a_root_are_part_of_it_not_separate_datasets()
    {
        foreach (var sample in new[] { "hcs.zarr", "bf2raw.zarr" })
        {
            var result = Discover(Samples.OmeZarr("ome2024-ngff-challenge", "tests", "data", sample));

            var dataset = Assert.Single(result.Datasets);
            Assert.Equal(sample == "hcs.zarr" ? OmeZarrKind.Plate : OmeZarrKind.Bioformats2RawCollection, dataset.Kind);
            Assert.Equal("0.4", dataset.VersionText);
            Assert.Contains(dataset.Files, f => f.Path == "OME/METADATA.ome.xml");
        }
    }

    [Fact]
    public void Operating_system_clutter_is_set_aside_and_reported_as_info()
    {
        using var temp = new TempFolder();
        var builder = new OmeZarrBuilder(Path.Combine(temp.Path, "img.zarr")).Image(string.Empty, ["y", "x"], [[8, 8]]);
        builder.Text(".DS_Store", "x").Text("0/._0", "x").Text("labels/Thumbs.db", "x");
        new OmeZarrBuilder(temp.Path).Text("__MACOSX/img.zarr/._.zattrs", "x").Text("__MACOSX/img.zarr/0/._.zarray", "x");

        var result = Discover(temp.Path);

        var dataset = Assert.Single(result.Datasets);
        Assert.DoesNotContain(dataset.Files, f => f.Name.StartsWith("._", StringComparison.Ordinal) || f.Name is ".DS_Store" or "Thumbs.db");
        var junk = result.Findings.Where(f => f.RuleId == DatasetRuleIds.ArchiveJunk).ToList();
        Assert.All(junk, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Contains(junk, f => f.File == "__MACOSX/" && f.Message.StartsWith("2 entries", StringComparison.Ordinal));
        Assert.Contains(junk, f => f.File == "img.zarr/.DS_Store");
        Assert.DoesNotContain(result.Findings, f => f.RuleId == DatasetRuleIds.ArchiveFileOutsideDataset);
    }

    [Fact]
    public void Files_outside_every_dataset_are_a_warning()
    {
        using var temp = new TempFolder();
        new OmeZarrBuilder(Path.Combine(temp.Path, "img.zarr")).Image(string.Empty, ["y", "x"], [[8, 8]]);
        File.WriteAllText(Path.Combine(temp.Path, "README.txt"), "notes");

        var result = Discover(temp.Path);

        var outside = Assert.Single(result.Findings, f => f.RuleId == DatasetRuleIds.ArchiveFileOutsideDataset);
        Assert.Equal("README.txt", outside.File);
        Assert.Equal(Severity.Warning, outside.Severity);
    }

    [Fact]
    public void A_plain_zarr_group_holding_images_is_a_non_standard_container_whose_images_become_datasets()
    {
        using var temp = new TempFolder();
        var builder = new OmeZarrBuilder(temp.Path).Group(string.Empty);
        builder.Image("first", ["y", "x"], [[8, 8]]).Image("second", ["y", "x"], [[8, 8]]);

        var result = Discover(temp.Path);

        Assert.Equal(["first", "second"], result.Datasets.Select(d => d.Root));
        var container = Assert.Single(result.Findings, f => f.RuleId == DatasetRuleIds.DatasetContainerNonStandard);
        Assert.Equal(".zgroup", container.File);
        Assert.Contains(result.Findings, f => f.RuleId == DatasetRuleIds.ArchiveFileOutsideDataset && f.File == ".zgroup");
    }

    [Fact]
    public void A_zarr_group_without_ome_metadata_means_no_dataset()
    {
        var result = Discover(Samples.OmeZarr("ome-zarr-examples", "data", "invalid", "image-01.zarr"));

        Assert.Empty(result.Datasets);
        Assert.Null(result.Chosen);
        Assert.Contains(result.Findings, f => f.RuleId == DatasetRuleIds.DatasetNotFound && f.Severity == Severity.Error);
        Assert.Contains(result.Findings, f => f.RuleId == DatasetRuleIds.ZarrGroupNotOme && f.File == ".zattrs" && f.Severity == Severity.Error);
    }

    [Fact]
    public void A_folder_without_any_zarr_metadata_has_no_dataset()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "photo.tif"), "x");

        var result = Discover(temp.Path);

        Assert.Empty(result.Datasets);
        Assert.Equal(DatasetRuleIds.DatasetNotFound, Assert.Single(result.Findings).RuleId);
    }

    [Fact]
    public void Zattrs_without_zgroup_is_a_warning()
    {
        using var temp = new TempFolder();
        new OmeZarrBuilder(temp.Path).Image(string.Empty, ["y", "x"], [[8, 8]]).Delete(".zgroup");

        var result = Discover(temp.Path);

        Assert.Single(result.Datasets);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(DatasetRuleIds.ZarrGroupFileMissing, finding.RuleId);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void Zarr_v3_has_no_implicit_groups()
    {
        using var temp = new TempFolder();
        new OmeZarrBuilder(temp.Path, zarrFormat: 3).Plate(string.Empty, ["A"], ["1"]).Delete("A/zarr.json");

        var result = Discover(temp.Path);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(DatasetRuleIds.ZarrImplicitGroup, finding.RuleId);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("A/", finding.File);
    }

    [Fact]
    public void A_missing_v2_row_group_is_only_a_warning()
    {
        using var temp = new TempFolder();
        new OmeZarrBuilder(temp.Path).Plate(string.Empty, ["A"], ["1"]).Delete("A/.zgroup");

        var finding = Assert.Single(Discover(temp.Path).Findings);

        Assert.Equal(DatasetRuleIds.ZarrImplicitGroup, finding.RuleId);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void Mixing_zarr_v2_and_v3_in_one_hierarchy_is_an_error()
    {
        using var temp = new TempFolder();
        new OmeZarrBuilder(temp.Path, zarrFormat: 3).Image(string.Empty, ["y", "x"], [[8, 8]]);
        new OmeZarrBuilder(temp.Path, zarrFormat: 2).Labels(string.Empty, "cells");

        var finding = Assert.Single(Discover(temp.Path).Findings);

        Assert.Equal(DatasetRuleIds.ZarrFormatMixed, finding.RuleId);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("labels/.zgroup", finding.File);
    }

    [Fact]
    public void With_v2_and_v3_metadata_side_by_side_v3_is_used_with_a_warning()
    {
        using var temp = new TempFolder();
        new OmeZarrBuilder(temp.Path, zarrFormat: 2).Image(string.Empty, ["y", "x"], [[8, 8]]);
        new OmeZarrBuilder(temp.Path, zarrFormat: 3).Image(string.Empty, ["y", "x"], [[8, 8]]);

        var result = Discover(temp.Path);

        var dataset = Assert.Single(result.Datasets);
        Assert.Equal(ZarrFormat.V3, dataset.ZarrFormat);
        Assert.Equal("0.5", dataset.VersionText);
        Assert.All(result.Findings, f => Assert.Equal(DatasetRuleIds.ZarrV2V3SideBySide, f.RuleId));
        Assert.Equal(["0/zarr.json", "zarr.json"], result.Findings.Select(f => f.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_well_as_root_is_legal_but_unusual()
    {
        using var temp = new TempFolder();
        new OmeZarrBuilder(Path.Combine(temp.Path, "plate")).Plate(string.Empty, ["A"], ["1"]);

        var result = Discover(Path.Combine(temp.Path, "plate", "A"));

        var dataset = Assert.Single(result.Datasets);
        Assert.Equal("1", dataset.Root);
        Assert.Equal(OmeZarrKind.Well, dataset.Kind);
        Assert.Contains(result.Findings, f => f.RuleId == DatasetRuleIds.DatasetRootUnusual);
    }

    [Fact]
    public void Duplicate_entry_names_are_resolved_last_wins()
    {
        using var reader = InMemoryArchiveReader.FromText(
            "dup.zip",
            (".zgroup", "{\"zarr_format\": 2}"),
            (".zattrs", "{}"),
            (".zattrs", "{\"multiscales\": [{\"version\": \"0.4\", \"axes\": [{\"name\": \"y\", \"type\": \"space\"}, {\"name\": \"x\", \"type\": \"space\"}], \"datasets\": []}]}"));

        var result = DatasetDiscovery.Discover(reader);

        var dataset = Assert.Single(result.Datasets);
        Assert.Equal("dup", dataset.Name);
        Assert.Equal(2, dataset.Files.Count);
        Assert.Contains(result.Findings, f => f.RuleId == DatasetRuleIds.ArchiveDuplicateEntry && f.File == ".zattrs");
    }

    [Fact]
    public void Broken_metadata_json_is_a_finding_naming_the_file()
    {
        using var reader = InMemoryArchiveReader.FromText(
            "x.zip",
            (".zgroup", "{\"zarr_format\": 2}"),
            (".zattrs", "{\"multiscales\": [{\"version\": \"0.4\", \"axes\": [], \"datasets\": []}]}"),
            ("0/.zarray", "{\"zarr_format\": 2, \"shape\": [1], \"chunks\": [1], \"dtype\": \"<f8\", \"fill_value\": NaN, \"order\": \"C\", \"compressor\": null, \"filters\": null}"),
            ("1/.zarray", "{\"zarr_format\": 2,"));

        var result = DatasetDiscovery.Discover(reader);

        Assert.Single(result.Datasets);
        Assert.Contains(result.Findings, f => f.RuleId == DatasetRuleIds.JsonInvalid && f.File == "0/.zarray" && f.Message.Contains("NaN", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.RuleId == DatasetRuleIds.JsonInvalid && f.File == "1/.zarray");
    }

    [Fact]
    public void Only_metadata_files_are_read()
    {
        var files = new List<(string, byte[])>
        {
            (".zgroup", "{\"zarr_format\": 2}"u8.ToArray()),
            (".zattrs", "{\"multiscales\": [{\"version\": \"0.4\", \"axes\": [{\"name\": \"x\", \"type\": \"space\"}], \"datasets\": [{\"path\": \"0\"}]}]}"u8.ToArray()),
            ("0/.zarray", "{\"zarr_format\": 2, \"shape\": [1000], \"chunks\": [1], \"dtype\": \"|u1\", \"fill_value\": 0, \"order\": \"C\", \"compressor\": null, \"filters\": null, \"dimension_separator\": \"/\"}"u8.ToArray()),
        };
        files.AddRange(Enumerable.Range(0, 1000).Select(i => ($"0/{i}", new byte[1])));
        using var reader = new InMemoryArchiveReader("big.zip", files);

        var report = OmeZarrValidator.Validate(reader, new ValidationOptions { Deep = true });

        Assert.Equal(3, reader.Opened);
        Assert.Contains(report.Findings, f => f.RuleId == DatasetRuleIds.ChunksPresent && f.Message.StartsWith("1000 of 1000", StringComparison.Ordinal));
    }
}
