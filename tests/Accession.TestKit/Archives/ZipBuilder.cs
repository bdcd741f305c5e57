using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Accession.TestKit.Archives;

/// <summary>
/// Writes zip files byte by byte (PKWARE APPNOTE.TXT 4.3), including the hostile and damaged ones
/// the BCL writer refuses to make: unsafe names, duplicates, flags without substance, lying sizes,
/// unsupported methods, forced ZIP64 records, split-archive markers and truncation.
/// </summary>
public sealed class ZipBuilder
{
    private const ushort DosTime = 0;
    private const ushort DosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01

    private readonly List<ZipBuilderEntry> _entries = [];

    /// <summary>The archive comment (UTF-8), e.g. RFC-9's <c>{"ome":{"version":"0.5"}}</c>.</summary>
    public string? Comment { get; set; }

    /// <summary>Write ZIP64 end records and ZIP64 extra fields for every entry, whatever the size.</summary>
    public bool ForceZip64 { get; set; }

    /// <summary>Bytes written before the first entry (a self-extractor stub); offsets stay as if it were absent.</summary>
    public byte[] Prefix { get; set; } = [];

    /// <summary>The disk number written in the end records; non-zero makes the zip look like the last part of a split set.</summary>
    public ushort DiskNumber { get; set; }

    /// <summary>Bytes cut from the end of the finished file.</summary>
    public int TruncateBy { get; set; }

    /// <summary>The entries in the order they are written.</summary>
    public IReadOnlyList<ZipBuilderEntry> Entries => _entries;

    public ZipBuilder Add(ZipBuilderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries.Add(entry);
        return this;
    }

    public ZipBuilder AddStored(string name, byte[] content) => Add(new ZipBuilderEntry(name, content));

    public ZipBuilder AddStored(string name, string text) => AddStored(name, Encoding.UTF8.GetBytes(text));

    public ZipBuilder AddDeflated(string name, byte[] content) => Add(new ZipBuilderEntry(name, content) { Method = 8 });

    public ZipBuilder AddDeflated(string name, string text) => AddDeflated(name, Encoding.UTF8.GetBytes(text));

    /// <summary>A folder record; <paramref name="name"/> should end with '/'.</summary>
    public ZipBuilder AddDirectory(string name) =>
        Add(new ZipBuilderEntry(name, []) { ExternalAttributes = (0x41EDu << 16) | 0x10 });

    /// <summary>A Unix symbolic link: mode 0120777, the target as data (Info-ZIP's way).</summary>
    public ZipBuilder AddSymlink(string name, string target) =>
        Add(new ZipBuilderEntry(name, Encoding.UTF8.GetBytes(target)) { ExternalAttributes = 0xA1FFu << 16 });

    /// <summary>
    /// Every file below <paramref name="folder"/>, in ordinal path order, named
    /// <paramref name="prefix"/> + the relative path with '/' separators.
    /// </summary>
    public static ZipBuilder FromFolder(string folder, ushort method = 8, string prefix = "")
    {
        var builder = new ZipBuilder();
        foreach (var (relative, full) in FolderFiles.List(folder))
        {
            builder.Add(new ZipBuilderEntry(prefix + relative, File.ReadAllBytes(full)) { Method = method });
        }

        return builder;
    }

