using Accession.OmeZarr.Discovery;
using Spectre.Console;

namespace Accession.Cli.Commands.Zarr;

/// <summary>A Spectre console over the command's output: colour only when that output is a terminal.</summary>
internal static class ZarrConsole
{
    public static IAnsiConsole Create(TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });

        if (!terminal)
        {
            // Logs and pipes get whole lines, not lines wrapped at 80 columns.
            console.Profile.Width = 1 << 16;
        }

        return console;
    }

    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes} B" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }

    /// <summary>A root folder for display; the archive root has no path.</summary>
    public static string Where(string root) => root.Length == 0 ? "(archive root)" : root;

    public static string KindText(OmeZarrKind kind) => kind switch
    {
        OmeZarrKind.Image => "image",
        OmeZarrKind.Plate => "plate",
        OmeZarrKind.Bioformats2RawCollection => "bioformats2raw collection",
        OmeZarrKind.Well => "well",
        OmeZarrKind.Labels => "labels group",
        OmeZarrKind.LabelImage => "label image",
        _ => "OME series group",
    };
}
