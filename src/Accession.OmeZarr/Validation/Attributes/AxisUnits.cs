namespace Accession.OmeZarr.Validation.Attributes;

/// <summary>
/// The UDUNITS-2 unit names the specification lists for space and time axes
/// (shared/specs/ome-zarr.md §1.5; OME-NGFF 0.4/0.5 §axes: "SHOULD be one of the following strings").
/// </summary>
internal static class AxisUnits
{
    public static readonly HashSet<string> Space = new(StringComparer.Ordinal)
    {
        "angstrom", "attometer", "centimeter", "decimeter", "exameter", "femtometer", "foot", "gigameter",
        "hectometer", "inch", "kilometer", "megameter", "meter", "micrometer", "mile", "millimeter",
        "nanometer", "parsec", "petameter", "picometer", "terameter", "yard", "yoctometer", "yottameter",
        "zeptometer", "zettameter",
    };

    public static readonly HashSet<string> Time = new(StringComparer.Ordinal)
    {
        "attosecond", "centisecond", "day", "decisecond", "exasecond", "femtosecond", "gigasecond",
        "hectosecond", "hour", "kilosecond", "megasecond", "microsecond", "millisecond", "minute",
        "nanosecond", "petasecond", "picosecond", "second", "terasecond", "yoctosecond", "yottasecond",
        "zeptosecond", "zettasecond",
    };
}
