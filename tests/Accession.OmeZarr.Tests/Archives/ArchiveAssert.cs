using Accession.OmeZarr.Archives;
using Accession.TestKit.Archives;

namespace Accession.OmeZarr.Tests.Archives;

internal static class ArchiveAssert
{
    /// <summary>The reader lists exactly the folder's files (under <paramref name="prefix"/>), in the same order, with byte-equal content.</summary>
    public static void SameAsFolder(ArchiveReader reader, string folder, string prefix = "")
    {
        var expected = FolderFiles.List(folder);
        Assert.Equal(expected.Select(f => prefix + f.Relative), reader.Entries.Select(e => e.Path));
        foreach (var ((_, full), entry) in expected.Zip(reader.Entries))
        {
            var bytes = File.ReadAllBytes(full);
            Assert.Equal(bytes.Length, entry.Length);
            using var stream = reader.OpenEntry(entry);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.True(bytes.AsSpan().SequenceEqual(copy.ToArray()), $"content of {entry.Path} differs");
        }
    }

    /// <summary>Runs <paramref name="action"/> and returns the <see cref="ArchiveException"/> it must throw, checking its kind and that it names <paramref name="named"/>.</summary>
    public static ArchiveException Throws(ArchiveErrorKind kind, string named, Action action)
    {
        var error = Assert.Throws<ArchiveException>(action);
        Assert.Equal(kind, error.Kind);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        return error;
    }

    public static byte[] ReadAll(ArchiveReader reader, ArchiveEntry entry)
    {
        using var stream = reader.OpenEntry(entry);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static byte[] ReadAll(ArchiveReader reader, string path) =>
        ReadAll(reader, reader.Entries.Single(e => e.Path == path));
}
