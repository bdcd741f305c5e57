using System.Text;

namespace Accession.Iscc.TreeWalk;

/// <summary>
/// TREEWALK entry order (iscc-sum docs/specifications/treewalk.md §4.1): names compared as the UTF-8
/// bytes of their NFC form, ties broken by the UTF-8 bytes of the original name. Thread-safe.
/// </summary>
public sealed class TreeEntryOrder : IComparer<string>
{
    private TreeEntryOrder()
    {
    }

    /// <summary>The one instance.</summary>
    public static TreeEntryOrder Instance { get; } = new();

    /// <summary>Sorts <paramref name="names"/> in TREEWALK order (keys computed once per name).</summary>
    public static string[] Sort(IEnumerable<string> names) => Sort(names, static name => name);

    /// <summary>Sorts <paramref name="items"/> by their names in TREEWALK order (keys computed once per item).</summary>
    public static T[] Sort<T>(IEnumerable<T> items, Func<T, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(nameOf);
        var keyed = items.Select(item => (Key: new SortKey(nameOf(item)), Item: item)).ToArray();
        Array.Sort(keyed, static (a, b) => a.Key.CompareTo(b.Key));
        return [.. keyed.Select(pair => pair.Item)];
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

    /// <inheritdoc/>
    public int Compare(string? x, string? y) =>
        new SortKey(x ?? string.Empty).CompareTo(new SortKey(y ?? string.Empty));

    private readonly struct SortKey(string name)
    {
        private byte[] Normalized { get; } = Encoding.UTF8.GetBytes(Nfc(name));

        private byte[] Raw { get; } = Encoding.UTF8.GetBytes(name);

        public int CompareTo(SortKey other)
        {
            var byNormalized = Normalized.AsSpan().SequenceCompareTo(other.Normalized);
            return byNormalized != 0 ? byNormalized : Raw.AsSpan().SequenceCompareTo(other.Raw);
        }
    }
}
