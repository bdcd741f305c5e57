namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// Every per-group OME attribute rule (shared/specs/ome-zarr.md §2.4, M3–M14). The ids are stable:
/// reports, documentation (docs/validation-rules.md) and users' suppressions refer to them.
/// Rules whose id starts with <c>strict-</c> report SHOULD fields that the specification's
/// <c>strict_*</c> schemas require; they are warnings.
/// </summary>
public static class AttributeRules
{
    // Version and namespace
    public static readonly AttributeRule AttributesNotObject = new("ome-attributes-not-object", Severity.Error, "The group attributes are not a JSON object.");

    public static readonly AttributeRule NamespaceInvalid = new("ome-namespace-invalid", Severity.Error, "`ome` in the attributes is not an object.");

    public static readonly AttributeRule NamespaceMissing = new("ome-namespace-missing", Severity.Error, "OME 0.5 keys sit at the top of the attributes instead of under `attributes.ome`.");

    public static readonly AttributeRule NamespaceUnexpected = new("ome-namespace-unexpected", Severity.Error, "OME 0.4 (or older) keys sit under `ome`; up to 0.4 they live at the top of `.zattrs`.");

    public static readonly AttributeRule VersionMissing = new("ome-version-missing", Severity.Error, "`attributes.ome` has no `version` (a MUST since 0.5).");

    public static readonly AttributeRule VersionUnknown = new("ome-version-unknown", Severity.Error, "A version field holds a value that is not a known OME-Zarr version (0.1 to 0.5, or 0.6 previews).", "Warning for versions nested inside a 0.5 `ome` object, where only `ome.version` counts");

    public static readonly AttributeRule VersionNotString = new("ome-version-not-string", Severity.Warning, "A version is written as a JSON number (e.g. `0.4`); it is accepted but should be a string.");

    public static readonly AttributeRule VersionAssumed = new("ome-version-assumed", Severity.Info, "A Zarr v2 group whose keys have no version field in 0.4 (labels, bioformats2raw.layout, series) declares none; it is validated as 0.4. Versioned objects without a version are reported by their `strict-…-version-missing` rule instead.");

    public static readonly AttributeRule VersionLegacy = new("ome-version-legacy", Severity.Warning, "0.1 to 0.3 metadata: only the rules of that version that still apply are checked.");

    public static readonly AttributeRule VersionNewer = new("ome-version-newer", Severity.Warning, "0.6 or a 0.6 preview: newer than this validator supports; its content is not checked.");

    public static readonly AttributeRule VersionZarrMismatch = new("ome-version-zarr-mismatch", Severity.Error, "The OME version does not fit the Zarr format: 0.4 and older need Zarr v2, 0.5 and newer need Zarr v3.");

    public static readonly AttributeRule VersionInconsistent = new("ome-version-inconsistent", Severity.Error, "Two version fields of one group disagree.", "Warning for versions nested inside a 0.5 `ome` object, where only `ome.version` counts");

    // multiscales
    public static readonly AttributeRule MultiscalesNotArray = new("multiscales-not-array", Severity.Error, "`multiscales` is not a list.");

    public static readonly AttributeRule MultiscalesEmpty = new("multiscales-empty", Severity.Error, "`multiscales` is an empty list.");

    public static readonly AttributeRule MultiscalesDuplicate = new("multiscales-duplicate", Severity.Error, "Two `multiscales` entries are identical.");

    public static readonly AttributeRule MultiscalesEntryInvalid = new("multiscales-entry-invalid", Severity.Error, "A `multiscales` entry is not an object.");

    public static readonly AttributeRule MultiscalesNameType = new("multiscales-name-type", Severity.Error, "A multiscale `name` is not a string.");

    public static readonly AttributeRule MultiscalesAxesMissing = new("multiscales-axes-missing", Severity.Error, "A multiscale has no `axes` (required since 0.3).");

