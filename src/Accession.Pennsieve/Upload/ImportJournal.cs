using System.Globalization;
using System.Text;
using System.Text.Json;
using Accession.Pennsieve.Import;

namespace Accession.Pennsieve.Upload;

/// <summary>
/// A record in <c>OUTPUT_DIR</c> of an import under way, so a rerun after a crash or a stop resumes
/// the same import without uploading finished files again. JSON lines: a header (archive identity,
/// run, dataset, import id, every upload key and path), then one line per uploaded file, flushed as
/// it is known. A torn last line is ignored. Deleted when every file is uploaded. Thread-safe.
/// </summary>
internal sealed class ImportJournal : IDisposable
{
    private const int Version = 1;
    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly FileStream _stream;

    private ImportJournal(string path, FileStream stream, string importId, IReadOnlyList<ImportFile> files, IReadOnlySet<string> done)
    {
        _path = path;
        _stream = stream;
        ImportId = importId;
        Files = files;
        Done = done;
    }

    public string ImportId { get; }

    /// <summary>Every file of the import, with the upload keys the manifest holds.</summary>
    public IReadOnlyList<ImportFile> Files { get; }

    /// <summary>Upload keys already uploaded by an earlier run.</summary>
    public IReadOnlySet<string> Done { get; }

    /// <summary>The journal's path for an archive: hidden, beside the local-mode outputs.</summary>
    public static string PathFor(string outputDir, string stem) => Path.Combine(outputDir, $".{stem}.import-journal");

    /// <summary>
    /// Opens the journal of an earlier run of the same archive, run and dataset with the same files;
    /// null when there is none or it does not match (then it is replaced by <see cref="Start"/>).
    /// </summary>
    public static ImportJournal? TryResume(string path, string archive, string integrationId, string datasetId, IReadOnlyList<ImportFile> planned)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllLines(path, Encoding.UTF8);
        if (lines.Length == 0 || ParseHeader(lines[0]) is not { } header
            || header.Archive != Identity(archive) || header.IntegrationId != integrationId || header.DatasetId != datasetId)
        {
            return null;
        }

        var keys = header.Files;
        if (keys.Count != planned.Count || planned.Any(f => !keys.ContainsKey(f.FilePath)))
        {
            return null;
        }

        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.TryGetProperty("done", out var key) && key.GetString() is { } k)
                {
                    done.Add(k);
                }
            }
            catch (JsonException)
            {
                // A line torn by a crash: that upload is simply done again.
            }
        }

        var files = planned.Select(f => f with { UploadKey = keys[f.FilePath] }).ToList();
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new ImportJournal(path, stream, header.ImportId, files, done);
    }

    /// <summary>Starts a new journal for a freshly created import, replacing any older one.</summary>
    public static ImportJournal Start(string path, string archive, string integrationId, string datasetId, string importId, IReadOnlyList<ImportFile> files)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("archive", Identity(archive));
            json.WriteString("integrationId", integrationId);
            json.WriteString("datasetId", datasetId);
            json.WriteString("importId", importId);
            json.WriteStartArray("files");
            foreach (var file in files)
            {
                json.WriteStartArray();
                json.WriteStringValue(file.UploadKey);
                json.WriteStringValue(file.FilePath);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        stream.Flush(flushToDisk: true);
        return new ImportJournal(path, stream, importId, files, new HashSet<string>());
    }

    /// <summary>Records one uploaded file; on disk before this returns.</summary>
    public void MarkDone(string uploadKey)
    {
        // JsonEncodedText escapes as the serializer does, without the reflection Native AOT cannot keep.
        var line = Encoding.UTF8.GetBytes($"{{\"done\":\"{JsonEncodedText.Encode(uploadKey)}\"}}\n");
        lock (_gate)
        {
            _stream.Write(line);
            _stream.Flush();
        }
    }

    /// <summary>The import is complete: the journal is removed.</summary>
    public void Delete()
    {
        Dispose();
        File.Delete(_path);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stream.Dispose();
        }
    }

    // Name, size and modification time: a different archive under the same name starts a new import.
    private static string Identity(string archive)
    {
        var info = new FileInfo(archive);
        return string.Create(CultureInfo.InvariantCulture, $"{info.Name}|{info.Length}|{info.LastWriteTimeUtc.Ticks}");
    }

    private static Header? ParseHeader(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.GetProperty("version").GetInt32() != Version)
            {
                return null;
            }

            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in root.GetProperty("files").EnumerateArray())
            {
                files[pair[1].GetString()!] = pair[0].GetString()!;
            }

            return new Header(
                root.GetProperty("archive").GetString()!,
                root.GetProperty("integrationId").GetString()!,
                root.GetProperty("datasetId").GetString()!,
                root.GetProperty("importId").GetString()!,
                files);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private sealed record Header(string Archive, string IntegrationId, string DatasetId, string ImportId, Dictionary<string, string> Files);
}