    /// <summary>Writes the zip to <paramref name="path"/> (parent folders are created) and returns the path.</summary>
    public string Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, ToArray());
        return path;
    }

    public byte[] ToArray()
    {
        using var output = new MemoryStream();
        output.Write(Prefix);
        var central = new MemoryStream();
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        long written = 0;
        var recordCount = 0;
        foreach (var entry in _entries)
        {
            var name = entry.RawName ?? Encoding.UTF8.GetBytes(entry.Name);
            var data = entry.StoredData ?? Compress(entry.Method, entry.Content);
            var crc = System.IO.Hashing.Crc32.HashToUInt32(entry.Content) ^ (entry.CorruptCrc ? 0xFFFFFFFFu : 0);
            var length = entry.DeclaredLength ?? entry.Content.Length;
            var compressed = entry.DeclaredCompressedLength ?? data.Length;
            var utf8 = entry.Utf8Flag ?? (entry.RawName is null && !Ascii.IsValid(entry.Name));
            var flags = (ushort)((entry.Encrypted ? 0x0001 : 0) | (entry.DataDescriptor ? 0x0008 : 0) | (utf8 ? 0x0800 : 0));

            long offset;
            if (entry.ShareDataWith is { } other)
            {
                offset = offsets[other];
            }
            else
            {
                offset = written;
                offsets[entry.Name] = offset;
                var local = LocalHeader(entry, name, flags, crc, length, compressed);
                output.Write(local);
                output.Write(data);
                written += local.Length + data.Length;
                if (entry.DataDescriptor)
                {
                    var descriptor = DataDescriptor(crc, length, compressed);
                    output.Write(descriptor);
                    written += descriptor.Length;
                }
            }

            if (!entry.OmitFromCentralDirectory)
            {
                central.Write(CentralHeader(entry, name, flags, crc, length, compressed, offset));
                recordCount++;
            }
        }

        var centralOffset = written;
        output.Write(central.ToArray());
        WriteEnd(output, recordCount, central.Length, centralOffset, centralOffset + central.Length);
        var bytes = output.ToArray();
        return TruncateBy > 0 ? bytes[..^TruncateBy] : bytes;
    }

    private byte[] LocalHeader(ZipBuilderEntry entry, byte[] name, ushort flags, uint crc, long length, long compressed)
    {
        var zip64 = ForceZip64 || length >= uint.MaxValue || compressed >= uint.MaxValue;
        var extra = zip64 ? Zip64Extra(length, compressed, offset: null) : [];
        var header = new byte[30 + name.Length + extra.Length];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], (ushort)(zip64 ? 45 : 20));
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], flags);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], entry.Method);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], DosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], DosDate);
        if (!entry.DataDescriptor)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[14..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(span[18..], zip64 ? uint.MaxValue : (uint)compressed);
            BinaryPrimitives.WriteUInt32LittleEndian(span[22..], zip64 ? uint.MaxValue : (uint)length);
        }

        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)extra.Length);
        name.CopyTo(span[30..]);
        extra.CopyTo(span[(30 + name.Length)..]);
        return header;
    }

    private byte[] CentralHeader(ZipBuilderEntry entry, byte[] name, ushort flags, uint crc, long length, long compressed, long offset)
    {
        var zip64 = ForceZip64 || length >= uint.MaxValue || compressed >= uint.MaxValue || offset >= uint.MaxValue;
        var extra = zip64 ? Zip64Extra(length, compressed, offset) : [];
        var header = new byte[46 + name.Length + extra.Length];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0x02014b50);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], entry.VersionMadeBy);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], (ushort)(zip64 ? 45 : 20));
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], flags);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], entry.Method);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], DosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[14..], DosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], zip64 ? uint.MaxValue : (uint)compressed);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], zip64 ? uint.MaxValue : (uint)length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[30..], (ushort)extra.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], DiskNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(span[38..], entry.ExternalAttributes);
        BinaryPrimitives.WriteUInt32LittleEndian(span[42..], zip64 ? uint.MaxValue : (uint)offset);
        name.CopyTo(span[46..]);
        extra.CopyTo(span[(46 + name.Length)..]);
        return header;
    }

    // APPNOTE 4.5.3: uncompressed size, compressed size, then the local header offset.
    private static byte[] Zip64Extra(long length, long compressed, long? offset)
    {
        var extra = new byte[4 + 16 + (offset is null ? 0 : 8)];
        var span = extra.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span, 0x0001);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], (ushort)(extra.Length - 4));
        BinaryPrimitives.WriteInt64LittleEndian(span[4..], length);
        BinaryPrimitives.WriteInt64LittleEndian(span[12..], compressed);
        if (offset is { } value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[20..], value);
        }

        return extra;
    }

    private static byte[] DataDescriptor(uint crc, long length, long compressed)
    {
        var descriptor = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor, 0x08074b50);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(4), crc);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(8), (uint)compressed);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(12), (uint)length);
        return descriptor;
    }

    private void WriteEnd(MemoryStream output, int count, long size, long offset, long zip64EndOffset)
    {
        var zip64 = ForceZip64 || count >= ushort.MaxValue || size >= uint.MaxValue || offset >= uint.MaxValue;
        Span<byte> buffer = stackalloc byte[56];
        if (zip64)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, 0x06064b50);
            BinaryPrimitives.WriteInt64LittleEndian(buffer[4..], 44);
            BinaryPrimitives.WriteUInt16LittleEndian(buffer[12..], 0x032D);
            BinaryPrimitives.WriteUInt16LittleEndian(buffer[14..], 45);
            BinaryPrimitives.WriteUInt32LittleEndian(buffer[16..], DiskNumber);
            BinaryPrimitives.WriteUInt32LittleEndian(buffer[20..], DiskNumber);
            BinaryPrimitives.WriteInt64LittleEndian(buffer[24..], count);
            BinaryPrimitives.WriteInt64LittleEndian(buffer[32..], count);
            BinaryPrimitives.WriteInt64LittleEndian(buffer[40..], size);
            BinaryPrimitives.WriteInt64LittleEndian(buffer[48..], offset);
            output.Write(buffer);

            buffer.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, 0x07064b50);
            BinaryPrimitives.WriteUInt32LittleEndian(buffer[4..], DiskNumber);
            BinaryPrimitives.WriteInt64LittleEndian(buffer[8..], zip64EndOffset);
            BinaryPrimitives.WriteUInt32LittleEndian(buffer[16..], DiskNumber + 1u);
            output.Write(buffer[..20]);
        }

        var comment = Encoding.UTF8.GetBytes(Comment ?? string.Empty);
        buffer.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer[4..], zip64 ? ushort.MaxValue : DiskNumber);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer[6..], zip64 ? ushort.MaxValue : DiskNumber);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer[8..], zip64 ? ushort.MaxValue : (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer[10..], zip64 ? ushort.MaxValue : (ushort)count);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer[12..], zip64 ? uint.MaxValue : (uint)size);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer[16..], zip64 ? uint.MaxValue : (uint)offset);
        BinaryPrimitives.WriteUInt16LittleEndian(buffer[20..], (ushort)comment.Length);
        output.Write(buffer[..22]);
        output.Write(comment);
    }

    private static byte[] Compress(ushort method, byte[] content)
    {
        if (method != 8)
        {
            return content;
        }

        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(content);
        }

        return buffer.ToArray();
    }
}