    public static readonly AttributeRule MultiscalesDatasetsMissing = new("multiscales-datasets-missing", Severity.Error, "A multiscale has no `datasets` list.");

    public static readonly AttributeRule MultiscalesDatasetsEmpty = new("multiscales-datasets-empty", Severity.Error, "A multiscale's `datasets` list is empty.");

    public static readonly AttributeRule MultiscalesDatasetInvalid = new("multiscales-dataset-invalid", Severity.Error, "A `datasets` entry is not an object.");

    public static readonly AttributeRule MultiscalesDatasetPathInvalid = new("multiscales-dataset-path-invalid", Severity.Error, "A dataset `path` is missing, not a string, empty, absolute, or has `.`/`..` segments.");

    public static readonly AttributeRule MultiscalesDatasetPathDuplicate = new("multiscales-dataset-path-duplicate", Severity.Warning, "Two datasets of one multiscale name the same path.");

    public static readonly AttributeRule MultiscalesScaleOrder = new("multiscales-scale-order", Severity.Warning, "A level's scale is smaller than the previous level's on some axis; levels should go from highest to lowest resolution.");

    public static readonly AttributeRule StrictMultiscalesNameMissing = new("strict-multiscales-name-missing", Severity.Warning, "A multiscale has no `name` (SHOULD; required by the strict schema).");

    public static readonly AttributeRule StrictMultiscalesTypeMissing = new("strict-multiscales-type-missing", Severity.Warning, "A multiscale has no `type` (downscaling method; SHOULD).");

    public static readonly AttributeRule StrictMultiscalesMetadataMissing = new("strict-multiscales-metadata-missing", Severity.Warning, "A multiscale has no `metadata` (SHOULD).");

    public static readonly AttributeRule StrictMultiscalesVersionMissing = new("strict-multiscales-version-missing", Severity.Warning, "A 0.4 multiscale has no `version` (SHOULD in 0.4).");

    // axes
    public static readonly AttributeRule AxesNotArray = new("axes-not-array", Severity.Error, "`axes` is not a list.");

    public static readonly AttributeRule AxesCount = new("axes-count", Severity.Error, "`axes` does not have 2 to 5 entries.");

    public static readonly AttributeRule AxisInvalid = new("axis-invalid", Severity.Error, "An axis is not an object.");

    public static readonly AttributeRule AxisNameInvalid = new("axis-name-invalid", Severity.Error, "An axis has no `name`, or it is not a string.");

    public static readonly AttributeRule AxisNameDuplicate = new("axis-name-duplicate", Severity.Error, "Two axes have the same name.");

    public static readonly AttributeRule AxisTypeInvalid = new("axis-type-invalid", Severity.Error, "An axis `type` is not a string.");

    public static readonly AttributeRule AxesSpaceCount = new("axes-space-count", Severity.Error, "There are not 2 or 3 axes of type `space`.");

    public static readonly AttributeRule AxesTimeCount = new("axes-time-count", Severity.Error, "There is more than one axis of type `time`.");

    public static readonly AttributeRule AxesChannelCount = new("axes-channel-count", Severity.Error, "There is more than one axis of type `channel` or of a custom or missing type.");

    public static readonly AttributeRule AxesOrder = new("axes-order", Severity.Error, "The axes are not ordered time, then channel or custom, then space.");

    public static readonly AttributeRule AxisUnitUnknown = new("axis-unit-unknown", Severity.Warning, "A space or time axis has a `unit` outside the UDUNITS-2 names the specification lists.");

    public static readonly AttributeRule AxisUnitsTypo = new("axis-units-typo", Severity.Warning, "An axis has `units` instead of `unit`.");

    public static readonly AttributeRule AxesLegacyFormat = new("axes-legacy-format", Severity.Error, "0.3 axes are not a list of the letters t, c, z, y, x.");

    // coordinateTransformations
    public static readonly AttributeRule TransformationsMissing = new("transformations-missing", Severity.Error, "A dataset has no `coordinateTransformations` (required since 0.4).");

