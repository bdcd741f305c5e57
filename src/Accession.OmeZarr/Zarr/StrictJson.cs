using System.Text.Json;
using Accession.OmeZarr.Validation;

namespace Accession.OmeZarr.Zarr;

/// <summary>
/// Parses metadata files as strict JSON (shared/specs/ome-zarr.md §1.2 "Real-world JSON breakage",
/// rule M1): no comments, no trailing commas, no bare NaN/Infinity. A broken file becomes an error
/// finding, never an exception. Bare NaN/Infinity (written by Python's json module) are reported and
/// then read as the strings "NaN"/"Infinity"/"-Infinity" so the rest of the file can still be checked.
/// </summary>
internal static class StrictJson
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 256,
    };

    /// <summary>Returns the root object, or null when the file is not usable JSON (a finding says why).</summary>
    public static JsonElement? ParseObject(ReadOnlySpan<byte> utf8, string file, ICollection<ValidationFinding> findings)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        JsonElement root;
        try
        {
            root = Parse(utf8);
        }
        catch (JsonException ex)
        {
            var bare = BareNonFiniteTokens.Find(utf8);
            if (bare is null)
            {
                findings.Add(new ValidationFinding(
                    DatasetRuleIds.JsonInvalid, Severity.Error, file, string.Empty,
                    $"not valid JSON ({Describe(ex)}); fix the file so that a strict JSON parser accepts it."));
                return null;
            }

            findings.Add(new ValidationFinding(
                DatasetRuleIds.JsonInvalid, Severity.Error, file, string.Empty,
                $"not valid JSON: bare {bare} is not a JSON value; write it as the string \"{bare}\" (Zarr's encoding of non-finite floats)."));
            try
            {
                root = Parse(BareNonFiniteTokens.Quote(utf8));
            }
            catch (JsonException)
            {
                return null;
            }
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            findings.Add(new ValidationFinding(
                DatasetRuleIds.JsonNotObject, Severity.Error, file, "$",
                $"the document is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object; Zarr metadata must be a JSON object."));
            return null;
        }

        return root;
    }

    private static JsonElement Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            AllowTrailingCommas = Options.AllowTrailingCommas,
            CommentHandling = Options.CommentHandling,
            MaxDepth = Options.MaxDepth,
        });
        return JsonElement.ParseValue(ref reader);
    }

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut].TrimEnd();
        }

        return ex.LineNumber is { } line
            ? $"line {line + 1}, byte {ex.BytePositionInLine + 1}: {message.TrimEnd('.')}"
            : message.TrimEnd('.');
    }
}
