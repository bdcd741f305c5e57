using System.Globalization;

namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>Builds the JSON paths of findings, e.g. <c>$.attributes.ome['image-label'].colors[0]</c>.</summary>
internal static class JsonPaths
{
    public static string Property(string parent, string name) =>
        IsPlainName(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Item(string parent, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    // Dotted notation only for names a reader would type without quotes.
    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
