using System.Text.Json;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// The declared version of one group (shared/specs/ome-zarr.md §1.1, §2.4 M3, M4): 0.5 MUST declare
/// <c>attributes.ome.version</c>; a Zarr v2 group without a version is read as 0.4 (web validator
/// fallback); numeric versions are accepted with a warning (DANDI found them in the wild); 0.1–0.3 get
/// a "limited checks" warning and 0.6 a "newer than supported" one; the version must fit the Zarr
/// format (RFC-2) and say where the keys live (0.4: top of <c>.zattrs</c>, 0.5: under <c>ome</c>);
/// all version fields of the group must agree.
/// </summary>
internal static class VersionRules
{
    /// <summary>Reports the version findings and returns the version to validate with (never unknown).</summary>
    public static NgffVersion Check(RuleContext context, JsonElement attributes, JsonElement scope, string scopePath, string rootPath, bool zarrV3, bool wrapped)
    {
        var declared = NgffVersionDetector.FindDeclared(attributes, rootPath);
        var version = declared is { } found
            ? FromDeclared(context, found, wrapped ? NgffVersion.V05 : Fallback(zarrV3))
            : WithoutDeclaration(context, scope, scopePath, rootPath, zarrV3, wrapped);

        var where = declared?.JsonPath ?? scopePath;
        switch (version)
        {
            case NgffVersion.V06:
                context.Report(AttributeRules.VersionNewer, where, "this is OME-Zarr 0.6 metadata, newer than this validator supports; its content is not checked.");
                break;
            case <= NgffVersion.V03:
                context.Report(AttributeRules.VersionLegacy, where, $"this is legacy OME-Zarr {Text(version)} metadata; only the rules of {Text(version)} that still apply are checked. Convert it to 0.4 or 0.5 for full validation.");
                break;
        }

        if (zarrV3 && version <= NgffVersion.V04)
        {
            context.Report(AttributeRules.VersionZarrMismatch, where, $"OME-Zarr {Text(version)} metadata is stored in Zarr v3 (zarr.json); 0.4 and older use Zarr v2 (.zattrs), so declare 0.5 and follow its layout, or write Zarr v2.");
        }
        else if (!zarrV3 && version >= NgffVersion.V05)
        {
            context.Report(AttributeRules.VersionZarrMismatch, where, $"OME-Zarr {Text(version)} metadata is stored in Zarr v2 (.zattrs); 0.5 and newer require Zarr v3 (zarr.json with attributes.ome).");
        }

        if (version >= NgffVersion.V05 && !wrapped)
        {
            context.Report(AttributeRules.NamespaceMissing, rootPath, $"the OME keys sit at the top of the attributes; OME-Zarr {Text(version)} puts them, with \"version\", under attributes.ome.");
        }
        else if (version <= NgffVersion.V04 && wrapped)
        {
            context.Report(AttributeRules.NamespaceUnexpected, scopePath, $"the OME keys sit under \"ome\", but OME-Zarr {Text(version)} keeps them at the top level of .zattrs; move them up or declare 0.5 in zarr.json.");
        }

        CheckOtherFields(context, scope, scopePath, declared?.JsonPath, version, wrapped);
        return version;
    }

    private static NgffVersion FromDeclared(RuleContext context, NgffVersionDetector.DeclaredVersion declared, NgffVersion fallback)
    {
        var version = Parse(declared.Value);
        if (declared.Value.ValueKind == JsonValueKind.Number && version != NgffVersion.Unknown)
        {
            context.Report(AttributeRules.VersionNotString, declared.JsonPath, $"version is the number {declared.Raw}; write it as the string \"{declared.Raw}\".");
        }

        if (version == NgffVersion.Unknown)
        {
            context.Report(AttributeRules.VersionUnknown, declared.JsonPath, $"version {JsonValues.Describe(declared.Value)} is not an OME-Zarr version (0.1 to 0.5); write the version the metadata follows, e.g. \"{Text(fallback)}\". Validated as {Text(fallback)}.");
            return fallback;
        }

        return version;
    }

