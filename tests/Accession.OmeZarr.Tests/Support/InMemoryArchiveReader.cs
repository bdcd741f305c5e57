using Accession.OmeZarr.Archives;

namespace Accession.OmeZarr.Tests.Support;

/// <summary>An archive held in memory, entries in the given order (duplicates allowed).</summary>
internal sealed class InMemoryArchiveReader(string location, IReadOnlyList<(string Path, byte[] Bytes)> files) : ArchiveReader
{
    private readonly List<ArchiveEntry> _entries = [.. files.Select(f => new ArchiveEntry(f.Path, f.Bytes.Length))];

    public int Opened { get; private set; }

    public override string Location => location;

    public override IReadOnlyList<ArchiveEntry> Entries => _entries;

    public override Stream OpenEntry(ArchiveEntry entry)
    {
        // The last entry of that name wins, as for duplicate zip entries.
        Opened++;
        var index = _entries.FindLastIndex(e => ReferenceEquals(e, entry));
        if (index < 0)
        {
            index = _entries.FindLastIndex(e => e.Path == entry.Path);
        }

        return new MemoryStream(files[index].Bytes, writable: false);
    }

    public static InMemoryArchiveReader FromText(string location, params (string Path, string Text)[] files) =>
        new(location, [.. files.Select(f => (f.Path, System.Text.Encoding.UTF8.GetBytes(f.Text)))]);
}
