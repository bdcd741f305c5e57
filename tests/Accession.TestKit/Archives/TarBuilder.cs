using System.IO.Compression;
using System.Text;
using SharpCompress.Compressors.BZip2;

namespace Accession.TestKit.Archives;

/// <summary>
/// Writes tar files header by header (POSIX ustar, with a pax 'x' header for names longer than
/// ustar allows), compressed with gzip (BCL), bzip2 (SharpCompress) or xz (<see cref="XzWriter"/>).
/// Hostile entries the BCL writer refuses are written as given: "..", absolute names, links,
/// devices, bad checksums, a missing end-of-archive marker, truncation.
/// </summary>
public sealed class TarBuilder
{
    private readonly List<TarBuilderEntry> _entries = [];

    /// <summary>Leave out the two zero blocks that end a tar.</summary>
    public bool OmitEndMarker { get; set; }

    /// <summary>Bytes cut from the end of the finished (compressed) file.</summary>
    public int TruncateBy { get; set; }

    public IReadOnlyList<TarBuilderEntry> Entries => _entries;

    public TarBuilder Add(TarBuilderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries.Add(entry);
        return this;
    }

    public TarBuilder AddFile(string name, byte[] content) => Add(new TarBuilderEntry(name, '0', content));

    public TarBuilder AddFile(string name, string text) => AddFile(name, Encoding.UTF8.GetBytes(text));

    public TarBuilder AddDirectory(string name) => Add(new TarBuilderEntry(name, '5', []) { Mode = 0x1ED });

    public TarBuilder AddSymlink(string name, string target) => Add(new TarBuilderEntry(name, '2', []) { LinkName = target, Mode = 0x1FF });

    public TarBuilder AddHardLink(string name, string target) => Add(new TarBuilderEntry(name, '1', []) { LinkName = target });

    /// <summary>Every file below <paramref name="folder"/>, in ordinal path order, named <paramref name="prefix"/> + relative path.</summary>
    public static TarBuilder FromFolder(string folder, string prefix = "")
    {
        var builder = new TarBuilder();
        foreach (var (relative, full) in FolderFiles.List(folder))
        {
            builder.AddFile(prefix + relative, File.ReadAllBytes(full));
        }

        return builder;
    }

    /// <summary>The compression a file name asks for: .tar.gz/.tgz, .tar.bz2/.tbz2, .tar.xz/.txz, else none.</summary>
    public static TarCompression CompressionFor(string path)
    {
        var name = path.ToLowerInvariant();
        return name.EndsWith(".gz", StringComparison.Ordinal) || name.EndsWith(".tgz", StringComparison.Ordinal) ? TarCompression.Gzip
            : name.EndsWith(".bz2", StringComparison.Ordinal) || name.EndsWith(".tbz2", StringComparison.Ordinal) ? TarCompression.Bzip2
            : name.EndsWith(".xz", StringComparison.Ordinal) || name.EndsWith(".txz", StringComparison.Ordinal) ? TarCompression.Xz
            : TarCompression.None;
    }

