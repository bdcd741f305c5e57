using System.Globalization;
using Accession.OmeZarr.Validation.Attributes;

namespace Accession.OmeZarr.Validation;

/// <summary>Version comparisons for version-gated rules.</summary>
internal static class NgffVersions
{
    /// <summary>The version as a number (0.1 … 0.6), or null when unknown.</summary>
    public static decimal? Numeric(NgffVersion version, string? raw) => version switch
    {
        NgffVersion.V01 => 0.1m,
        NgffVersion.V02 => 0.2m,
        NgffVersion.V03 => 0.3m,
        NgffVersion.V04 => 0.4m,
        NgffVersion.V05 => 0.5m,
        NgffVersion.V06 => 0.6m,
        _ => ParseLeading(raw),
    };

    // "0.6rc0" and "0.6.dev3" count as 0.6.
    private static decimal? ParseLeading(string? raw)
    {
        if (raw is null || raw.Length < 3 || raw[0] != '0' || raw[1] != '.' || !char.IsAsciiDigit(raw[2]))
        {
            return null;
        }

        var end = 2;
        while (end < raw.Length && char.IsAsciiDigit(raw[end]))
        {
            end++;
        }

        return decimal.Parse(raw.AsSpan(0, end), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }
}
