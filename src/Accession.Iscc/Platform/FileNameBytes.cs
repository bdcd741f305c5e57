using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Accession.Iscc.Platform;

/// <summary>
/// File names that are not valid UTF-8 (Latin-1 archives are common) carried through .NET strings
/// without loss: each byte that is not part of valid UTF-8 becomes the lone surrogate U+DC80–U+DCFF
/// (the "surrogateescape" idea of PEP 383). Valid UTF-8 never decodes to a lone surrogate, so the
/// mapping is exact both ways. .NET's own file APIs would replace such characters, so these names are
/// opened with <see cref="RawFile"/>, and folders holding such names are listed byte for byte by the
/// tree walker. Stateless and thread-safe.
/// </summary>
public static class FileNameBytes
{
    private const char FirstEscape = '\uDC80';
    private const char LastEscape = '\uDCFF';

    /// <summary>The name for raw bytes from the operating system.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        // Never more UTF-16 characters than bytes: one per escaped byte, at most one per valid byte.
        var name = new char[bytes.Length];
        var written = 0;
        while (!bytes.IsEmpty)
        {
            Utf8.ToUtf16(bytes, name.AsSpan(written), out var read, out var count, replaceInvalidSequences: false);
            written += count;
            bytes = bytes[read..];
            if (bytes.IsEmpty)
            {
                break;
            }

            // The invalid sequence at the start, escaped byte by byte.
            Rune.DecodeFromUtf8(bytes, out _, out var invalid);
            foreach (var b in bytes[..invalid])
            {
                name[written++] = (char)(0xDC00 + b);
            }

            bytes = bytes[invalid..];
        }

        return new string(name, 0, written);
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

    /// <summary>The name's bytes followed by a NUL, as C functions take a path.</summary>
    internal static byte[] EncodeForC(string name)
    {
        var bytes = Encode(name);
        var path = new byte[bytes.Length + 1];
        bytes.CopyTo(path, 0);
        return path;
    }

    /// <summary>True when the name holds bytes that are not valid UTF-8.</summary>
    public static bool HasRawBytes(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        // Most names have no surrogate at all: one vectorised scan decides.
        var first = name.AsSpan().IndexOfAnyInRange(FirstEscape, LastEscape);
        if (first < 0)
        {
            return false;
        }

        for (var i = first; i < name.Length; i++)
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
