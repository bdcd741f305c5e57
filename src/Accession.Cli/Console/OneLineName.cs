using System.Text;
using Accession.Iscc.Platform;

namespace Accession.Cli.Terminal;

/// <summary>
/// A file name as shown inside a message or the progress line, which must stay one line: raw bytes as
/// <c>\xHH</c> (<see cref="FileNameBytes.Printable"/>), a newline as <c>\n</c>, other control characters
/// as <c>\xHH</c>.
/// </summary>
internal static class OneLineName
{
    public static string Of(string name)
    {
        var printable = FileNameBytes.Printable(name);
        if (!printable.AsSpan().ContainsAnyInRange('\0', '\x1f') && !printable.Contains('\x7f', StringComparison.Ordinal))
        {
            return printable;
        }

        var text = new StringBuilder(printable.Length + 8);
        foreach (var c in printable)
        {
            if (c == '\n')
            {
                text.Append("\\n");
            }
            else if (c < ' ' || c == '\x7f')
            {
                text.Append("\\x").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
