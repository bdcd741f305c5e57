namespace Accession.OmeZarr.Validation;

/// <summary>
/// Rule ids of the dataset, array and container checks (shared/specs/ome-zarr.md §2.1–§2.6).
/// The checklist id each one implements is given in brackets; docs/validation-rules.md lists them all.
/// </summary>
public static class DatasetRuleIds
{
    // Metadata files (M1, M2).

    /// <summary>[M1] A metadata file is not strict JSON (comments, bare NaN/Infinity, syntax errors).</summary>
    public const string JsonInvalid = "json-invalid";

    /// <summary>[M1] A metadata file is JSON but not an object.</summary>
    public const string JsonNotObject = "json-not-object";

    /// <summary>[M2] <c>zarr_format</c> is missing or not the format the file name implies.</summary>
    public const string ZarrFormatInvalid = "zarr-format-invalid";

    /// <summary>[M2] <c>zarr.json</c> has no valid <c>node_type</c>.</summary>
    public const string ZarrNodeTypeInvalid = "zarr-node-type-invalid";

    /// <summary>[M2] <c>.zgroup</c> has keys other than <c>zarr_format</c>.</summary>
    public const string ZarrGroupExtraKeys = "zarr-group-extra-keys";

    /// <summary>[M2] A directory holds both group and array metadata.</summary>
    public const string ZarrNodeAmbiguous = "zarr-node-ambiguous";

    /// <summary>[M2] A mandatory array key is missing.</summary>
    public const string ZarrArrayKeyMissing = "zarr-array-key-missing";

    /// <summary>[M2] An array key has the wrong type or value.</summary>
    public const string ZarrArrayKeyInvalid = "zarr-array-key-invalid";

    /// <summary>[M2] <c>len(chunks) != len(shape)</c>.</summary>
    public const string ZarrChunksLength = "zarr-chunks-length";

    /// <summary>[M2] <c>dimension_names</c> length differs from the number of dimensions.</summary>
    public const string ZarrDimensionNamesLength = "zarr-dimension-names-length";

    /// <summary>[M2] The data type is not one Zarr defines.</summary>
    public const string ZarrDataTypeUnknown = "zarr-dtype-unknown";

    /// <summary>[M2] A codec or compressor id is not known (it may still be readable elsewhere).</summary>
    public const string ZarrCodecUnknown = "zarr-codec-unknown";

    /// <summary>[M2] A codec entry is malformed, or a v3 codec chain lacks exactly one array-to-bytes codec.</summary>
    public const string ZarrCodecInvalid = "zarr-codec-invalid";

    /// <summary>[M2] The sharding codec's inner chunk shape is malformed or does not divide the shard shape.</summary>
    public const string ZarrShardingInvalid = "zarr-sharding-invalid";

    /// <summary>[M2] <c>chunk_grid</c> / <c>chunk_key_encoding</c> / <c>dimension_separator</c> is malformed or unknown.</summary>
    public const string ZarrChunkLayoutInvalid = "zarr-chunk-layout-invalid";

    /// <summary>[M2] A <c>zarr.json</c> field is not understood and not marked <c>must_understand: false</c>.</summary>
    public const string ZarrFieldUnknown = "zarr-field-unknown";

    /// <summary>[M2] Storage transformers are declared; they are not interpreted.</summary>
    public const string ZarrStorageTransformer = "zarr-storage-transformer";

    // Discovery and hierarchy (R1–R7, M5).

    /// <summary>[R1] No OME-Zarr dataset in the archive or folder.</summary>
    public const string DatasetNotFound = "dataset-not-found";

    /// <summary>[M5] A topmost Zarr group carries no OME-Zarr metadata.</summary>
    public const string ZarrGroupNotOme = "zarr-group-not-ome";

    /// <summary>[M5, §1.1] A <c>.zattrs</c> file holds a Zarr v3 <c>zarr.json</c> document (a file-name mix-up).</summary>
    public const string ZarrJsonSavedAsZattrs = "zarr-json-saved-as-zattrs";

    /// <summary>[R2] Several datasets side by side; the report names the one an importer takes.</summary>
    public const string DatasetSeveral = "dataset-several";

    /// <summary>[§3.3] A plain Zarr group wraps OME-Zarr datasets (non-standard container).</summary>
    public const string DatasetContainerNonStandard = "dataset-container-non-standard";

