using System.Text;
using Accession.Iscc.Platform;

namespace Accession.Cli.Terminal;

/// <summary>
/// UTF-8 without a byte order mark for everything the commands write, except that a character standing
/// for a raw byte of a file name (a lone surrogate U+DC80–U+DCFF, <see cref="FileNameBytes"/>) is written
/// as that byte: a name that is not valid UTF-8 leaves the program exactly as the file system holds it
/// (<c>-z</c> lines, <c>--walk</c>), as coreutils and <c>find</c> write names. Any other lone surrogate
/// becomes U+FFFD, as with <see cref="UTF8Encoding"/>. Decoding (whole buffers only) turns bytes that are
/// not valid UTF-8 back into those characters. Thread-safe; each of its encoders is not.
/// </summary>
internal sealed class FileNameEncoding : Encoding
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private FileNameEncoding()
    {
    }

    public static FileNameEncoding Instance { get; } = new();

    public override ReadOnlySpan<byte> Preamble => default;

    public override byte[] GetPreamble() => [];

    // Every overload is spelled out: the base class's span and pointer forms copy through new arrays.
    public override int GetByteCount(char[] chars, int index, int count) => Encode(chars.AsSpan(index, count), [], measure: true);

    public override int GetByteCount(ReadOnlySpan<char> chars) => Encode(chars, [], measure: true);

    public override unsafe int GetByteCount(char* chars, int count) => Encode(new ReadOnlySpan<char>(chars, count), [], measure: true);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        Encode(chars.AsSpan(charIndex, charCount), bytes.AsSpan(byteIndex), measure: false);

    public override int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes) => Encode(chars, bytes, measure: false);

    public override unsafe int GetBytes(char* chars, int charCount, byte* bytes, int byteCount) =>
        Encode(new ReadOnlySpan<char>(chars, charCount), new Span<byte>(bytes, byteCount), measure: false);

    public override int GetCharCount(byte[] bytes, int index, int count) => FileNameBytes.Decode(bytes.AsSpan(index, count)).Length;

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
    {
        var text = FileNameBytes.Decode(bytes.AsSpan(byteIndex, byteCount));
        text.CopyTo(chars.AsSpan(charIndex));
        return text.Length;
    }

    // An escaped byte takes one byte, less than any character UTF-8 writes; a decoded byte at most one character.
    public override int GetMaxByteCount(int charCount) => Utf8.GetMaxByteCount(charCount);

    public override int GetMaxCharCount(int byteCount) => Utf8.GetMaxCharCount(byteCount);

    public override Encoder GetEncoder() => new FileNameEncoder();

    private static int Encode(ReadOnlySpan<char> chars, Span<byte> bytes, bool measure)
    {
        // Nearly all text holds no surrogate at all: plain UTF-8.
        if (chars.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return measure ? Utf8.GetByteCount(chars) : Utf8.GetBytes(chars, bytes);
        }

        var text = new string(chars);
        var written = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !FileNameBytes.IsEscape(text, i))
            {
                continue;
            }

            var stretch = text.AsSpan(start, i - start);
            written += measure ? Utf8.GetByteCount(stretch) : Utf8.GetBytes(stretch, bytes[written..]);
            if (i < text.Length)
            {
                if (!measure)
                {
                    bytes[written] = (byte)(text[i] - 0xDC00);
                }

                written++;
            }

            start = i + 1;
        }

        return written;
    }

    /// <summary>Holds back a high surrogate at the end of a block until its partner arrives.</summary>
    private sealed class FileNameEncoder : Encoder
    {
        private char? _pending;

        public override int GetByteCount(char[] chars, int index, int count, bool flush) => GetByteCount(chars.AsSpan(index, count), flush);

        public override int GetByteCount(ReadOnlySpan<char> chars, bool flush) => Encode(Take(chars, flush, out _), [], measure: true);

        public override unsafe int GetByteCount(char* chars, int count, bool flush) => GetByteCount(new ReadOnlySpan<char>(chars, count), flush);

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex, bool flush) =>
            GetBytes(chars.AsSpan(charIndex, charCount), bytes.AsSpan(byteIndex), flush);

        public override unsafe int GetBytes(char* chars, int charCount, byte* bytes, int byteCount, bool flush) =>
            GetBytes(new ReadOnlySpan<char>(chars, charCount), new Span<byte>(bytes, byteCount), flush);

        public override int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes, bool flush)
        {
            var text = Take(chars, flush, out var held);
            var written = Encode(text, bytes, measure: false);
            _pending = held;
            return written;
        }

        public override void Reset() => _pending = null;

        private ReadOnlySpan<char> Take(ReadOnlySpan<char> chars, bool flush, out char? held)
        {
            ReadOnlySpan<char> text = _pending is { } first ? string.Concat([first], chars) : chars;
            held = null;
            if (!flush && text.Length > 0 && char.IsHighSurrogate(text[^1]))
            {
                held = text[^1];
                text = text[..^1];
            }

            return text;
        }
    }
}
