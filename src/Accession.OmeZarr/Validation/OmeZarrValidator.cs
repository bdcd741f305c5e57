using Accession.OmeZarr.Archives;
using Accession.OmeZarr.Discovery;
using Accession.OmeZarr.Validation.Attributes;
using Accession.OmeZarr.Validation.Chunks;
using Accession.OmeZarr.Validation.Container;
using Accession.OmeZarr.Validation.Hierarchy;
using Accession.OmeZarr.Zarr;

namespace Accession.OmeZarr.Validation;

/// <summary>
/// Validates the OME-Zarr datasets of an archive or folder (shared/specs/ome-zarr.md §2): discovery
/// (R1–R7), Zarr metadata (M1, M2), the attribute rules of every OME group of each hierarchy,
/// cross-node checks (A1–A9, version consistency), RFC-9 container checks for zips (X1–X10) and, when
/// deep, chunk presence from the entry list (C1–C4). Only metadata files are read.
/// </summary>
public static class OmeZarrValidator
{
    /// <summary>Validates everything the reader holds.</summary>
    /// <exception cref="ArchiveException">The archive or one of its metadata entries cannot be read.</exception>
    public static ValidationReport Validate(ArchiveReader reader, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Validate(reader, DatasetDiscovery.Discover(reader), options);
    }

    /// <summary>Validates what an earlier discovery of the same reader found, without discovering again.</summary>
    /// <exception cref="ArchiveException">The archive or one of its metadata entries cannot be read.</exception>
    public static ValidationReport Validate(ArchiveReader reader, DiscoveryResult discovery, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(discovery);
        options ??= ValidationOptions.Default;
        var findings = new List<ValidationFinding>(discovery.Findings);
        var sharded = false;
        foreach (var (dataset, root) in discovery.Context.Roots)
        {
            var context = new HierarchyContext(reader, discovery.Context, dataset, root, findings, options);
            ValidateHierarchy(context);
            sharded |= context.Nodes.Any(n => n.Array?.IsSharded == true);
        }

        if (ZipFacts(reader) is { } facts && OzxChecks.Applies(facts))
        {
            OzxChecks.Check(facts, discovery.Datasets, findings, sharded);
        }

        return new ValidationReport(reader.Location, discovery.Datasets, findings, options);
    }

    private static void ValidateHierarchy(HierarchyContext context)
    {
        // Attribute rules first: they also tell each group's declared version.
        foreach (var node in context.Nodes)
        {
            if (node.IsOme)
            {
                var version = OmeAttributesValidator.Validate(node.Attributes, node.Format == ZarrFormat.V3, node.AttributesFile, context.Findings);
                NgffVersionDetector.Detect(node.Attributes, node.Format == ZarrFormat.V3, out var raw);
                context.RecordVersion(node, version, raw);
            }
        }

        foreach (var node in context.Nodes)
        {
            if (!node.IsOme)
            {
                continue;
            }

            VersionChecks.Check(context, node);
            if (OmeView.Has(node.Ome, "multiscales"))
            {
                MultiscalesChecks.Check(context, node);
            }

            if (OmeView.Has(node.Ome, "labels"))
            {
                LabelsChecks.Check(context, node);
            }

            if (OmeView.Has(node.Ome, "plate"))
            {
                PlateChecks.CheckPlate(context, node);
            }

            if (OmeView.Has(node.Ome, "well"))
            {
                PlateChecks.CheckWell(context, node);
            }

            if (OmeView.Has(node.Ome, "bioformats2raw.layout"))
            {
                Bioformats2RawChecks.Check(context, node);
            }
        }

        if (context.Options.Deep)
        {
            ChunkChecks.Check(context);
        }
    }

    // The zip facts the RFC-9 checks need; only zip readers have them.
    private static ZipContainerFacts? ZipFacts(ArchiveReader reader) =>
        reader is ZipArchiveReader zip
            ? new ZipContainerFacts(
                Path.GetFileName(zip.Location),
                zip.Comment,
                zip.IsZip64,
                [.. zip.ZipEntries.Select(e => new ZipEntryFact(e.IsDirectory ? e.Path + "/" : e.Path, e.CompressionMethod))])
            : null;
}
