using System.Text;

namespace Accession.Cli.TreeWalk;

/// <summary>
/// Unicode Normalization Form C (UAX #15: canonical decomposition, canonical ordering, canonical
/// composition), used for TREEWALK entry order (iscc-sum docs/specifications/treewalk.md §4.1).
/// Our own implementation because <see cref="string.Normalize()"/> needs ICU and the product runs
/// with invariant globalization; the tables come from the Unicode Character Database.
/// </summary>
internal static class UnicodeNfc
{
    // Hangul syllable arithmetic (Unicode chapter 3.12).
    private const int SBase = 0xAC00;
    private const int LBase = 0x1100;
    private const int VBase = 0x1161;
    private const int TBase = 0x11A7;
    private const int LCount = 19;
    private const int VCount = 21;
    private const int TCount = 28;
    private const int NCount = VCount * TCount;
    private const int SCount = LCount * NCount;

    // No character below U+0300 decomposes to anything NFC changes, has a non-zero combining class
    // or is the second half of a composite pair, so such strings are already NFC.
    private const char FirstInteresting = '\u0300';

    /// <summary>The NFC form of <paramref name="value"/>.</summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.AsSpan().ContainsAnyExceptInRange('\0', (char)(FirstInteresting - 1)))
        {
            return value;
        }

        var codePoints = new List<int>(value.Length + 4);
        foreach (var rune in value.EnumerateRunes())
        {
            Decompose(rune.Value, codePoints);
        }

        SortCanonically(codePoints);
        var length = Compose(codePoints);

        var builder = new StringBuilder(length + 4);
        for (var i = 0; i < length; i++)
        {
            builder.Append(new Rune(codePoints[i]).ToString());
        }

        return builder.ToString();
    }

    /// <summary>The canonical combining class of a code point (0 for starters).</summary>
    public static int CombiningClass(int codePoint)
    {
        if (codePoint < FirstInteresting)
        {
            return 0;
        }

        var ranges = UnicodeNfcData.CombiningClassRanges;
        int low = 0, high = (ranges.Length / 3) - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (codePoint < ranges[mid * 3])
            {
                high = mid - 1;
            }
            else if (codePoint > ranges[(mid * 3) + 1])
            {
                low = mid + 1;
            }
            else
            {
                return ranges[(mid * 3) + 2];
            }
        }

        return 0;
    }

    private static void Decompose(int codePoint, List<int> output)
    {
        var sIndex = codePoint - SBase;
        if (sIndex is >= 0 and < SCount)
        {
            output.Add(LBase + (sIndex / NCount));
            output.Add(VBase + (sIndex % NCount / TCount));
            var tIndex = sIndex % TCount;
            if (tIndex != 0)
            {
                output.Add(TBase + tIndex);
            }

            return;
        }

        var index = UnicodeNfcData.DecompositionKeys.BinarySearch(codePoint);
        if (index < 0)
        {
            output.Add(codePoint);
            return;
        }

        var values = UnicodeNfcData.DecompositionValues;
        Decompose(values[index * 2], output);
        if (values[(index * 2) + 1] != 0)
        {
            Decompose(values[(index * 2) + 1], output);
        }
    }

    // Stable insertion sort of each run of non-starters by combining class.
    private static void SortCanonically(List<int> codePoints)
    {
        for (var i = 1; i < codePoints.Count; i++)
        {
            var current = codePoints[i];
            var currentClass = CombiningClass(current);
            if (currentClass == 0)
            {
                continue;
            }

            var j = i;
            while (j > 0)
            {
                var previousClass = CombiningClass(codePoints[j - 1]);
                if (previousClass <= currentClass)
                {
                    break;
                }

                codePoints[j] = codePoints[j - 1];
                j--;
            }

            codePoints[j] = current;
        }
    }

    // Canonical composition in place; returns the new length.
    private static int Compose(List<int> codePoints)
    {
        var write = 0;
        var starterIndex = -1;
        var lastClass = -1; // class of the last character kept after the starter; -1 when none
        for (var read = 0; read < codePoints.Count; read++)
        {
            var codePoint = codePoints[read];
            var combiningClass = CombiningClass(codePoint);
            if (starterIndex >= 0)
            {
                var blocked = lastClass != -1 && (lastClass == 0 || lastClass >= combiningClass);
                if (!blocked && TryCompose(codePoints[starterIndex], codePoint, out var composite))
                {
                    codePoints[starterIndex] = composite;
                    continue;
                }
            }

            if (combiningClass == 0)
            {
                starterIndex = write;
                lastClass = -1;
            }
            else
            {
                lastClass = combiningClass;
            }

            codePoints[write++] = codePoint;
        }

        return write;
    }

    private static bool TryCompose(int first, int second, out int composite)
    {
        var lIndex = first - LBase;
        var vIndex = second - VBase;
        if (lIndex is >= 0 and < LCount && vIndex is >= 0 and < VCount)
        {
            composite = SBase + (((lIndex * VCount) + vIndex) * TCount);
            return true;
        }

        var sIndex = first - SBase;
        var tIndex = second - TBase;
        if (sIndex is >= 0 and < SCount && sIndex % TCount == 0 && tIndex is > 0 and < TCount)
        {
            composite = first + tIndex;
            return true;
        }

        var index = UnicodeNfcData.CompositionKeys.BinarySearch(((long)first << 21) | (uint)second);
        composite = index >= 0 ? UnicodeNfcData.CompositionValues[index] : 0;
        return index >= 0;
    }
}
