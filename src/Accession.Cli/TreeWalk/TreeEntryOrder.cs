using System.Text;

namespace Accession.Cli.TreeWalk;

/// <summary>
/// TREEWALK entry order (iscc-sum docs/specifications/treewalk.md §4.1): names compared as the UTF-8
/// bytes of their NFC form, ties broken by the UTF-8 bytes of the original name.
/// </summary>
internal sealed class TreeEntryOrder : IComparer<string>
{
    public static TreeEntryOrder Instance { get; } = new();

    /// <summary>Sorts <paramref name="names"/> in TREEWALK order (keys computed once per name).</summary>
    public static string[] Sort(IEnumerable<string> names)
    {
        var keyed = names.Select(name => new SortKey(name)).ToArray();
        Array.Sort(keyed, static (a, b) => a.CompareTo(b));
        return [.. keyed.Select(key => key.Name)];
    }

    /// <summary>The NFC form of a name; a name that is not valid Unicode is compared as it is.</summary>
    internal static string Nfc(string name)
    {
        try
        {
            return name.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return name;
        }
    }

    public int Compare(string? x, string? y) =>
        new SortKey(x ?? string.Empty).CompareTo(new SortKey(y ?? string.Empty));

    private readonly struct SortKey(string name)
    {
        public string Name { get; } = name;

        private byte[] Normalized { get; } = Encoding.UTF8.GetBytes(Nfc(name));

        private byte[] Raw { get; } = Encoding.UTF8.GetBytes(name);

        public int CompareTo(SortKey other)
        {
            var byNormalized = Normalized.AsSpan().SequenceCompareTo(other.Normalized);
            return byNormalized != 0 ? byNormalized : Raw.AsSpan().SequenceCompareTo(other.Raw);
        }
    }
}
