using Accession.OmeZarr.Archives;
using Accession.TestKit.Archives;

namespace Accession.OmeZarr.Tests.Archives;

internal static class ArchiveAssert
{
    /// <summary>
    /// The reader lists exactly the folder's files (under <paramref name="prefix"/>), in the same order, with
    /// byte-equal content. Readers without random access are read in one pass, plus a few entries opened alone.
    /// </summary>
    public static void SameAsFolder(ArchiveReader reader, string folder, string prefix = "")
    {
        var expected = FolderFiles.List(folder);
        Assert.Equal(expected.Select(f => prefix + f.Relative), reader.Entries.Select(e => e.Path));
        var opened = reader.SupportsRandomAccess
            ? Enumerable.Range(0, expected.Count)
            : new[] { 0, expected.Count / 2, expected.Count - 1 }.Where(i => i >= 0).Distinct();
        foreach (var i in opened)
        {
            var bytes = File.ReadAllBytes(expected[i].Full);
            Assert.Equal(bytes.Length, reader.Entries[i].Length);
            Assert.True(bytes.AsSpan().SequenceEqual(ReadAll(reader, reader.Entries[i])), $"content of {reader.Entries[i].Path} differs");
        }

        if (!reader.SupportsRandomAccess)
        {
            var index = 0;
            reader.ForEachEntryAsync(async (entry, stream, token) =>
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, token);
                Assert.Equal(prefix + expected[index].Relative, entry.Path);
                Assert.True(File.ReadAllBytes(expected[index].Full).AsSpan().SequenceEqual(copy.ToArray()), $"content of {entry.Path} differs");
                index++;
            }).GetAwaiter().GetResult();
            Assert.Equal(expected.Count, index);
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
