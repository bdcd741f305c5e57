using System.Globalization;
using Accession.Iscc.Codec;

namespace Accession.Cli.Commands.Explain;

/// <summary>The human form of <c>accession explain</c>: one block per code, units indented below it.</summary>
internal static class ExplanationText
{
    public static void Write(TextWriter writer, IReadOnlyList<IsccExplanation> explanations)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(explanations);
        for (var i = 0; i < explanations.Count; i++)
        {
            if (i > 0)
            {
                writer.Write('\n');
            }

            WriteOne(writer, explanations[i], indent: string.Empty);
        }
    }

    private static void WriteOne(TextWriter writer, IsccExplanation e, string indent)
    {
        void Field(string name, string value) => writer.Write($"{indent}  {name,-10}{value}\n");

        writer.Write($"{indent}{e.Iscc}\n");
        Field("type", e.TypeId);
        Field("maintype", e.MainType);
        Field("subtype", e.SubType);
        Field("version", e.Version.ToString(CultureInfo.InvariantCulture));
        Field("length", $"{e.Length} (field {e.LengthField.ToString(CultureInfo.InvariantCulture)})");
        Field("header", e.HeaderHex);
        Field("body", $"{e.BodyBits.ToString(CultureInfo.InvariantCulture)} bits {e.BodyHex}");
        if (e.Units.Count > 0)
        {
            writer.Write($"{indent}  units\n");
            foreach (var unit in e.Units)
            {
                WriteOne(writer, unit, indent + "    ");
            }
        }
    }
}