    /// <summary>[§3.4 step 6] The root is a well, labels group, label image or OME series group.</summary>
    public const string DatasetRootUnusual = "dataset-root-unusual";

    /// <summary>[R3] Operating-system clutter set aside (never imported).</summary>
    public const string ArchiveJunk = "archive-junk";

    /// <summary>[R4] Files outside any dataset (not imported).</summary>
    public const string ArchiveFileOutsideDataset = "archive-file-outside-dataset";

    /// <summary>[Z6] The archive lists an entry name more than once; the last one is used.</summary>
    public const string ArchiveDuplicateEntry = "archive-duplicate-entry";

    /// <summary>[R5] Zarr v2 and v3 nodes mixed in one hierarchy.</summary>
    public const string ZarrFormatMixed = "zarr-format-mixed";

    /// <summary>[R5] A node has both v2 and v3 metadata; v3 (OME-NGFF 0.5) is used.</summary>
    public const string ZarrV2V3SideBySide = "zarr-v2-v3-side-by-side";

    /// <summary>[R6] A Zarr v2 group has <c>.zattrs</c> but no <c>.zgroup</c>.</summary>
    public const string ZarrGroupFileMissing = "zarr-group-file-missing";

    /// <summary>[R7] A folder between a root and a node has no group metadata (implicit group).</summary>
    public const string ZarrImplicitGroup = "zarr-implicit-group";

    // Cross-node checks (A1–A9, version consistency).

    /// <summary>[A1] A <c>datasets[].path</c> has no array metadata.</summary>
    public const string MultiscalesArrayMissing = "multiscales-array-missing";

    /// <summary>[A1] A <c>datasets[].path</c> is a group, not an array.</summary>
    public const string MultiscalesArrayIsGroup = "multiscales-array-is-group";

    /// <summary>[A2] An array's number of dimensions differs from <c>len(axes)</c>.</summary>
    public const string MultiscalesNdimAxes = "multiscales-ndim-axes";

    /// <summary>[A2] Resolution levels differ in number of dimensions.</summary>
    public const string MultiscalesNdimLevels = "multiscales-ndim-levels";

    /// <summary>[A3] OME-NGFF ≥ 0.5: a level array lacks <c>dimension_names</c>.</summary>
    public const string MultiscalesDimensionNamesMissing = "multiscales-dimension-names-missing";

    /// <summary>[A3] OME-NGFF ≥ 0.5: <c>dimension_names</c> differ from the axes names.</summary>
    public const string MultiscalesDimensionNamesMismatch = "multiscales-dimension-names-mismatch";

    /// <summary>[A4] OME-NGFF 0.2–0.4: <c>dimension_separator</c> is not "/".</summary>
    public const string MultiscalesDimensionSeparator = "multiscales-dimension-separator";

    /// <summary>[A5] Resolution levels have different data types.</summary>
    public const string MultiscalesDataTypeMismatch = "multiscales-dtype-mismatch";

    /// <summary>[A6] A lower resolution level is larger than the one before it.</summary>
    public const string MultiscalesShapeIncreasing = "multiscales-shape-increasing";

    /// <summary>[A7] A listed label image does not exist.</summary>
    public const string LabelsImageMissing = "labels-image-missing";

    /// <summary>[A7] A listed label image is not a multiscales group.</summary>
    public const string LabelsImageNotMultiscales = "labels-image-not-multiscales";

    /// <summary>[A7] A label image has a different number of levels than its image.</summary>
    public const string LabelsLevelCount = "labels-level-count";

    /// <summary>[A7] A label image's data type is not an integer type.</summary>
    public const string LabelsDataTypeNotInteger = "labels-dtype-not-integer";

    /// <summary>[A7] A label image dimension is neither the image's size nor 1.</summary>
    public const string LabelsShapeMismatch = "labels-shape-mismatch";

    /// <summary>[A7] A label image sits in the labels group but is not listed.</summary>
    public const string LabelsImageUnlisted = "labels-image-unlisted";

    /// <summary>[A8] A plate's well does not exist.</summary>
    public const string PlateWellMissing = "plate-well-missing";

    /// <summary>[A8] A plate's well path is not a well group.</summary>
    public const string PlateWellNotWell = "plate-well-not-well";

