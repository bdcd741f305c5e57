using System.Text;
using Accession.Cli.Terminal;
using Accession.OmeZarr.Discovery;
using Spectre.Console;

namespace Accession.Cli.Commands.Zarr;

/// <summary>
/// Writes report lines: with colour through Spectre.Console when the output is a terminal, as plain
/// unwrapped text otherwise (pipes and logs; no console set-up is paid for there).
/// </summary>
internal sealed class ZarrConsole
{
    private readonly TextWriter _writer;
    private readonly IAnsiConsole? _console;
    private readonly StringBuilder _line = new();

    private ZarrConsole(TextWriter writer, IAnsiConsole? console)
    {
        _writer = writer;
        _console = console;
    }

    public static ZarrConsole Create(TextWriter output)
    {
        var terminal = Accession.Cli.Terminal.StandardOutput.IsTerminal(output);
        return new ZarrConsole(output, terminal ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }) : null);
    }

    /// <summary>Appends text to the current line, in a Spectre style (e.g. <c>red</c>, <c>bold</c>) on a terminal.</summary>
    public ZarrConsole Write(string text, string? style = null)
    {
        if (_console is null)
        {
            _line.Append(text);
        }
        else
        {
            _line.Append(style is null ? Markup.Escape(text) : $"[{style}]{Markup.Escape(text)}[/]");
        }

        return this;
    }

    /// <summary>Ends the current line.</summary>
    public void Line(string text = "", string? style = null)
    {
        Write(text, style);
        if (_console is null)
        {
            _writer.WriteLine(_line.ToString());
        }
        else
        {
            _console.MarkupLine(_line.ToString());
        }

        _line.Clear();
    }

    public static string Bytes(long bytes) => ByteSize.Format(bytes, "0.#");

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
