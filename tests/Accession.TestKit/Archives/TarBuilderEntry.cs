namespace Accession.TestKit.Archives;

/// <summary>One header (plus data) for <see cref="TarBuilder"/>; names are written exactly as given.</summary>
/// <param name="Name">The stored name: "../x", "/etc/x", "a\\b" are all allowed.</param>
/// <param name="TypeFlag">The ustar type flag: '0' file, '5' folder, '2' symbolic link, '1' hard link, 'S' GNU sparse…</param>
/// <param name="Content">The data (written for files only).</param>
public sealed record TarBuilderEntry(string Name, char TypeFlag, byte[] Content)
{
    /// <summary>The link target for '1' and '2' entries.</summary>
    public string LinkName { get; init; } = string.Empty;

    /// <summary>The permission bits written in octal.</summary>
    public int Mode { get; init; } = 0x1A4; // 0644

    /// <summary>Write a header checksum that does not match.</summary>
    public bool CorruptChecksum { get; init; }
}
