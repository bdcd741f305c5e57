using System.Text.Json.Nodes;

namespace Accession.TestKit.Pennsieve;

/// <summary>A snapshot of one import manifest as the fake stored it (spec §2.4–2.5). Immutable.</summary>
public sealed record FakeImport(
    string Id,
    string DatasetId,
    string IntegrationId,
    string PackageId,
    string ImportType,
    JsonNode? Options,
    IReadOnlyList<FakeImportFile> Files,
    int Appends,
    DateTimeOffset CreatedAt)
{
    /// <summary><c>options.asset_name</c>, when the options are an object carrying it.</summary>
    public string? AssetName => (Options as JsonObject)?["asset_name"]?.GetValue<string>();

    /// <summary><c>options.asset_type</c>, when the options are an object carrying it.</summary>
    public string? AssetType => (Options as JsonObject)?["asset_type"]?.GetValue<string>();
}

/// <summary>One <c>files[]</c> entry of a manifest: the client's upload key and the file's path in the asset.</summary>
public sealed record FakeImportFile(string UploadKey, string FilePath);
