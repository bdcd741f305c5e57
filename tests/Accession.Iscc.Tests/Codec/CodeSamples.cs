using System.Text.Json;

namespace Accession.Iscc.Tests.Codec;

/// <summary>Every ISCC string that appears in the shared vectors, inputs and outputs.</summary>
internal static class CodeSamples
{
    public static TheoryData<string> All()
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        Collect(Vectors.IsccCore, codes);
        Collect(Vectors.IsccSum, codes);
        Collect(Vectors.Extended, codes);
        var data = new TheoryData<string>();
        foreach (var code in codes)
        {
            data.Add(code);
        }

        return data;
    }

    private static void Collect(JsonElement element, SortedSet<string> codes)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    // Only the ISCC functions: the other iscc-core families use units we do not compute.
                    if (property.Name.StartsWith("gen_", StringComparison.Ordinal) && !IsRelevant(property.Name))
                    {
                        continue;
                    }

                    Collect(property.Value, codes);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, codes);
                }

                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (text.StartsWith("ISCC:", StringComparison.Ordinal))
                {
                    codes.Add(text);
                }
                else if (text.Length >= 16 && text.All(c => c is (>= 'A' and <= 'Z') or (>= '2' and <= '7')))
                {
                    // Units given to gen_iscc_code_v0 without the scheme.
                    codes.Add("ISCC:" + text);
                }

                break;
            default:
                break;
        }
    }

    private static bool IsRelevant(string function) =>
        function is "gen_data_code_v0" or "gen_instance_code_v0" or "gen_iscc_code_v0" or "gen_data_code" or "gen_instance_code";
}
