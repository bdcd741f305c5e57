namespace Accession.OmeZarr.Tests.Validation.Attributes;

/// <summary>
/// Small, valid attribute documents written for these tests, and a way to derive a broken variant by
/// replacing one piece of text.
/// </summary>
internal static class Documents
{
    public const string Axes = """[{"name": "y", "type": "space", "unit": "micrometer"}, {"name": "x", "type": "space", "unit": "micrometer"}]""";

    public const string Datasets = """[{"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [0.5, 0.5]}]}, {"path": "1", "coordinateTransformations": [{"type": "scale", "scale": [1.0, 1.0]}, {"type": "translation", "translation": [0.25, 0.25]}]}]""";

    public const string Channel = """{"color": "FF0000", "window": {"min": 0, "max": 255, "start": 0, "end": 200}, "label": "DAPI", "family": "linear", "active": true}""";

    public const string PlateBody = """ "name": "screen", "rows": [{"name": "A"}, {"name": "B"}], "columns": [{"name": "1"}, {"name": "2"}], "wells": [{"path": "A/1", "rowIndex": 0, "columnIndex": 0}, {"path": "B/2", "rowIndex": 1, "columnIndex": 1}], "acquisitions": [{"id": 0, "name": "first", "maximumfieldcount": 2, "starttime": 1343731272, "endtime": 1343735801}], "field_count": 2""";

    public const string WellBody = """ "images": [{"path": "0", "acquisition": 0}, {"path": "1", "acquisition": 0}]""";

    public const string ImageLabelBody = """ "colors": [{"label-value": 1, "rgba": [255, 0, 0, 255]}, {"label-value": 2, "rgba": [0, 255, 0, 128]}], "properties": [{"label-value": 1, "class": "nucleus"}], "source": {"image": "../../"}""";

    /// <summary>One 0.4 multiscale entry with every SHOULD field.</summary>
    public static string Multiscale04(string axes = Axes, string datasets = Datasets) =>
        $$$"""{"version": "0.4", "name": "cells", "type": "gaussian", "metadata": {"method": "mean"}, "axes": {{{axes}}}, "datasets": {{{datasets}}}}""";

    /// <summary>A 0.4 image group's .zattrs.</summary>
    public static string Image04(string axes = Axes, string datasets = Datasets) =>
        $$$"""{"multiscales": [{{{Multiscale04(axes, datasets)}}}], "omero": {"version": "0.4", "channels": [{{{Channel}}}]}}""";

    /// <summary>A 0.5 image group's zarr.json attributes.</summary>
    public static string Image05(string axes = Axes, string datasets = Datasets) =>
        """{"ome": {"version": "0.5", "multiscales": [{"name": "cells", "type": "gaussian", "metadata": {}, "axes": """ + axes + """, "datasets": """ + datasets + """}], "omero": {"channels": [""" + Channel + "]}}}";

    public static string Plate04 => $$$"""{"plate": {"version": "0.4", {{{PlateBody}}}}}""";

    public static string Plate05 => """{"ome": {"version": "0.5", "plate": {""" + PlateBody + "}}}";

    public static string Well04 => $$$"""{"well": {"version": "0.4", {{{WellBody}}}}}""";

    public static string Well05 => """{"ome": {"version": "0.5", "well": {""" + WellBody + "}}}";

    public static string ImageLabel04 => $$$"""{"image-label": {"version": "0.4", {{{ImageLabelBody}}}}, "multiscales": [{{{Multiscale04()}}}]}""";

    public static string ImageLabel05 => """{"ome": {"version": "0.5", "image-label": {""" + ImageLabelBody + "}}}";

    public const string Labels05 = """{"ome": {"version": "0.5", "labels": ["cells", "nuclei/v1"]}}""";

    public const string Collection05 = """{"ome": {"version": "0.5", "bioformats2raw.layout": 3}}""";

    public const string Series05 = """{"ome": {"version": "0.5", "series": ["0", "1"]}}""";

    /// <summary>The document with every occurrence of a piece of text replaced; the piece must be there.</summary>
    public static string With(this string json, string find, string replacement)
    {
        Assert.Contains(find, json, StringComparison.Ordinal);
        return json.Replace(find, replacement, StringComparison.Ordinal);
    }
}
