using System.Globalization;
using System.Text.Json;
using Accession.OmeZarr.Discovery;
using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Validation.Container;

/// <summary>
/// RFC-9 zipped OME-Zarr checks (shared/specs/ome-zarr.md §2.2 X1–X10, §3.1), applied when the file
/// is named <c>.ozx</c> or its comment declares <c>ome</c>. RFC-9 is under review, so everything but its
/// MUSTs (one hierarchy, root zarr.json at the zip root) is a warning or info.
/// </summary>
internal static class OzxChecks
{
    private const int Stored = 0;

    /// <summary>Whether the zip claims to be an OME-Zarr zip file.</summary>
    public static bool Applies(ZipContainerFacts facts) =>
        facts.FileName.EndsWith(".ozx", StringComparison.OrdinalIgnoreCase) || ReadComment(facts.Comment).Ome is not null;

    public static void Check(ZipContainerFacts facts, IReadOnlyList<OmeZarrDataset> datasets, ICollection<ValidationFinding> findings, bool sharded)
    {
        var (ome, commentProblem) = ReadComment(facts.Comment);
        var dataset = datasets.Count > 0 ? datasets[0] : null;

        // X1, X2: the RFC's MUSTs.
        if (dataset is not null && (dataset.Root.Length != 0 || dataset.ZarrFormat != ZarrFormat.V3))
        {
            Add(findings, DatasetRuleIds.OzxRootNotAtZipRoot, Severity.Error, dataset.Root.Length == 0 ? ZarrMetadataFiles.ZAttrs : dataset.Root + "/",
                dataset.Root.Length != 0
                    ? $"the OME-Zarr root is the folder '{dataset.Root}'; in an .ozx the root zarr.json must be at the zip root. Zip the folder's contents, not the folder."
                    : "the dataset uses Zarr v2 (OME-Zarr ≤ 0.4); an .ozx needs a Zarr v3 root zarr.json (OME-Zarr ≥ 0.5).");
        }

        if (datasets.Count > 1)
        {
            Add(findings, DatasetRuleIds.OzxSeveralDatasets, Severity.Error, string.Empty,
                string.Create(CultureInfo.InvariantCulture, $"an .ozx must hold exactly one OME-Zarr hierarchy; this one holds {datasets.Count}."));
        }

        // X3
        if (!facts.FileName.EndsWith(".ozx", StringComparison.OrdinalIgnoreCase))
        {
            Add(findings, DatasetRuleIds.OzxExtension, Severity.Warning, string.Empty, $"the zip declares OME-Zarr in its comment; name it '{Path.GetFileNameWithoutExtension(facts.FileName)}.ozx'.");
        }

        // X4, X5
        if (ome is null)
        {
            Add(findings, DatasetRuleIds.OzxCommentInvalid, Severity.Warning, string.Empty,
                $"{commentProblem}; the zip comment should be UTF-8 JSON such as {{\"ome\": {{\"version\": \"0.5\"}}}}.");
        }
        else
        {
            var version = ome.Value.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (version is null)
            {
                Add(findings, DatasetRuleIds.OzxCommentInvalid, Severity.Warning, string.Empty, "the zip comment has no ome.version string.");
            }
            else if (dataset is not null && dataset.RawVersion is { } rootVersion && rootVersion != version)
            {
                Add(findings, DatasetRuleIds.OzxCommentVersion, Severity.Warning, string.Empty, $"the zip comment says ome.version \"{version}\" but the root says \"{rootVersion}\".");
            }
        }

        CheckEntries(facts, ome, findings);

        // X9, X10
        Add(findings, DatasetRuleIds.OzxZip64, Severity.Info, string.Empty, facts.IsZip64
            ? "the zip uses ZIP64 records, as RFC-9 recommends."
            : "the zip does not use ZIP64 records; RFC-9 recommends ZIP64 whatever the size.");
        Add(findings, DatasetRuleIds.OzxSharding, Severity.Info, string.Empty, sharded
            ? "arrays use the sharding codec, as RFC-9 recommends."
            : "no array uses the sharding codec; RFC-9 recommends sharding to keep the entry count low.");
    }

