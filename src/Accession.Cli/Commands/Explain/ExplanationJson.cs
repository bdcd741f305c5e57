using System.Text.Encodings.Web;
using System.Text.Json;
using Accession.Iscc.Codec;

namespace Accession.Cli.Commands.Explain;

/// <summary>
/// The <c>--json</c> form of <c>accession explain</c>: one array, one object per code, written field
/// by field so the names stay stable (camelCase, units nested the same way).
/// </summary>
internal static class ExplanationJson
{
    public static void Write(TextWriter writer, IReadOnlyList<IsccExplanation> explanations)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(explanations);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,

            // Plain text on a terminal or in a file, never embedded in HTML: keep '+' readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartArray();
            foreach (var explanation in explanations)
            {
                WriteOne(json, explanation);
            }

            json.WriteEndArray();
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        writer.Write('\n');
    }

    private static void WriteOne(Utf8JsonWriter json, IsccExplanation e)
    {
        json.WriteStartObject();
        json.WriteString("iscc", e.Iscc);
        json.WriteString("typeId", e.TypeId);
        json.WriteString("mainType", e.MainType);
        json.WriteString("subType", e.SubType);
        json.WriteNumber("version", e.Version);
        json.WriteNumber("lengthField", e.LengthField);
        json.WriteString("length", e.Length);
        json.WriteString("header", e.HeaderHex);
        json.WriteNumber("bodyBits", e.BodyBits);
        json.WriteString("body", e.BodyHex);
        json.WriteStartArray("units");
        foreach (var unit in e.Units)
        {
            WriteOne(json, unit);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
