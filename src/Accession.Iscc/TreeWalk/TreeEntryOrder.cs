using System.Text;
using Accession.Iscc.Platform;

namespace Accession.Iscc.TreeWalk;

/// <summary>
/// TREEWALK entry order (iscc-sum docs/specifications/treewalk.md §4.1): names compared as the UTF-8
/// bytes of their NFC form, ties broken by the UTF-8 bytes of the original name. A name that is not
/// valid UTF-8 (<see cref="FileNameBytes"/>) is compared by its bytes, its valid stretches in NFC form:
/// the reference's key with surrogateescape encoding, where the reference itself fails. Thread-safe.
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
        var sorted = items.ToArray();
        var names = Array.ConvertAll(sorted, item => nameOf(item));

        // An ASCII name is its own NFC form and its UTF-16 code units are its UTF-8 bytes, so names
        // that are all ASCII (most folders) sort by ordinal comparison, with no key to make.
        if (Array.TrueForAll(names, static name => Ascii.IsValid(name)))
        {
            Array.Sort(names, sorted, StringComparer.Ordinal);
            return sorted;
        }

        Array.Sort(Array.ConvertAll(names, static name => new SortKey(name)), sorted, SortKey.Comparer);
        return sorted;
    }

    /// <summary>
    /// The NFC form of a name. In a name holding bytes that are not valid UTF-8 (<see cref="FileNameBytes"/>),
    /// each valid stretch is normalised on its own and the raw bytes stay where they are, as Python's
    /// <c>unicodedata.normalize</c> treats the lone surrogates of a surrogateescape name; any other name that
    /// is not valid Unicode is compared as it is. Normalised by <see cref="UnicodeNfc"/>, which works in
    /// invariant globalization mode too.
    /// </summary>
    /// <exception cref="DllNotFoundException">Invariant mode, and ICU, needed for a name that is not ASCII, is missing.</exception>
    internal static string Nfc(string name)
    {
        try
        {
            return UnicodeNfc.Normalize(name);
        }
        catch (ArgumentException)
        {
            return FileNameBytes.HasRawBytes(name) ? NfcAroundRawBytes(name) : name;
        }
    }

    private static string NfcAroundRawBytes(string name)
    {
        var normalized = new StringBuilder(name.Length);
        var start = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i < name.Length && !FileNameBytes.IsEscape(name, i))
            {
                continue;
            }

            normalized.Append(Nfc(name[start..i]));
            if (i < name.Length)
            {
                normalized.Append(name[i]);
            }

            start = i + 1;
        }

        return normalized.ToString();
    }

    /// <summary>A name's bytes: UTF-8, with each raw byte of a <see cref="FileNameBytes"/> name as it is.</summary>
    private static byte[] BytesOf(string name) =>
        FileNameBytes.HasRawBytes(name) ? FileNameBytes.Encode(name) : Encoding.UTF8.GetBytes(name);

    /// <inheritdoc/>
    public int Compare(string? x, string? y) =>
        new SortKey(x ?? string.Empty).CompareTo(new SortKey(y ?? string.Empty));

    private readonly struct SortKey(string name)
    {
        public static IComparer<SortKey> Comparer { get; } = Comparer<SortKey>.Create(static (a, b) => a.CompareTo(b));

        private byte[] Normalized { get; } = BytesOf(Nfc(name));

        private byte[] Raw { get; } = BytesOf(name);

        public int CompareTo(SortKey other)
        {
            var byNormalized = Normalized.AsSpan().SequenceCompareTo(other.Normalized);
            return byNormalized != 0 ? byNormalized : Raw.AsSpan().SequenceCompareTo(other.Raw);
        }
    }
}
