using System.Globalization;

namespace Accession.TestKit.Omero;

/// <summary>Python's <c>int()</c> of a query parameter, as OMERO.web's views parse them.</summary>
internal static class QueryParameters
{
    /// <summary>The value, or <paramref name="fallback"/> when absent; false (with Python's message) when not an integer.</summary>
    public static bool TryInt(OmeroExchange exchange, string name, long fallback, out long value, out string error)
    {
        error = "";
        var raw = exchange.Request.Query[name];
        if (raw.Count == 0)
        {
            value = fallback;
            return true;
        }

        var text = raw[0] ?? "";
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        error = $"invalid literal for int() with base 10: '{text}'";
        return false;
    }

    public static bool IsTrue(OmeroExchange exchange, string name) =>
        string.Equals(exchange.Request.Query[name].ToString(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every value of a repeated integer parameter; false when one is not an integer.</summary>
    public static bool TryIds(IEnumerable<string?> values, out List<long> ids)
    {
        ids = [];
        foreach (var value in values)
        {
            if (!long.TryParse(value?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            {
                return false;
            }

            ids.Add(id);
        }

        return true;
    }
}
