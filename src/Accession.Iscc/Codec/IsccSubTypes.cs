namespace Accession.Iscc.Codec;

/// <summary>
/// SubType values and names per MainType (shared/specs/iscc-sum.md §3.1; iscc-core codec
/// <c>ST</c>, <c>ST_CC</c>, <c>ST_ISCC</c>). Constants and pure functions, so thread-safe.
/// </summary>
public static class IsccSubTypes
{
    /// <summary>The only SubType of Meta, Data and Instance units.</summary>
    public const int None = 0;

    // ST_ISCC: the SubType of a composite ISCC-CODE.
    public const int IsccText = 0;
    public const int IsccImage = 1;
    public const int IsccAudio = 2;
    public const int IsccVideo = 3;
    public const int IsccMixed = 4;
    public const int IsccSum = 5;
    public const int IsccNone = 6;
    public const int IsccWide = 7;

    private static readonly string[] ContentNames = ["TEXT", "IMAGE", "AUDIO", "VIDEO", "MIXED"];
    private static readonly string[] IsccNames = ["TEXT", "IMAGE", "AUDIO", "VIDEO", "MIXED", "SUM", "NONE", "WIDE"];

    /// <summary>The name of a SubType within its MainType, e.g. <c>SUM</c> or <c>NONE</c>; the number if it has none.</summary>
    public static string Name(MainType mainType, int subType) => mainType switch
    {
        MainType.Semantic or MainType.Content when subType < ContentNames.Length => ContentNames[subType],
        MainType.Iscc when subType < IsccNames.Length => IsccNames[subType],
        MainType.Meta or MainType.Data or MainType.Instance or MainType.Flake when subType == None => "NONE",
        _ => subType.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
