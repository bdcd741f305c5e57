using System.Text.Json.Nodes;

namespace Accession.TestKit.Pennsieve;

/// <summary>The import manifests the fake holds. Thread-safe.</summary>
internal sealed class ImportStore(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Manifest> _imports = [];

    public string Create(string datasetId, string integrationId, string packageId, string importType, JsonNode? options, IReadOnlyList<FakeImportFile> files)
    {
        var id = Guid.NewGuid().ToString();
        var manifest = new Manifest(id, datasetId, integrationId, packageId, importType, options?.DeepClone(), time.GetUtcNow());
        manifest.Add(files);
        lock (_lock)
        {
            _imports[id] = manifest;
        }

        return id;
    }

    /// <summary>Appends files; false when a key is already in the import (nothing is added then).</summary>
    public bool TryAppend(string id, IReadOnlyList<FakeImportFile> files)
    {
        lock (_lock)
        {
            var manifest = _imports[id];
            if (files.Any(f => manifest.Keys.ContainsKey(f.UploadKey)))
            {
                return false;
            }

            manifest.Add(files);
            manifest.Appends++;
            return true;
        }
    }

    /// <summary>True when the import exists in <paramref name="datasetId"/>.</summary>
    public bool Exists(string id, string datasetId)
    {
        lock (_lock)
        {
            return _imports.TryGetValue(id, out var manifest) && manifest.DatasetId == datasetId;
        }
    }

    /// <summary>True when the import exists in <paramref name="datasetId"/> and lists <paramref name="uploadKey"/>.</summary>
    public bool HasFile(string id, string datasetId, string uploadKey)
    {
        lock (_lock)
        {
            return _imports.TryGetValue(id, out var manifest) && manifest.DatasetId == datasetId && manifest.Keys.ContainsKey(uploadKey);
        }
    }

    public IReadOnlyList<FakeImport> Snapshot()
    {
        lock (_lock)
        {
            return [.. _imports.Values.OrderBy(m => m.CreatedAt).Select(m => m.ToSnapshot())];
        }
    }

    private sealed class Manifest(string id, string datasetId, string integrationId, string packageId, string importType, JsonNode? options, DateTimeOffset createdAt)
    {
        private readonly List<FakeImportFile> _files = [];

        public string DatasetId { get; } = datasetId;

        public Dictionary<string, string> Keys { get; } = [];

        public int Appends { get; set; }

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public void Add(IReadOnlyList<FakeImportFile> files)
        {
            foreach (var file in files)
            {
                Keys[file.UploadKey] = file.FilePath;
                _files.Add(file);
            }
        }

        public FakeImport ToSnapshot() =>
            new(id, DatasetId, integrationId, packageId, importType, options?.DeepClone(), [.. _files], Appends, CreatedAt);
    }
}
