using System.Globalization;
using System.Text;
using Accession.Iscc.Platform;

namespace Accession.Cli.Commands.Iscc;

/// <summary>
/// File names in checksum lines, escaped as coreutils' <c>sha256sum</c> does: a name holding a newline,
/// carriage return or backslash is written with <c>\n</c>, <c>\r</c>, <c>\\</c> and the line starts
/// with a backslash, so one file is always one line and <c>--check</c> reads the name back. Beyond
/// coreutils, a byte that is not valid UTF-8 (<see cref="FileNameBytes"/>) is written as <c>\xHH</c>.
/// </summary>
internal static class ChecksumPath
{
    /// <summary>The name as written, and whether the line must start with a backslash.</summary>
    public static (bool Escaped, string Name) Escape(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.AsSpan().IndexOfAny('\\', '\n', '\r') < 0 && !FileNameBytes.HasRawBytes(name))
        {
            return (false, name);
        }

        var escaped = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            escaped.Append(name[i] switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when FileNameBytes.IsEscape(name, i) => FileNameBytes.Hex(name[i]),
                var c => c.ToString(),
            });
        }

        return (true, escaped.ToString());
    }

    /// <summary>The name an escaped line stands for, or null when an escape is not one of ours.</summary>
    public static string? Unescape(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] != '\\')
            {
                plain.Append(name[i]);
                continue;
            }

            if (++i == name.Length)
            {
                return null;
            }

            switch (name[i])
            {
                case '\\': plain.Append('\\'); break;
                case 'n': plain.Append('\n'); break;
                case 'r': plain.Append('\r'); break;
                case 'x' when i + 2 < name.Length
                    && byte.TryParse(name.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b):
                    plain.Append(FileNameBytes.Decode([b]));
                    i += 2;
                    break;
                default: return null;
            }
        }

        return plain.ToString();
    }
}
