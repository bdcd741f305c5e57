using Accession.OmeZarr.Archives;
using Accession.OmeZarr.Tests.Support;
using Accession.OmeZarr.Validation;
using Accession.TestKit;
using Accession.TestKit.OmeZarr;

namespace Accession.OmeZarr.Tests.Validation;

public class ValidationReportTests
{
    [Fact]
    public void Findings_are_sorted_by_file_and_counted_by_severity()
    {
        using var temp = new TempFolder();
        new OmeZarrBuilder(Path.Combine(temp.Path, "b.zarr")).Image(string.Empty, ["z", "y", "x"], [[2, 8, 8], [2, 16, 16]]).Delete(".zgroup");
        new OmeZarrBuilder(Path.Combine(temp.Path, "a.zarr")).Image(string.Empty, ["y", "x"], [[8, 8]]).Array("0", [8, 8, 8]);

        var report = Samples.Validate(temp.Path);

        Assert.Equal(report.Findings.Select(f => f.File).Order(StringComparer.Ordinal), report.Findings.Select(f => f.File));
        Assert.Equal(report.Findings.Count(f => f.Severity == Severity.Error), report.ErrorCount);
        Assert.Equal(report.Findings.Count(f => f.Severity == Severity.Warning), report.WarningCount);
        Assert.Equal(ValidationVerdict.Invalid, report.Verdict);
        Assert.Equal("a.zarr", report.Chosen!.Root);
        Assert.Equal("b.zarr", report.DatasetOf(report.Findings.Single(f => f.RuleId == DatasetRuleIds.ZarrGroupFileMissing))!.Root);
        Assert.Null(report.DatasetOf(report.Findings.Single(f => f.RuleId == DatasetRuleIds.DatasetSeveral)));
    }

    [Fact]
    public void Warnings_fail_only_strict_validation()
    {
        var folder = Samples.OmeZarr("ome-zarr-examples", "data", "warning", "image-01.zarr");

        Assert.Equal(ValidationVerdict.Valid, Samples.Validate(folder).Verdict);
        Assert.Equal(ValidationVerdict.Invalid, Samples.Validate(folder, strict: true).Verdict);
    }

    [Fact]
    public void An_unreadable_metadata_entry_is_an_archive_exception()
    {
        using var reader = new FailingReader();

        var exception = Assert.Throws<ArchiveException>(() => OmeZarrValidator.Validate(reader));

        Assert.Equal(ArchiveErrorKind.Corrupt, exception.Kind);
    }

    [Fact]
    public void A_missing_folder_is_an_archive_exception()
    {
        var exception = Assert.Throws<ArchiveException>(() => new FolderArchiveReader(Path.Combine(Path.GetTempPath(), "accession-no-such-folder-" + Guid.NewGuid())));

        Assert.Equal(ArchiveErrorKind.NotFound, exception.Kind);
    }

    [Fact]
    public void The_rule_table_documents_every_rule_id()
    {
        var table = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "validation-rules.md"));
        var ids = typeof(DatasetRuleIds).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Contains($"`{id}`", table, StringComparison.Ordinal));
    }

    private sealed class FailingReader : ArchiveReader
    {
        public override string Location => "broken.zip";

        public override IReadOnlyList<ArchiveEntry> Entries { get; } = [new(".zgroup", 20), new(".zattrs", 20)];

        public override Stream OpenEntry(ArchiveEntry entry) =>
            throw new ArchiveException(ArchiveErrorKind.Corrupt, $"broken.zip: entry '{entry.Path}' fails its CRC check; the archive is damaged.");
    }
}