    private static NgffVersion WithoutDeclaration(RuleContext context, JsonElement scope, string scopePath, string rootPath, bool zarrV3, bool wrapped)
    {
        if (wrapped)
        {
            context.Report(AttributeRules.VersionMissing, scopePath, "attributes.ome has no \"version\"; add \"version\": \"0.5\" (required since OME-Zarr 0.5).");
            return NgffVersion.V05;
        }

        if (zarrV3)
        {
            // The namespace rule reports this: v3 keys belong under attributes.ome with a version.
            return NgffVersion.V05;
        }

        var versioned = false;
        foreach (var key in (ReadOnlySpan<string>)[OmeKeys.Multiscales, OmeKeys.Plate, OmeKeys.Well, OmeKeys.ImageLabel])
        {
            versioned |= scope.TryGetProperty(key, out _);
        }

        // Each versioned object without a version is reported by its own strict-*-version-missing rule,
        // so saying it again for the group would report one problem twice. A labels, bioformats2raw or
        // OME series group has no version field in 0.4: nothing to fix there, only a note.
        if (!versioned)
        {
            context.Report(AttributeRules.VersionAssumed, rootPath, "no OME-Zarr version is declared; validated as 0.4, the version this Zarr v2 layout implies.");
        }

        return NgffVersion.V04;
    }

    // Every other version field of the group must say the same. Inside a 0.5 `ome` object only
    // ome.version counts, so disagreeing nested fields are warnings there.
    private static void CheckOtherFields(RuleContext context, JsonElement scope, string scopePath, string? declaredPath, NgffVersion version, bool wrapped)
    {
        foreach (var (value, path) in VersionFields(scope, scopePath))
        {
            if (path == declaredPath)
            {
                continue;
            }

            var severity = wrapped ? Severity.Warning : Severity.Error;
            var own = Parse(value);
            if (own == NgffVersion.Unknown)
            {
                context.Report(AttributeRules.VersionUnknown, severity, path, $"version {JsonValues.Describe(value)} is not an OME-Zarr version; write \"{Text(version)}\" like the rest of this group.");
            }
            else if (own != version)
            {
                context.Report(AttributeRules.VersionInconsistent, severity, path, $"this says version {NgffVersionDetector.RawText(value)} but the group is {Text(version)}; one group (and one hierarchy) uses one version.");
            }
            else if (value.ValueKind == JsonValueKind.Number)
            {
                context.Report(AttributeRules.VersionNotString, path, $"version is the number {value.GetRawText()}; write it as the string \"{value.GetRawText()}\".");
            }
        }
    }

    private static IEnumerable<(JsonElement Value, string Path)> VersionFields(JsonElement scope, string scopePath)
    {
        if (scope.TryGetProperty(OmeKeys.Version, out var top))
        {
            yield return (top, JsonPaths.Property(scopePath, OmeKeys.Version));
        }

        if (scope.TryGetProperty(OmeKeys.Multiscales, out var multiscales) && multiscales.ValueKind == JsonValueKind.Array)
        {
            var multiscalesPath = JsonPaths.Property(scopePath, OmeKeys.Multiscales);
            for (var i = 0; i < multiscales.GetArrayLength(); i++)
            {
                if (JsonValues.TryGet(multiscales[i], OmeKeys.Version, out var v))
                {
                    yield return (v, JsonPaths.Property(JsonPaths.Item(multiscalesPath, i), OmeKeys.Version));
                }
            }
        }

        foreach (var key in OmeKeys.VersionedObjects)
        {
            if (scope.TryGetProperty(key, out var owner) && JsonValues.TryGet(owner, OmeKeys.Version, out var v))
            {
                yield return (v, JsonPaths.Property(JsonPaths.Property(scopePath, key), OmeKeys.Version));
            }
        }
    }

    private static NgffVersion Parse(JsonElement value) =>
        value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? NgffVersionDetector.Parse(NgffVersionDetector.RawText(value))
            : NgffVersion.Unknown;

    private static NgffVersion Fallback(bool zarrV3) => zarrV3 ? NgffVersion.V05 : NgffVersion.V04;

    /// <summary>The version as the specification writes it.</summary>
    private static string Text(NgffVersion version) => version switch
    {
        NgffVersion.V01 => "0.1",
        NgffVersion.V02 => "0.2",
        NgffVersion.V03 => "0.3",
        NgffVersion.V04 => "0.4",
        NgffVersion.V05 => "0.5",
        NgffVersion.V06 => "0.6",
        _ => "unknown",
    };
}