    public static readonly AttributeRule TransformationsInvalid = new("transformations-invalid", Severity.Error, "`coordinateTransformations` is not a non-empty list.");

    public static readonly AttributeRule TransformationInvalid = new("transformation-invalid", Severity.Error, "A transformation is not an object.");

    public static readonly AttributeRule TransformationTypeUnsupported = new("transformation-type-unsupported", Severity.Error, "A transformation `type` is neither `scale` nor `translation`.");

    public static readonly AttributeRule TransformationVectorInvalid = new("transformation-vector-invalid", Severity.Error, "A `scale` or `translation` is not an inline list of numbers.");

    public static readonly AttributeRule TransformationVectorLength = new("transformation-vector-length", Severity.Error, "A `scale` or `translation` does not have one value per axis.");

    public static readonly AttributeRule TransformationScaleCount = new("transformation-scale-count", Severity.Error, "A transformation list does not hold exactly one `scale`.");

    public static readonly AttributeRule TransformationTranslationCount = new("transformation-translation-count", Severity.Error, "A transformation list holds more than one `translation`.");

    public static readonly AttributeRule TransformationOrder = new("transformation-order", Severity.Error, "A `translation` comes before the `scale`.");

    // omero
    public static readonly AttributeRule OmeroNotObject = new("omero-not-object", Severity.Error, "`omero` is not an object.");

    public static readonly AttributeRule OmeroChannelsMissing = new("omero-channels-missing", Severity.Error, "`omero` has no `channels` list.");

    public static readonly AttributeRule OmeroChannelInvalid = new("omero-channel-invalid", Severity.Error, "An omero channel is not an object.");

    public static readonly AttributeRule OmeroChannelColorMissing = new("omero-channel-color-missing", Severity.Error, "An omero channel has no `color`.", "Warning in 0.5, whose schema no longer requires it");

    public static readonly AttributeRule OmeroChannelColorType = new("omero-channel-color-type", Severity.Error, "An omero channel `color` is not a string.");

    public static readonly AttributeRule OmeroChannelColorFormat = new("omero-channel-color-format", Severity.Error, "An omero channel `color` is not 6 hexadecimal digits (RRGGBB).", "Warning before 0.4");

    public static readonly AttributeRule OmeroChannelColorHash = new("omero-channel-color-hash", Severity.Warning, "An omero channel `color` starts with `#`; the specification writes RRGGBB without it.");

    public static readonly AttributeRule OmeroChannelWindowMissing = new("omero-channel-window-missing", Severity.Error, "An omero channel has no `window`.", "Warning in 0.5, whose schema no longer requires it");

    public static readonly AttributeRule OmeroChannelWindowInvalid = new("omero-channel-window-invalid", Severity.Error, "An omero channel `window` is not an object with numbers `min`, `max`, `start`, `end`.");

    public static readonly AttributeRule OmeroChannelFieldType = new("omero-channel-field-type", Severity.Error, "An omero channel `label`/`family` is not a string or `active` is not a boolean.");

    public static readonly AttributeRule OmeroWithoutMultiscales = new("omero-without-multiscales", Severity.Warning, "`omero` is present without `multiscales`; readers ignore it.");

    // labels
    public static readonly AttributeRule LabelsNotArray = new("labels-not-array", Severity.Error, "`labels` is not a list.");

    public static readonly AttributeRule LabelsEntryInvalid = new("labels-entry-invalid", Severity.Error, "A `labels` entry is not a relative path string (empty, absolute, or with `.`/`..` segments).");

    public static readonly AttributeRule LabelsEntryDuplicate = new("labels-entry-duplicate", Severity.Warning, "A label path is listed twice.");

    // image-label
    public static readonly AttributeRule ImageLabelNotObject = new("image-label-not-object", Severity.Error, "`image-label` is not an object.");

    public static readonly AttributeRule ImageLabelColorsInvalid = new("image-label-colors-invalid", Severity.Error, "`colors` is not a non-empty list of objects.");

