using Accession.OmeZarr.Archives;
using Accession.OmeZarr.Discovery;
using Accession.OmeZarr.Tests.Support;
using Accession.OmeZarr.Validation;
using Accession.TestKit;
using Accession.TestKit.Archives;

namespace Accession.OmeZarr.Tests.Validation;

/// <summary>The sample datasets and RFC-9 cases as real zip and tar files built by the test kit.</summary>
public sealed class ArchiveValidationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    // Every sample dataset of SampleDatasetTests, zipped at the zip root (stored) and one folder down (deflated).
    public static TheoryData<string, bool> Samples_as_zips()
    {
        var samples = SampleDatasetTests.ExampleDatasets().Select(row => "ome-zarr-examples/data/" + row.Data)
            .Concat(SampleDatasetTests.ValidatorInvalidSamples().Select(row => "ome-ngff-validator/test_samples/invalid/" + row.Data))
            .Concat(SampleDatasetTests.RealDatasets().Select(row => row.Data));
        var data = new TheoryData<string, bool>();
        foreach (var sample in samples)
        {
            data.Add(sample, true);
            data.Add(sample, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples_as_zips))]
    public void A_zipped_sample_gets_the_same_verdict_and_findings_as_the_folder(string sample, bool nested)
    {
        var folder = Samples.OmeZarr(sample.Split('/'));
        var name = Path.GetFileName(folder);
        var zip = ZipBuilder.FromFolder(folder, method: nested ? (ushort)8 : (ushort)0, prefix: nested ? name + "/" : string.Empty)
            .Write(Path.Combine(_temp.Path, name + ".zip"));

        var fromFolder = Samples.Validate(folder, deep: true);
        using var reader = ArchiveReader.Open(zip);
        var fromZip = OmeZarrValidator.Validate(reader, new ValidationOptions { Deep = true });

        Assert.Equal(fromFolder.Verdict, fromZip.Verdict);
        var prefix = nested ? name + "/" : string.Empty;
        Assert.Equal(
            fromFolder.Findings.Where(f => f.File.Length > 0).Select(f => (f.RuleId, prefix + f.File, f.JsonPath)),
            fromZip.Findings.Where(f => f.File.Length > 0).Select(f => (f.RuleId, f.File, f.JsonPath)));
        if (fromZip.Chosen is { } dataset)
        {
            Assert.Equal(name, dataset.Name);
            Assert.Equal(nested ? name : string.Empty, dataset.Root);
        }
    }

    [Fact]
    public void A_dataset_at_the_zip_root_is_named_after_the_zip_and_one_folder_down_after_the_folder()
    {
        var atRoot = ZipBuilder.FromFolder(Samples.Cells).Write(Path.Combine(_temp.Path, "my-data.zarr.zip"));
        var nested = ZipBuilder.FromFolder(Samples.Cells, prefix: "sample.zarr/").Write(Path.Combine(_temp.Path, "data.zarr.zip"));

        Assert.Equal("my-data.zarr", Discover(atRoot).Chosen!.Name);
        Assert.Equal("sample.zarr", Discover(nested).Chosen!.Name);
    }

    [Fact]
    public void Macos_clutter_in_a_zip_is_set_aside()
    {
        var builder = ZipBuilder.FromFolder(Samples.Cells, prefix: "cells.ome.zarr/");
        builder.AddStored("__MACOSX/cells.ome.zarr/._zarr.json", "AppleDouble");
        builder.AddStored("__MACOSX/cells.ome.zarr/0/._zarr.json", "AppleDouble");
        builder.AddStored("cells.ome.zarr/.DS_Store", "Finder");
        var zip = builder.Write(Path.Combine(_temp.Path, "cells.zip"));

        using var reader = ArchiveReader.Open(zip);
        var report = OmeZarrValidator.Validate(reader, new ValidationOptions { Deep = true });

        Assert.True(report.Verdict == ValidationVerdict.Valid && report.ProblemsBeyondStrict().Count == 0, report.Describe());
        Assert.Equal(13, report.Chosen!.Files.Count);
        Assert.Equal(["__MACOSX/", "cells.ome.zarr/.DS_Store"], report.Rule(DatasetRuleIds.ArchiveJunk).Select(f => f.File));
    }

    [Fact]
    public void Two_datasets_side_by_side_in_a_zip_are_both_validated()
    {
        var builder = ZipBuilder.FromFolder(Samples.Cells, prefix: "b.ome.zarr/");
        foreach (var entry in ZipBuilder.FromFolder(Samples.OmeZarr("ome-zarr-examples", "data", "valid", "image-02.zarr"), prefix: "a.zarr/").Entries)
        {
            builder.Add(entry);
        }

        using var reader = ArchiveReader.Open(builder.Write(Path.Combine(_temp.Path, "two.zip")));
        var report = OmeZarrValidator.Validate(reader);

        Assert.Equal(["a.zarr", "b.ome.zarr"], report.Datasets.Select(d => d.Root));
        Assert.Equal("a.zarr", report.Chosen!.Name);
        Assert.Single(report.Rule(DatasetRuleIds.DatasetSeveral));
        Assert.Equal(ValidationVerdict.Valid, report.Verdict);
    }

    [Fact]
    public void A_well_made_ozx_with_comment_zip64_and_json_first_order_has_no_container_warnings()
    {
        var zip = Ozx(Samples.Cells, comment: "{\"ome\": {\"version\": \"0.5\", \"zipFile\": {\"centralDirectory\": {\"jsonFirst\": true}}}}", zip64: true)
            .Write(Path.Combine(_temp.Path, "cells.ozx"));

        using var reader = ArchiveReader.Open(zip);
        var report = OmeZarrValidator.Validate(reader);

        Assert.True(report.Verdict == ValidationVerdict.Valid && report.ProblemsBeyondStrict().Count == 0, report.Describe());
        Assert.Contains(report.Rule(DatasetRuleIds.OzxZip64), f => f.Message.Contains("uses ZIP64", StringComparison.Ordinal));
        Assert.Equal("cells", report.Chosen!.Name);
    }

    [Fact]
    public void An_ozx_with_deflated_entries_unsorted_and_without_comment_gets_warnings()
    {
        var zip = ZipBuilder.FromFolder(Samples.Cells, method: 8).Write(Path.Combine(_temp.Path, "cells.ozx"));

        using var reader = ArchiveReader.Open(zip);
        var report = OmeZarrValidator.Validate(reader);

        Assert.Equal(ValidationVerdict.Valid, report.Verdict);
        Assert.Single(report.Rule(DatasetRuleIds.OzxEntriesCompressed));
        Assert.Single(report.Rule(DatasetRuleIds.OzxMetadataOrder));
        Assert.Single(report.Rule(DatasetRuleIds.OzxCommentInvalid));
        Assert.Contains(report.Rule(DatasetRuleIds.OzxZip64), f => f.Message.Contains("does not use", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ozx_with_its_root_in_a_folder_or_zarr_v2_is_invalid()
    {
        var nested = Ozx(Samples.Cells, "{\"ome\": {\"version\": \"0.5\"}}", zip64: true, prefix: "somedirectory/").Write(Path.Combine(_temp.Path, "nested.ozx"));
        var v2 = Ozx(Samples.OmeZarr("ome-zarr-examples", "data", "valid", "image-02.zarr"), null, zip64: false).Write(Path.Combine(_temp.Path, "v2.ozx"));

        foreach (var zip in new[] { nested, v2 })
        {
            using var reader = ArchiveReader.Open(zip);
            var report = OmeZarrValidator.Validate(reader);
            Assert.Equal(ValidationVerdict.Invalid, report.Verdict);
            Assert.Single(report.Rule(DatasetRuleIds.OzxRootNotAtZipRoot));
        }
    }

    [Fact]
    public void A_plain_zip_gets_no_container_checks()
    {
        var zip = ZipBuilder.FromFolder(Samples.Cells, method: 8).Write(Path.Combine(_temp.Path, "cells.zip"));

        using var reader = ArchiveReader.Open(zip);

        Assert.DoesNotContain(OmeZarrValidator.Validate(reader).Findings, f => f.RuleId.StartsWith("ozx-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sample.zarr.tar")]
    [InlineData("sample.zarr.tgz")]
    [InlineData("sample.zarr.tar.bz2")]
    [InlineData("sample.zarr.txz")]
    public void Tar_archives_are_validated_like_folders(string name)
    {
        var folder = Samples.OmeZarr("ome2024-ngff-challenge", "tests", "data", "hcs.zarr");
        var tar = TarBuilder.FromFolder(folder, prefix: "hcs.zarr/").Write(Path.Combine(_temp.Path, name));

        var fromFolder = Samples.Validate(folder, deep: true);
        using var reader = ArchiveReader.Open(tar);
        var fromTar = OmeZarrValidator.Validate(reader, new ValidationOptions { Deep = true });

        Assert.Equal(ValidationVerdict.Valid, fromTar.Verdict);
        Assert.Equal("hcs.zarr", fromTar.Chosen!.Name);
        Assert.Equal(fromFolder.Findings.Select(f => "hcs.zarr/" + f.File), fromTar.Findings.Select(f => f.File));
    }

    [Fact]
    public void A_metadata_entry_failing_its_crc_makes_the_archive_unreadable()
    {
        var builder = new ZipBuilder();
        foreach (var entry in ZipBuilder.FromFolder(Samples.Cells).Entries)
        {
            builder.Add(entry.Name == "zarr.json" ? entry with { CorruptCrc = true } : entry);
        }

        var zip = builder.Write(Path.Combine(_temp.Path, "crc.zip"));
        using var reader = ArchiveReader.Open(zip);

        Assert.Equal(ArchiveErrorKind.Corrupt, Assert.Throws<ArchiveException>(() => OmeZarrValidator.Validate(reader)).Kind);
    }

    [Fact]
    public void A_truncated_zip_cannot_be_opened()
    {
        var builder = ZipBuilder.FromFolder(Samples.Cells);
        builder.TruncateBy = 30;
        var zip = builder.Write(Path.Combine(_temp.Path, "truncated.zip"));

        Assert.Throws<ArchiveException>(() => ArchiveReader.Open(zip));
    }

    private static DiscoveryResult Discover(string zip)
    {
        using var reader = ArchiveReader.Open(zip);
        return DatasetDiscovery.Discover(reader);
    }

    // RFC-9 order: zarr.json files first, breadth-first, then the data; everything stored.
    private static ZipBuilder Ozx(string folder, string? comment, bool zip64, string prefix = "")
    {
        var files = FolderFiles.List(folder)
            .OrderBy(f => f.Relative.EndsWith("zarr.json", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(f => f.Relative.Count(c => c == '/'))
            .ThenBy(f => f.Relative, StringComparer.Ordinal);
        var builder = new ZipBuilder { Comment = comment, ForceZip64 = zip64 };
        foreach (var (relative, full) in files)
        {
            builder.AddStored(prefix + relative, File.ReadAllBytes(full));
        }

        return builder;
    }
}
