using System.Globalization;
using System.Xml;
using Accession.OmeZarr.Archives;
using Accession.OmeZarr.Discovery;

namespace Accession.OmeZarr.Validation.Hierarchy;

/// <summary>
/// Checks a bioformats2raw collection (shared/specs/ome-zarr.md §1.9, §2.5 A9): the <c>OME</c> group's
/// <c>series</c> paths exist and are images; without <c>series</c> the images are the consecutive groups
/// 0, 1, …; the number of images equals the number of <c>Image</c> elements of
/// <c>OME/METADATA.ome.xml</c> (which SHOULD exist). A plate at the root takes precedence over the series.
/// </summary>
internal static class Bioformats2RawChecks
{
    private const string OmeGroup = "OME";
    private const string MetadataXml = "METADATA.ome.xml";

    public static void Check(HierarchyContext context, ZarrNode root)
    {
        var omePath = root.Path.Length == 0 ? OmeGroup : $"{root.Path}/{OmeGroup}";
        var omeNode = context.Node(omePath);
        var series = omeNode is null ? null : OmeView.Strings(omeNode.Ome, "series");
        var hasPlate = OmeView.Has(root.Ome, "plate");
        int? imageCount = null;

        if (series is not null)
        {
            foreach (var (index, path) in series)
            {
                if (OmeView.TryResolve(root.Path, path, out var target) && (context.Node(target) is not { } image || !OmeView.Has(image.Ome, "multiscales")))
                {
                    context.Error(DatasetRuleIds.Bioformats2RawSeriesMissing, omeNode!.AttributesFile, $"{omeNode.OmeJsonPath}.series[{index}]",
                        $"the series '{path}' is listed but is not a multiscales image group.");
                }
            }

            imageCount = series.Count;
        }
        else if (!hasPlate)
        {
            imageCount = CheckConsecutive(context, root);
        }

        var xml = context.Index.Find(omePath)?.File(MetadataXml);
        if (xml is null)
        {
            context.Warning(DatasetRuleIds.Bioformats2RawMetadataMissing, root.AttributesFile, string.Empty,
                $"'{omePath}/{MetadataXml}' is missing; a bioformats2raw collection should carry its OME-XML metadata.");
            return;
        }

        int xmlImages;
        try
        {
            xmlImages = CountImages(context.Reader, xml);
        }
        catch (XmlException ex)
        {
            context.Warning(DatasetRuleIds.Bioformats2RawMetadataMissing, xml.Path, string.Empty, $"the OME-XML cannot be read ({ex.Message}).");
            return;
        }

        if (imageCount is { } count && count != xmlImages)
        {
            context.Error(DatasetRuleIds.Bioformats2RawImageCount, xml.Path, string.Empty,
                string.Create(CultureInfo.InvariantCulture, $"the OME-XML describes {xmlImages} images but the collection has {count}; every image group must be exactly one OME-XML Image, in the same order."));
        }
    }

    // Without "series", the images must be the groups 0, 1, … N-1.
    private static int CheckConsecutive(HierarchyContext context, ZarrNode root)
    {
        var numbers = new List<int>();
        foreach (var child in context.Index.Find(root.Path)?.Folders ?? [])
        {
            if (int.TryParse(child.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && context.Node(child.Path) is { } node && OmeView.Has(node.Ome, "multiscales"))
            {
                numbers.Add(n);
            }
        }

        numbers.Sort();
        for (var i = 0; i < numbers.Count; i++)
        {
            if (numbers[i] != i)
            {
                context.Error(DatasetRuleIds.Bioformats2RawSeriesNotConsecutive, root.AttributesFile, string.Empty,
                    string.Create(CultureInfo.InvariantCulture, $"image group '{i}' is missing: without OME/series the images must be the consecutive groups 0 … {numbers.Count - 1} (found {string.Join(", ", numbers)})."));
                return numbers.Count;
            }
        }

        if (numbers.Count == 0)
        {
            context.Error(DatasetRuleIds.Bioformats2RawSeriesNotConsecutive, root.AttributesFile, string.Empty,
                "the bioformats2raw collection has no OME/series list and no image groups 0, 1, …");
        }

        return numbers.Count;
    }

    // Counts the <Image> children of the <OME> root element, streaming.
    private static int CountImages(ArchiveReader reader, ArchiveEntry xml)
    {
        using var stream = reader.OpenEntry(xml);
        using var xmlReader = XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
        });
        if (xmlReader.MoveToContent() != XmlNodeType.Element || xmlReader.IsEmptyElement)
        {
            return 0;
        }

        var count = 0;
        xmlReader.Read();
        while (!xmlReader.EOF && xmlReader.Depth >= 1)
        {
            if (xmlReader.NodeType == XmlNodeType.Element && xmlReader.Depth == 1)
            {
                if (xmlReader.LocalName == "Image")
                {
                    count++;
                }

                xmlReader.Skip();
            }
            else
            {
                xmlReader.Read();
            }
        }

        return count;
    }
}