    public static readonly AttributeRule ImageLabelValueMissing = new("image-label-value-missing", Severity.Error, "A color or property has no `label-value`.");

    public static readonly AttributeRule ImageLabelValueType = new("image-label-value-type", Severity.Error, "A `label-value` is not an integer.");

    public static readonly AttributeRule ImageLabelValueDuplicate = new("image-label-value-duplicate", Severity.Error, "A `label-value` appears twice in `colors` or twice in `properties`.");

    public static readonly AttributeRule ImageLabelRgbaInvalid = new("image-label-rgba-invalid", Severity.Error, "An `rgba` is not four integers from 0 to 255.");

    public static readonly AttributeRule ImageLabelPropertiesInvalid = new("image-label-properties-invalid", Severity.Error, "`properties` is not a non-empty list of objects.");

    public static readonly AttributeRule ImageLabelSourceInvalid = new("image-label-source-invalid", Severity.Error, "`source` is not an object, or `source.image` is not a string.");

    public static readonly AttributeRule StrictImageLabelColorsMissing = new("strict-image-label-colors-missing", Severity.Warning, "`image-label` has no `colors` (SHOULD).");

    public static readonly AttributeRule StrictImageLabelVersionMissing = new("strict-image-label-version-missing", Severity.Warning, "A 0.4 `image-label` has no `version` (SHOULD in 0.4).");

    // plate
    public static readonly AttributeRule PlateNotObject = new("plate-not-object", Severity.Error, "`plate` is not an object.");

    public static readonly AttributeRule PlateRowsMissing = new("plate-rows-missing", Severity.Error, "`plate.rows` is missing, not a list, or empty.");

    public static readonly AttributeRule PlateColumnsMissing = new("plate-columns-missing", Severity.Error, "`plate.columns` is missing, not a list, or empty.");

    public static readonly AttributeRule PlateRowNameInvalid = new("plate-row-name-invalid", Severity.Error, "A row has no string `name`, or (0.4+) the name is not alphanumeric.");

    public static readonly AttributeRule PlateColumnNameInvalid = new("plate-column-name-invalid", Severity.Error, "A column has no string `name`, or (0.4+) the name is not alphanumeric.");

    public static readonly AttributeRule PlateRowNameDuplicate = new("plate-row-name-duplicate", Severity.Error, "Two rows have the same name.");

    public static readonly AttributeRule PlateColumnNameDuplicate = new("plate-column-name-duplicate", Severity.Error, "Two columns have the same name.");

    public static readonly AttributeRule PlateNameCaseCollision = new("plate-name-case-collision", Severity.Warning, "Two row or two column names differ only in case (they collide on case-insensitive file systems).");

    public static readonly AttributeRule PlateWellsMissing = new("plate-wells-missing", Severity.Error, "`plate.wells` is missing, not a list, or empty.");

    public static readonly AttributeRule PlateWellInvalid = new("plate-well-invalid", Severity.Error, "A well entry is not an object.");

    public static readonly AttributeRule PlateWellPathInvalid = new("plate-well-path-invalid", Severity.Error, "A well `path` is missing, not a string, or (0.4+) not `<row>/<column>` with alphanumeric names.");

    public static readonly AttributeRule PlateWellIndexInvalid = new("plate-well-index-invalid", Severity.Error, "A well `rowIndex`/`columnIndex` is missing, not a non-negative integer, or outside the rows/columns list (0.4+).");

    public static readonly AttributeRule PlateWellPathMismatch = new("plate-well-path-mismatch", Severity.Error, "A well path is not `rows[rowIndex].name/columns[columnIndex].name`.");

    public static readonly AttributeRule PlateWellDuplicate = new("plate-well-duplicate", Severity.Error, "Two wells have the same path.");

    public static readonly AttributeRule PlateAcquisitionsInvalid = new("plate-acquisitions-invalid", Severity.Error, "`acquisitions` is not a list of objects.");

