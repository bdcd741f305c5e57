using System.Text.Json;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// Validates the OME attributes of one Zarr group (shared/specs/ome-zarr.md §1, §2.4 M3–M14):
/// finds the declared version, checks that it fits the Zarr format and where the keys live, then runs
/// the rules of every OME key present. Cross-node facts (arrays, label level counts, wells that
/// exist) are not checked here.
/// </summary>
public static class OmeAttributesValidator
{
    /// <summary>
    /// Validates every OME key present in one group's attributes and appends the findings.
    /// <paramref name="attributes"/> is the v2 <c>.zattrs</c> object or the v3 <c>zarr.json</c>
    /// <c>attributes</c> object; finding paths are relative to the metadata file (<c>$.attributes.ome…</c>
    /// for <c>zarr.json</c>). A group without OME keys yields no findings.
    /// </summary>
    /// <param name="attributes">The group attributes.</param>
    /// <param name="zarrV3">True for <c>zarr.json</c> attributes.</param>
    /// <param name="file">The metadata file, relative to the dataset root, for the findings.</param>
    /// <param name="findings">Where findings are appended.</param>
    /// <returns>The declared version, as <see cref="NgffVersionDetector.Detect"/> gives it.</returns>
    public static NgffVersion Validate(JsonElement attributes, bool zarrV3, string file, ICollection<ValidationFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(findings);
        var rootPath = zarrV3 ? "$.attributes" : "$";
        var detected = NgffVersionDetector.Detect(attributes, zarrV3, out _);
        var context = new RuleContext(file, findings);
        if (attributes.ValueKind != JsonValueKind.Object)
        {
            context.Report(AttributeRules.AttributesNotObject, rootPath, $"the attributes are {JsonValues.Describe(attributes)}; group attributes must be a JSON object.");
            return detected;
        }

        var wrapped = attributes.TryGetProperty(OmeKeys.Ome, out var ome);
        var scopePath = wrapped ? JsonPaths.Property(rootPath, OmeKeys.Ome) : rootPath;
        if (wrapped && ome.ValueKind != JsonValueKind.Object)
        {
            context.Report(AttributeRules.NamespaceInvalid, scopePath, $"ome is {JsonValues.Describe(ome)}; it must be an object holding \"version\" and the OME keys.");
            return detected;
        }

        // A plain group (a plate row, an intermediate folder) has nothing to check.
        if (!wrapped && !HasNodeKeys(attributes))
        {
            return detected;
        }

        var scope = wrapped ? ome : attributes;
        context.Version = VersionRules.Check(context, attributes, scope, scopePath, rootPath, zarrV3, wrapped);
        if (context.Version != NgffVersion.V06)
        {
            RunKeyRules(context, scope, scopePath);
        }

        return detected;
    }

    /// <summary>
    /// True when the attributes hold any OME node key (<c>multiscales</c>, <c>labels</c>,
    /// <c>image-label</c>, <c>plate</c>, <c>well</c>, <c>bioformats2raw.layout</c>, <c>series</c>)
    /// where the format puts them: under <c>ome</c> for Zarr v3, at the top level for Zarr v2.
    /// </summary>
    public static bool HasOmeKeys(JsonElement attributes, bool zarrV3)
    {
        if (attributes.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (!zarrV3)
        {
            return HasNodeKeys(attributes);
        }

        return attributes.TryGetProperty(OmeKeys.Ome, out var ome) && HasNodeKeys(ome);
    }

    private static bool HasNodeKeys(JsonElement scope)
    {
        if (scope.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var key in OmeKeys.NodeKeys)
        {
            if (scope.TryGetProperty(key, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static void RunKeyRules(RuleContext context, JsonElement scope, string scopePath)
    {
        var hasMultiscales = scope.TryGetProperty(OmeKeys.Multiscales, out var multiscales);
        if (hasMultiscales)
        {
            MultiscalesRules.Check(context, multiscales, JsonPaths.Property(scopePath, OmeKeys.Multiscales));
        }

        if (scope.TryGetProperty(OmeKeys.Omero, out var omero))
        {
            OmeroRules.Check(context, omero, JsonPaths.Property(scopePath, OmeKeys.Omero), hasMultiscales);
        }

        if (scope.TryGetProperty(OmeKeys.Labels, out var labels))
        {
            LabelsRules.Check(context, labels, JsonPaths.Property(scopePath, OmeKeys.Labels));
        }

        if (scope.TryGetProperty(OmeKeys.ImageLabel, out var imageLabel))
        {
            ImageLabelRules.Check(context, imageLabel, JsonPaths.Property(scopePath, OmeKeys.ImageLabel));
        }

        if (scope.TryGetProperty(OmeKeys.Plate, out var plate))
        {
            PlateRules.Check(context, plate, JsonPaths.Property(scopePath, OmeKeys.Plate));
        }

        if (scope.TryGetProperty(OmeKeys.Well, out var well))
        {
            WellRules.Check(context, well, JsonPaths.Property(scopePath, OmeKeys.Well));
        }

        if (scope.TryGetProperty(OmeKeys.Bioformats2RawLayout, out var layout))
        {
            Bioformats2RawRules.Check(context, layout, JsonPaths.Property(scopePath, OmeKeys.Bioformats2RawLayout));
        }

        if (scope.TryGetProperty(OmeKeys.Series, out var series))
        {
            OmeSeriesRules.Check(context, series, JsonPaths.Property(scopePath, OmeKeys.Series));
        }
    }
}
