using System.Globalization;
using Accession.OmeZarr.Discovery;
using Accession.OmeZarr.Validation;

namespace Accession.Cli.Commands.Zarr;

/// <summary>The human <c>zarr info</c> output.</summary>
internal static class DatasetInfoText
{
    private const int MaxImages = 12;

    public static void Write(ZarrConsole console, string path, DiscoveryResult discovery, IReadOnlyList<DatasetSummary> summaries, ValidationReport report)
    {
        console.Write(path, "bold").Write(": ");
        if (summaries.Count == 0)
        {
            console.Write("no OME-Zarr dataset found", "red").Line(string.Create(CultureInfo.InvariantCulture,
                $" ({discovery.Findings.Count} findings; run 'accession zarr validate' for details)"));
            return;
        }

        console.Line(Plural(summaries.Count, "OME-Zarr dataset"));
        WriteVerdict(console, report);
        foreach (var summary in summaries)
        {
            var d = summary.Dataset;
            var chosen = ReferenceEquals(d, discovery.Chosen) && summaries.Count > 1 ? " (taken by an importer)" : string.Empty;
            console.Write("  ").Write(d.Name, "bold").Line(chosen);
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
            Line(console, "images", $"{Plural(images.Count(i => !i.IsLabel), "image")}, {Plural(images.Count(i => i.IsLabel), "label image")}");
            foreach (var image in images.Take(MaxImages))
            {
                WriteImage(console, image);
            }

            if (images.Count > MaxImages)
            {
                console.Line(string.Create(CultureInfo.InvariantCulture, $"    … and {images.Count - MaxImages} more images (--json lists all)"));
            }
        }
    }

    /// <summary>A description is no endorsement: say whether the data is valid before describing it.</summary>
    private static void WriteVerdict(ZarrConsole console, ValidationReport report)
    {
        var counts = string.Create(CultureInfo.InvariantCulture, $"{Plural(report.ErrorCount, "error")}, {Plural(report.WarningCount, "warning")}");
        console.Write("  ");
        if (report.Verdict == ValidationVerdict.Valid)
        {
            console.Write("valid", "green").Line($" ({counts})");
        }
        else
        {
            console.Write("invalid", "red").Line($" ({counts}; run 'accession zarr validate' to see what to fix)");
        }
    }

    private static void WriteImage(ZarrConsole console, ImageSummary image)
    {
        var kind = image.IsLabel ? "label image" : "image";
        var axes = image.Axes.Count > 0 ? string.Join(", ", image.Axes) : "not declared";
        console.Write($"    {kind} ").Write(Named(image.Path, image.Name), "bold").Line($": axes {axes}; {Plural(image.Levels.Count, "level")}");
        if (image.Labels.Count > 0)
        {
            console.Line($"      labels: {string.Join(", ", image.Labels)}");
        }

        foreach (var level in image.Levels)
        {
            var chunks = level.InnerChunkShape is { } inner ? $", shards {Shape(level.ChunkShape)} of chunks {Shape(inner)}" : $", chunks {Shape(level.ChunkShape)}";
            var codecs = level.Codecs.Count > 0 ? string.Join(" → ", level.Codecs) : "none";
            console.Line($"      {level.Path}: {Shape(level.Shape)} {level.DataType}{chunks}, keys {level.ChunkKeyEncoding}, codecs {codecs}");
        }
    }

    private static void Line(ZarrConsole console, string label, string text) => console.Line($"    {label,-8} {text}");

    private static string Named(string path, string? name)
    {
        var where = path.Length == 0 ? "(root)" : path;
        return name is null || name == path ? where : $"{where} '{name}'";
    }

    private static string Plural(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");

    private static string Shape(IReadOnlyList<long> shape) =>
        string.Join("×", shape.Select(s => s.ToString(CultureInfo.InvariantCulture)));
}
