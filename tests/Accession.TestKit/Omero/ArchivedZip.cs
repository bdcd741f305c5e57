using System.IO.Compression;

namespace Accession.TestKit.Omero;

/// <summary>
/// The zip OMERO.web builds for a multi-file archived download (omero-web <c>zip_archived_files</c>; spec
/// omero.md §2.6): each fileset's files at their paths relative to its template prefix, a numbered folder
/// when a fileset's top-level names clash with ones already written, deflated, written to a temporary file
/// that is deleted when the returned stream is closed.
/// </summary>
internal static class ArchivedZip
{
    public static FileStream Write(IReadOnlyList<FakeOmeroImage> images, ref string zipName)
    {
        var path = Path.GetTempFileName();
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            using (var archive = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                var topLevel = new HashSet<string>(StringComparer.Ordinal);
                var nextFolder = 1;
                foreach (var fileset in images.Select(image => image.Fileset).DistinctBy(fileset => fileset.Id))
                {
                    var targets = fileset.Files.Select(entry => (File: entry, Target: TargetPath(entry, fileset.TemplatePrefix))).ToList();
                    var folder = targets.Any(target => topLevel.Contains(target.Target.Split('/')[0])) ? $"{nextFolder++}/" : "";
                    foreach (var (entry, target) in targets)
                    {
                        topLevel.Add((folder + target).Split('/')[0]);
                        if (zipName == entry.Name + ".zip")
                        {
                            zipName = entry.Name + "_folder.zip";
                        }

                        using var output = archive.CreateEntry(folder + target, CompressionLevel.Fastest).Open();
                        using var input = entry.Content.OpenRead();
                        input.CopyTo(output, 1 << 20);
                    }
                }
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static string TargetPath(FakeOmeroFile file, string templatePrefix) =>
        file.Path == templatePrefix || templatePrefix.Length == 0 || !file.Path.StartsWith(templatePrefix, StringComparison.Ordinal)
            ? file.Name
            : file.Path[templatePrefix.Length..] + file.Name;
}
