using System.Buffers;
using System.Globalization;
using System.Text;

namespace Accession.Cli.Terminal;

/// <summary>
/// File names that are not valid UTF-8 (Latin-1 archives are common) carried through .NET strings
/// without loss: each byte that is not part of valid UTF-8 becomes the lone surrogate U+DC80–U+DCFF
/// (the "surrogateescape" idea of PEP 383). Valid UTF-8 never decodes to a lone surrogate, so the
/// mapping is exact both ways. .NET's own file APIs would replace such characters, so these names are
/// opened with <see cref="RawFile"/>.
/// </summary>
internal static class FileNameBytes
{
    private const char FirstEscape = '\uDC80';
    private const char LastEscape = '\uDCFF';

    /// <summary>The name for raw bytes from the operating system.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var name = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status == OperationStatus.Done)
            {
                name.Append(rune.ToString());
            }
            else
            {
                foreach (var b in bytes[..consumed])
                {
                    name.Append((char)(0xDC00 + b));
                }
            }

            bytes = bytes[consumed..];
        }

        return name.ToString();
    }

    /// <summary>The bytes the operating system knows the name by.</summary>
    public static byte[] Encode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bytes = new List<byte>(name.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < name.Length; i++)
        {
            if (IsEscape(name, i))
            {
                bytes.Add((byte)(name[i] - 0xDC00));
                continue;
            }

            var rune = Rune.GetRuneAt(name, i);
            var length = rune.EncodeToUtf8(utf8);
            bytes.AddRange(utf8[..length]);
            i += rune.Utf16SequenceLength - 1;
        }

        return [.. bytes];
    }

    /// <summary>True when the name holds bytes that are not valid UTF-8.</summary>
    public static bool HasRawBytes(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < name.Length; i++)
        {
            if (IsEscape(name, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name for a message: each byte that is not valid UTF-8 as <c>\xHH</c>.</summary>
    public static string Printable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!HasRawBytes(name))
        {
            return name;
        }

        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            text.Append(IsEscape(name, i) ? Hex(name[i]) : name[i].ToString());
        }

        return text.ToString();
    }

    /// <summary>True when <c>name[index]</c> stands for a raw byte (a lone surrogate U+DC80–U+DCFF).</summary>
    public static bool IsEscape(string name, int index)
    {
        ArgumentNullException.ThrowIfNull(name);
        var c = name[index];
        return c is >= FirstEscape and <= LastEscape && (index == 0 || !char.IsHighSurrogate(name[index - 1]));
    }

    /// <summary><c>\xHH</c> for an escaped byte.</summary>
    public static string Hex(char escape) => "\\x" + (escape - 0xDC00).ToString("X2", CultureInfo.InvariantCulture);
}
