using System.Globalization;
using Accession.OmeZarr.Discovery;
using Spectre.Console;

namespace Accession.Cli.Commands.Zarr;

/// <summary>The human <c>zarr info</c> output.</summary>
internal static class DatasetInfoText
{
    private const int MaxImages = 12;

    public static void Write(IAnsiConsole console, string path, DiscoveryResult discovery, IReadOnlyList<DatasetSummary> summaries)
    {
        if (summaries.Count == 0)
        {
            console.MarkupLineInterpolated($"[bold]{path}[/]: [red]no OME-Zarr dataset found[/] ({discovery.Findings.Count} findings; run 'accession zarr validate' for details)");
            return;
        }

        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{path}[/]: {summaries.Count} OME-Zarr dataset(s)");
        foreach (var summary in summaries)
        {
            var d = summary.Dataset;
            var chosen = ReferenceEquals(d, discovery.Chosen) && summaries.Count > 1 ? " (taken by an importer)" : string.Empty;
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  [bold]{d.Name}[/]{chosen}");
            Line(console, "root", ZarrConsole.Where(d.Root));
            Line(console, "version", $"OME-Zarr {d.VersionText} on Zarr v{(int)d.ZarrFormat}");
            Line(console, "layout", ZarrConsole.KindText(d.Kind));
            Line(console, "files", string.Create(CultureInfo.InvariantCulture, $"{d.Files.Count} files, {ZarrConsole.Bytes(d.TotalBytes)} ({d.TotalBytes} bytes); {summary.GroupCount} groups, {summary.ArrayCount} arrays"));
            foreach (var plate in summary.Plates)
            {
                Line(console, "plate", string.Create(CultureInfo.InvariantCulture,
                    $"{Named(plate.Path, plate.Name)}: {plate.Rows} rows × {plate.Columns} columns, {plate.Wells} wells, {plate.Acquisitions} acquisitions{(plate.FieldCount is { } f ? $", up to {f} fields per well" : string.Empty)}"));
            }

            var images = summary.Images;
            Line(console, "images", string.Create(CultureInfo.InvariantCulture, $"{images.Count(i => !i.IsLabel)} images, {images.Count(i => i.IsLabel)} label images"));
            foreach (var image in images.Take(MaxImages))
            {
                WriteImage(console, image);
            }

            if (images.Count > MaxImages)
            {
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"    … and {images.Count - MaxImages} more images (--json lists all)");
            }
        }
    }

    private static void WriteImage(IAnsiConsole console, ImageSummary image)
    {
        var kind = image.IsLabel ? "label image" : "image";
        var axes = image.Axes.Count > 0 ? string.Join(", ", image.Axes) : "not declared";
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"    {kind} [bold]{Named(image.Path, image.Name)}[/]: axes {axes}; {image.Levels.Count} levels");
        if (image.Labels.Count > 0)
        {
            console.MarkupLineInterpolated($"      labels: {string.Join(", ", image.Labels)}");
        }

        foreach (var level in image.Levels)
        {
            var shards = level.InnerChunkShape is { } inner ? $", shards {Shape(level.ChunkShape)} of chunks {Shape(inner)}" : $", chunks {Shape(level.ChunkShape)}";
            var codecs = level.Codecs.Count > 0 ? string.Join(" → ", level.Codecs) : "none";
            console.MarkupLineInterpolated($"      {level.Path}: {Shape(level.Shape)} {level.DataType}{shards}, keys {level.ChunkKeyEncoding}, codecs {codecs}");
        }
    }

    private static void Line(IAnsiConsole console, string label, string text) =>
        console.MarkupLineInterpolated($"    {label,-8} {text}");

    private static string Named(string path, string? name)
    {
        var where = path.Length == 0 ? "(root)" : path;
        return name is null || name == path ? where : $"{where} '{name}'";
    }

    private static string Shape(IReadOnlyList<long> shape) => string.Join("×", shape);
}
