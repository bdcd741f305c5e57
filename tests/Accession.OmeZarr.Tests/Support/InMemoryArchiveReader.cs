using Accession.OmeZarr.Archives;

namespace Accession.OmeZarr.Tests.Support;

/// <summary>
/// An archive held in memory. Names given twice resolve to the last copy and are listed in
/// <see cref="DuplicatePaths"/>, as the zip reader does.
/// </summary>
internal sealed class InMemoryArchiveReader : ArchiveReader
{
    private readonly Dictionary<string, byte[]> _content = new(StringComparer.Ordinal);
    private readonly List<ArchiveEntry> _entries = [];
    private readonly List<string> _duplicates = [];

    public InMemoryArchiveReader(string location, IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        Location = location;
        foreach (var (path, bytes) in files)
        {
            if (_content.ContainsKey(path))
            {
                _duplicates.Add(path);
                _entries.RemoveAll(e => e.Path == path);
            }

            _content[path] = bytes;
        }

        var order = files.Select(f => f.Path).Distinct().ToList();
        _entries.AddRange(order.Select(p => new ArchiveEntry(p, _content[p].Length)));
    }

    public int Opened { get; private set; }

    public override string Location { get; }

    public override IReadOnlyList<ArchiveEntry> Entries => _entries;

    public override IReadOnlyList<string> DuplicatePaths => _duplicates;

    public override Stream OpenEntry(ArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Opened++;
        return new MemoryStream(_content[entry.Path], writable: false);
    }

    public static InMemoryArchiveReader FromText(string location, params (string Path, string Text)[] files) =>
        new(location, [.. files.Select(f => (f.Path, System.Text.Encoding.UTF8.GetBytes(f.Text)))]);
}
