using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Accession.TestKit.Omero;

/// <summary>
/// Deterministic pseudo-random content: word <c>i</c> (8 bytes, little-endian) is SplitMix64's output for
/// state <c>seed + (i + 1) * golden gamma</c>, so any range can be produced without the bytes before it.
/// Immutable.
/// </summary>
internal sealed class GeneratedContent(long length, ulong seed) : FakeFileContent
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15;

    public override long Length { get; } = length >= 0 ? length : throw new ArgumentOutOfRangeException(nameof(length));

    public override void Read(long position, Span<byte> destination)
    {
        if (position < 0 || position + destination.Length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(position));
        }

        var word = (ulong)(position / 8);
        var skip = (int)(position % 8);
        Span<byte> scratch = stackalloc byte[8];
        if (skip != 0)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(scratch, Word(word++));
            var head = Math.Min(8 - skip, destination.Length);
            scratch.Slice(skip, head).CopyTo(destination);
            destination = destination[head..];
        }

        var whole = destination.Length / 8;
        if (BitConverter.IsLittleEndian)
        {
            var words = MemoryMarshal.Cast<byte, ulong>(destination[..(whole * 8)]);
            for (var i = 0; i < words.Length; i++)
            {
                words[i] = Word(word + (ulong)i);
            }

            word += (ulong)whole;
            destination = destination[(whole * 8)..];
        }

        while (destination.Length >= 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination, Word(word++));
            destination = destination[8..];
        }

        if (destination.Length > 0)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(scratch, Word(word));
            scratch[..destination.Length].CopyTo(destination);
        }
    }

    private ulong Word(ulong index)
    {
        var z = seed + ((index + 1) * GoldenGamma);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