    public static readonly AttributeRule PlateAcquisitionIdInvalid = new("plate-acquisition-id-invalid", Severity.Error, "An acquisition `id` is missing or not a non-negative integer.");

    public static readonly AttributeRule PlateAcquisitionIdDuplicate = new("plate-acquisition-id-duplicate", Severity.Error, "Two acquisitions have the same `id`.");

    public static readonly AttributeRule PlateAcquisitionMaximumFieldCountInvalid = new("plate-acquisition-maximumfieldcount-invalid", Severity.Error, "An acquisition `maximumfieldcount` is not an integer above 0.");

    public static readonly AttributeRule PlateAcquisitionTimeInvalid = new("plate-acquisition-time-invalid", Severity.Error, "An acquisition `starttime`/`endtime` is not a non-negative integer (epoch seconds).");

    public static readonly AttributeRule PlateFieldCountInvalid = new("plate-field-count-invalid", Severity.Error, "`field_count` is not an integer above 0.");

    public static readonly AttributeRule PlateFieldType = new("plate-field-type", Severity.Error, "A plate or acquisition `name`/`description` is not a string.");

    public static readonly AttributeRule StrictPlateNameMissing = new("strict-plate-name-missing", Severity.Warning, "The plate has no `name` (SHOULD).");

    public static readonly AttributeRule StrictPlateVersionMissing = new("strict-plate-version-missing", Severity.Warning, "A 0.4 plate has no `version` (SHOULD in 0.4).");

    public static readonly AttributeRule StrictPlateAcquisitionNameMissing = new("strict-plate-acquisition-name-missing", Severity.Warning, "An acquisition has no `name` (SHOULD).");

    public static readonly AttributeRule StrictPlateAcquisitionMaximumFieldCountMissing = new("strict-plate-acquisition-maximumfieldcount-missing", Severity.Warning, "An acquisition has no `maximumfieldcount` (SHOULD).");

    // well
    public static readonly AttributeRule WellNotObject = new("well-not-object", Severity.Error, "`well` is not an object.");

    public static readonly AttributeRule WellImagesMissing = new("well-images-missing", Severity.Error, "`well.images` is missing, not a list, or empty.");

    public static readonly AttributeRule WellImageInvalid = new("well-image-invalid", Severity.Error, "A well image entry is not an object.");

    public static readonly AttributeRule WellImagePathInvalid = new("well-image-path-invalid", Severity.Error, "A field `path` is missing, not a string, or (0.4+) not alphanumeric.");

    public static readonly AttributeRule WellImagePathDuplicate = new("well-image-path-duplicate", Severity.Error, "Two fields of a well have the same path.");

    public static readonly AttributeRule WellImageAcquisitionInvalid = new("well-image-acquisition-invalid", Severity.Error, "A field `acquisition` is not an integer.");

    public static readonly AttributeRule StrictWellVersionMissing = new("strict-well-version-missing", Severity.Warning, "A 0.4 well has no `version` (SHOULD in 0.4).");

    // bioformats2raw.layout and OME series
    public static readonly AttributeRule Bioformats2RawLayoutInvalid = new("bioformats2raw-layout-invalid", Severity.Error, "`bioformats2raw.layout` is not 3.");

    public static readonly AttributeRule SeriesInvalid = new("ome-series-invalid", Severity.Error, "`series` is not a list of strings.");

    public static readonly AttributeRule SeriesEmpty = new("ome-series-empty", Severity.Warning, "`series` is an empty list.");

    public static readonly AttributeRule SeriesDuplicate = new("ome-series-duplicate", Severity.Error, "A series path is listed twice.");