    /// <summary>[A8] A well group exists in the plate but is not listed.</summary>
    public const string PlateWellUnlisted = "plate-well-unlisted";

    /// <summary>[A8] A well's field-of-view image does not exist.</summary>
    public const string WellImageMissing = "well-image-missing";

    /// <summary>[A8] A well's field-of-view path is not a multiscales image.</summary>
    public const string WellImageNotImage = "well-image-not-image";

    /// <summary>[A8, M12] A field's <c>acquisition</c> is not an id the plate defines.</summary>
    public const string WellImageAcquisitionUnknown = "well-image-acquisition-unknown";

    /// <summary>[A8, M12] A field has no <c>acquisition</c> although the plate defines several.</summary>
    public const string WellImageAcquisitionMissing = "well-image-acquisition-missing";

    /// <summary>[A9] A bioformats2raw series path does not exist or is not an image.</summary>
    public const string Bioformats2RawSeriesMissing = "bioformats2raw-series-missing";

    /// <summary>[A9] Without <c>series</c>, image groups are not 0, 1, … consecutive.</summary>
    public const string Bioformats2RawSeriesNotConsecutive = "bioformats2raw-series-not-consecutive";

    /// <summary>[A9] The number of images differs from the number of OME-XML <c>Image</c> elements.</summary>
    public const string Bioformats2RawImageCount = "bioformats2raw-image-count";

    /// <summary>[A9] <c>OME/METADATA.ome.xml</c> is missing (SHOULD) or unreadable.</summary>
    public const string Bioformats2RawMetadataMissing = "bioformats2raw-metadata-missing";

    /// <summary>[§1.1] OME-NGFF versions differ between the groups of one hierarchy.</summary>
    public const string HierarchyVersionInconsistent = "hierarchy-version-inconsistent";

    // Chunks (C1–C4, with --deep).

    /// <summary>[C1] How many chunk (or shard) files of an array are present.</summary>
    public const string ChunksPresent = "chunks-present";

    /// <summary>[C2] An array has no chunk files at all.</summary>
    public const string ChunksNone = "chunks-none";

    /// <summary>[C3] A file in an array folder is not a chunk key of its encoding, or lies outside the grid.</summary>
    public const string ChunksUnexpectedFile = "chunks-unexpected-file";

    /// <summary>[C4] A chunk file is empty.</summary>
    public const string ChunksEmpty = "chunks-empty";

    // RFC-9 zipped OME-Zarr (.ozx) (X1–X10).

    /// <summary>[X1] The root <c>zarr.json</c> of an OME-Zarr group is not at the zip root.</summary>
    public const string OzxRootNotAtZipRoot = "ozx-root-not-at-zip-root";

    /// <summary>[X2] An .ozx holds more than one OME-Zarr hierarchy.</summary>
    public const string OzxSeveralDatasets = "ozx-several-datasets";

    /// <summary>[X3] A zip declaring OME-Zarr in its comment is not named <c>.ozx</c>.</summary>
    public const string OzxExtension = "ozx-extension";

    /// <summary>[X4] The zip comment is not UTF-8 JSON <c>{"ome":{"version":…}}</c>.</summary>
    public const string OzxCommentInvalid = "ozx-comment-invalid";

    /// <summary>[X5] The comment's <c>ome.version</c> differs from the root's.</summary>
    public const string OzxCommentVersion = "ozx-comment-version";

    /// <summary>[X6] Entries are compressed by the zip instead of stored.</summary>
    public const string OzxEntriesCompressed = "ozx-entries-compressed";

    /// <summary>[X7] The root <c>zarr.json</c> is not first, or other <c>zarr.json</c> do not follow breadth-first.</summary>
    public const string OzxMetadataOrder = "ozx-metadata-order";

    /// <summary>[X8] The comment claims <c>jsonFirst</c> but the order does not hold.</summary>
    public const string OzxJsonFirstClaim = "ozx-json-first-claim";

    /// <summary>[X9] Whether ZIP64 records are used.</summary>
    public const string OzxZip64 = "ozx-zip64";

    /// <summary>[X10] Whether the sharding codec is used.</summary>
    public const string OzxSharding = "ozx-sharding";

    /// <summary>[Z6] An .ozx lists a <c>zarr.json</c> more than once.</summary>
    public const string OzxDuplicateMetadata = "ozx-duplicate-metadata";
}