    /// <summary>Writes to <paramref name="path"/>, compressed as its suffix says unless <paramref name="compression"/> is given.</summary>
    public string Write(string path, TarCompression? compression = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, ToArray(compression ?? CompressionFor(path)));
        return path;
    }

    public byte[] ToArray(TarCompression compression = TarCompression.None)
    {
        var tar = Compress(TarBytes(), compression);
        return TruncateBy > 0 ? tar[..^TruncateBy] : tar;
    }

    private byte[] TarBytes()
    {
        using var output = new MemoryStream();
        foreach (var entry in _entries)
        {
            var name = Encoding.UTF8.GetBytes(entry.Name);
            var link = Encoding.UTF8.GetBytes(entry.LinkName);
            var (prefix, shortName) = SplitUstar(name);
            if (shortName is null || link.Length > 100)
            {
                var pax = PaxRecords(shortName is null ? entry.Name : null, link.Length > 100 ? entry.LinkName : null);
                WriteHeader(output, Encoding.ASCII.GetBytes("PaxHeaders/entry"), [], 'x', pax.Length, "", 0x1A4, corrupt: false);
                WriteData(output, pax);
                (prefix, shortName) = ([], Encoding.ASCII.GetBytes("long-name"));
            }

            var data = entry.TypeFlag is '0' or '\0' or '7' ? entry.Content : [];
            WriteHeader(output, shortName, prefix, entry.TypeFlag, data.Length, entry.LinkName.Length > 100 ? "long-link" : entry.LinkName, entry.Mode, entry.CorruptChecksum);
            WriteData(output, data);
        }

        if (!OmitEndMarker)
        {
            output.Write(new byte[1024]);
        }

        return output.ToArray();
    }

    // ustar keeps a name in 100 bytes, or splits it at a '/' into a 155-byte prefix and a 100-byte name.
    private static (byte[] Prefix, byte[]? Name) SplitUstar(byte[] name)
    {
        if (name.Length <= 100)
        {
            return ([], name);
        }

        for (var i = Math.Min(name.Length - 1, 155); i > 0; i--)
        {
            if (name[i] == (byte)'/' && name.Length - i - 1 <= 100 && name.Length - i - 1 > 0)
            {
                return (name[..i], name[(i + 1)..]);
            }
        }

        return ([], null);
    }

    // POSIX pax records: "<length> <key>=<value>\n", where length counts the whole record.
    private static byte[] PaxRecords(string? path, string? linkPath)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in new[] { ("path", path), ("linkpath", linkPath) })
        {
            if (value is null)
            {
                continue;
            }

            var body = $" {key}={value}\n";
            var bodyLength = Encoding.UTF8.GetByteCount(body);
            var length = bodyLength + 1;
            while (length != bodyLength + length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)
            {
                length = bodyLength + length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
            }

            text.Append(length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(body);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void WriteHeader(Stream output, byte[] name, byte[] prefix, char type, long size, string linkName, int mode, bool corrupt)
    {
        var header = new byte[512];
        name.AsSpan(0, Math.Min(100, name.Length)).CopyTo(header);
        Octal(header.AsSpan(100, 8), mode);
        Octal(header.AsSpan(108, 8), 0);
        Octal(header.AsSpan(116, 8), 0);
        Octal(header.AsSpan(124, 12), size);
        Octal(header.AsSpan(136, 12), 0);
        header[156] = (byte)type;
        var link = Encoding.UTF8.GetBytes(linkName);
        link.AsSpan(0, Math.Min(100, link.Length)).CopyTo(header.AsSpan(157));
        "ustar\0"u8.CopyTo(header.AsSpan(257));
        "00"u8.CopyTo(header.AsSpan(263));
        prefix.AsSpan(0, Math.Min(155, prefix.Length)).CopyTo(header.AsSpan(345));

        header.AsSpan(148, 8).Fill((byte)' ');
        var sum = header.Sum(b => (long)b) + (corrupt ? 1 : 0);
        Octal(header.AsSpan(148, 7), sum);
        header[155] = (byte)' ';
        output.Write(header);
    }

    private static void WriteData(Stream output, byte[] data)
    {
        output.Write(data);
        var padding = (512 - (data.Length % 512)) % 512;
        output.Write(new byte[padding]);
    }

    // Zero-padded octal digits followed by a NUL, filling the field.
    private static void Octal(Span<byte> field, long value)
    {
        var digits = Convert.ToString(value, 8).PadLeft(field.Length - 1, '0');
        Encoding.ASCII.GetBytes(digits).CopyTo(field);
        field[^1] = 0;
    }

    private static byte[] Compress(byte[] tar, TarCompression compression)
    {
        switch (compression)
        {
            case TarCompression.None:
                return tar;
            case TarCompression.Xz:
                return XzWriter.Compress(tar);
        }

        using var buffer = new MemoryStream();
        using (var compressor = compression == TarCompression.Gzip
            ? new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)
            : (Stream)BZip2Stream.Create(buffer, SharpCompress.Compressors.CompressionMode.Compress, false, leaveOpen: true, false))
        {
            compressor.Write(tar);
        }

        return buffer.ToArray();
    }
}