    /// <summary>All rules, in the order of the documentation table.</summary>
    public static IReadOnlyList<AttributeRule> All { get; } =
    [
        AttributesNotObject,
        NamespaceInvalid,
        NamespaceMissing,
        NamespaceUnexpected,
        VersionMissing,
        VersionUnknown,
        VersionNotString,
        VersionAssumed,
        VersionLegacy,
        VersionNewer,
        VersionZarrMismatch,
        VersionInconsistent,
        MultiscalesNotArray,
        MultiscalesEmpty,
        MultiscalesDuplicate,
        MultiscalesEntryInvalid,
        MultiscalesNameType,
        MultiscalesAxesMissing,
        MultiscalesDatasetsMissing,
        MultiscalesDatasetsEmpty,
        MultiscalesDatasetInvalid,
        MultiscalesDatasetPathInvalid,
        MultiscalesDatasetPathDuplicate,
        MultiscalesScaleOrder,
        StrictMultiscalesNameMissing,
        StrictMultiscalesTypeMissing,
        StrictMultiscalesMetadataMissing,
        StrictMultiscalesVersionMissing,
        AxesNotArray,
        AxesCount,
        AxisInvalid,
        AxisNameInvalid,
        AxisNameDuplicate,
        AxisTypeInvalid,
        AxesSpaceCount,
        AxesTimeCount,
        AxesChannelCount,
        AxesOrder,
        AxisUnitUnknown,
        AxisUnitsTypo,
        AxesLegacyFormat,
        TransformationsMissing,
        TransformationsInvalid,
        TransformationInvalid,
        TransformationTypeUnsupported,
        TransformationVectorInvalid,
        TransformationVectorLength,
        TransformationScaleCount,
        TransformationTranslationCount,
        TransformationOrder,
        OmeroNotObject,
        OmeroChannelsMissing,
        OmeroChannelInvalid,
        OmeroChannelColorMissing,
        OmeroChannelColorType,
        OmeroChannelColorFormat,
        OmeroChannelColorHash,
        OmeroChannelWindowMissing,
        OmeroChannelWindowInvalid,
        OmeroChannelFieldType,
        OmeroWithoutMultiscales,
        LabelsNotArray,
        LabelsEntryInvalid,
        LabelsEntryDuplicate,
        ImageLabelNotObject,
        ImageLabelColorsInvalid,
        ImageLabelValueMissing,
        ImageLabelValueType,
        ImageLabelValueDuplicate,
        ImageLabelRgbaInvalid,
        ImageLabelPropertiesInvalid,
        ImageLabelSourceInvalid,
        StrictImageLabelColorsMissing,
        StrictImageLabelVersionMissing,
        PlateNotObject,
        PlateRowsMissing,
        PlateColumnsMissing,
        PlateRowNameInvalid,
        PlateColumnNameInvalid,
        PlateRowNameDuplicate,
        PlateColumnNameDuplicate,
        PlateNameCaseCollision,
        PlateWellsMissing,
        PlateWellInvalid,
        PlateWellPathInvalid,
        PlateWellIndexInvalid,
        PlateWellPathMismatch,
        PlateWellDuplicate,
        PlateAcquisitionsInvalid,
        PlateAcquisitionIdInvalid,
        PlateAcquisitionIdDuplicate,
        PlateAcquisitionMaximumFieldCountInvalid,
        PlateAcquisitionTimeInvalid,
        PlateFieldCountInvalid,
        PlateFieldType,
        StrictPlateNameMissing,
        StrictPlateVersionMissing,
        StrictPlateAcquisitionNameMissing,
        StrictPlateAcquisitionMaximumFieldCountMissing,
        WellNotObject,
        WellImagesMissing,
        WellImageInvalid,
        WellImagePathInvalid,
        WellImagePathDuplicate,
        WellImageAcquisitionInvalid,
        StrictWellVersionMissing,
        Bioformats2RawLayoutInvalid,
        SeriesInvalid,
        SeriesEmpty,
        SeriesDuplicate,
    ];

    /// <summary>Whether a rule id belongs to the strict (SHOULD) rules.</summary>
    public static bool IsStrict(string ruleId) =>
        ruleId is not null && ruleId.StartsWith(AttributeRule.StrictPrefix, StringComparison.Ordinal);
}
