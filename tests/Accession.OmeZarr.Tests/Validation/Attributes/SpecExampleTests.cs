using System.Text.Json;
using Accession.TestKit;

namespace Accession.OmeZarr.Tests.Validation.Attributes;

/// <summary>
/// The examples embedded in the OME-NGFF 0.4 and 0.5 texts (ngff-spec <c>examples/</c>) are all valid;
/// those the specification checks against a <c>strict_*</c> schema (their folder's <c>.config.json</c>)
/// also raise no strict warning. 0.4 examples are <c>.zattrs</c> objects, 0.5 examples whole group
/// <c>zarr.json</c> documents whose <c>attributes</c> are validated.
/// </summary>
public sealed class SpecExampleTests
{
    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var version in new[] { "0.4", "0.5" })
        {
            foreach (var folder in Directory.GetDirectories(ExamplesFolder(version)).Order(StringComparer.Ordinal))
            {
                foreach (var file in Directory.GetFiles(folder, "*.json").Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
                {
                    data.Add(version, Path.GetFileName(folder), Path.GetFileName(file));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Specification_example_is_valid(string version, string folder, string file)
    {
        var directory = Path.Combine(ExamplesFolder(version), folder);
        using var document = Parse(Path.Combine(directory, file), folder);
        var attributes = version == "0.5" ? document.RootElement.GetProperty("attributes") : document.RootElement;

        var check = AttributeCheck.Run(attributes, zarrV3: version == "0.5");

        Assert.True(IsStrict(directory) ? check.IsStrictValid : check.IsValid, $"{version}/{folder}/{file}:{Environment.NewLine}{check.Describe()}");
    }

    [Fact]
    public void Examples_of_both_versions_are_found()
    {
        Assert.True(Examples().Count >= 20);
    }

    // The spec text annotates the multiscales examples with // comments, which real metadata must not
    // carry; only those files are read with comments skipped.
    private static JsonDocument Parse(string path, string folder) =>
        JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions
        {
            CommentHandling = folder == "multiscales_strict" ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
        });

    private static bool IsStrict(string directory)
    {
        using var config = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, ".config.json")));
        return config.RootElement.GetProperty("schema").GetString()!.Contains("strict_", StringComparison.Ordinal);
    }

    private static string ExamplesFolder(string version) => SharedData.Path("samples", "ome-zarr", "ngff-spec", version, "examples");
}
