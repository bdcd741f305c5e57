using Accession.OmeZarr.Archives;
using Accession.Pennsieve.Configuration;

namespace Accession.Pennsieve.Processor;

/// <summary>
/// Finds the one archive in <c>INPUT_DIR</c> as the Python processor's <c>find_input_file</c> does
/// (shared/specs/pennsieve-import.md §1.4): the folder's own names (not recursive) that end with a
/// supported suffix, case-insensitively; other names are ignored. Exactly one must match.
/// </summary>
public static class ArchiveLocator
{
    /// <exception cref="ImportException">The folder is missing, or holds no archive or more than one.</exception>
    public static string Find(string inputDir)
    {
        ArgumentNullException.ThrowIfNull(inputDir);
        if (!Directory.Exists(inputDir))
        {
            throw new ImportException(ImportErrorKind.BadInput, $"{SettingNames.InputDir}: '{inputDir}' is not a folder; set it to the folder that holds the archive.");
        }

        string[] candidates;
        try
        {
            candidates = [.. Directory.EnumerateFileSystemEntries(inputDir)
                .Where(ArchiveNames.IsSupported)
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(ImportErrorKind.BadInput, $"{SettingNames.InputDir}: '{inputDir}' cannot be listed ({e.Message}); check its permissions.", e);
        }

        return candidates.Length switch
        {
            1 => candidates[0],
            0 => throw new ImportException(ImportErrorKind.BadInput, $"{inputDir}: expected exactly one archive file, found 0; put one {string.Join("/", ArchiveNames.SupportedSuffixes)} archive there."),
            _ => throw new ImportException(ImportErrorKind.BadInput, $"{inputDir}: expected exactly one archive file, found {candidates.Length} ({string.Join(", ", candidates.Select(Path.GetFileName))}); leave only the one to import."),
        };
    }
}