    // X6, X7, X8 and duplicate metadata entries.
    private static void CheckEntries(ZipContainerFacts facts, JsonElement? ome, ICollection<ValidationFinding> findings)
    {
        var files = facts.Entries.Where(e => !e.Path.EndsWith('/')).ToList();
        var compressed = files.Where(e => e.CompressionMethod != Stored).ToList();
        if (compressed.Count > 0)
        {
            Add(findings, DatasetRuleIds.OzxEntriesCompressed, Severity.Warning, string.Empty,
                string.Create(CultureInfo.InvariantCulture, $"{compressed.Count} of {files.Count} entries are compressed by the zip (e.g. '{compressed[0].Path}'); RFC-9 recommends storing entries uncompressed, Zarr codecs compress."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in files)
        {
            if (IsZarrJson(entry.Path) && !seen.Add(entry.Path))
            {
                Add(findings, DatasetRuleIds.OzxDuplicateMetadata, Severity.Error, entry.Path, "the .ozx lists this zarr.json more than once; readers may pick different copies.");
            }
        }

        var ordered = JsonFirstBreadthFirst(files, out var problem);
        var claimsJsonFirst = ome is { } o && o.TryGetProperty("zipFile", out var zip) && zip.ValueKind == JsonValueKind.Object
            && zip.TryGetProperty("centralDirectory", out var cd) && cd.ValueKind == JsonValueKind.Object
            && cd.TryGetProperty("jsonFirst", out var jf) && jf.ValueKind == JsonValueKind.True;
        if (!ordered && claimsJsonFirst)
        {
            Add(findings, DatasetRuleIds.OzxJsonFirstClaim, Severity.Warning, string.Empty, $"the comment claims zipFile.centralDirectory.jsonFirst but {problem}; readers that trust the claim will miss metadata.");
        }
        else if (!ordered)
        {
            Add(findings, DatasetRuleIds.OzxMetadataOrder, Severity.Warning, string.Empty, $"{problem}; RFC-9 recommends the root zarr.json first, then every other zarr.json breadth-first, then the data.");
        }
    }

    private static bool JsonFirstBreadthFirst(List<ZipEntryFact> files, out string problem)
    {
        problem = string.Empty;
        if (files.Count == 0 || files[0].Path != ZarrMetadataFiles.ZarrJson)
        {
            problem = "the first entry is not the root zarr.json";
            return false;
        }

        var depth = 0;
        var inData = false;
        foreach (var entry in files)
        {
            if (!IsZarrJson(entry.Path))
            {
                inData = true;
                continue;
            }

            if (inData)
            {
                problem = $"'{entry.Path}' comes after data entries";
                return false;
            }

            var entryDepth = entry.Path.Count(c => c == '/');
            if (entryDepth < depth)
            {
                problem = $"'{entry.Path}' breaks the breadth-first order of the zarr.json entries";
                return false;
            }

            depth = entryDepth;
        }

        return true;
    }

    private static bool IsZarrJson(string path) =>
        path == ZarrMetadataFiles.ZarrJson || path.EndsWith("/" + ZarrMetadataFiles.ZarrJson, StringComparison.Ordinal);

    private static (JsonElement? Ome, string Problem) ReadComment(string? comment)
    {
        if (string.IsNullOrEmpty(comment))
        {
            return (null, "the zip has no comment");
        }

        try
        {
            using var document = JsonDocument.Parse(comment);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("ome", out var ome) && ome.ValueKind == JsonValueKind.Object
                ? (ome.Clone(), string.Empty)
                : (null, "the zip comment has no \"ome\" object");
        }
        catch (JsonException)
        {
            return (null, "the zip comment is not JSON");
        }
    }

    private static void Add(ICollection<ValidationFinding> findings, string ruleId, Severity severity, string file, string message) =>
        findings.Add(new ValidationFinding(ruleId, severity, file, string.Empty, message));
}
