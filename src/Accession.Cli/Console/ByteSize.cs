using System.Globalization;

namespace Accession.Cli.Terminal;

/// <summary>Byte counts for people: binary units (KiB, MiB, …), plain bytes below 1 KiB. Thread-safe.</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB"];

    /// <summary>
    /// <paramref name="bytes"/> in the largest unit that keeps the number at or above 1, written with
    /// <paramref name="numberFormat"/> (progress keeps one decimal so its width does not jump).
    /// </summary>
    public static string Format(long bytes, string numberFormat)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : $"{value.ToString(numberFormat, CultureInfo.InvariantCulture)} {Units[unit]}";
    }
}
