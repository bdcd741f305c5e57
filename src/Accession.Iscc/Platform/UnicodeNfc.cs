using System.Text;

namespace Accession.Iscc.Platform;

/// <summary>
/// Unicode NFC in either globalization mode, one call for every caller. With ICU loaded by the runtime,
/// <see cref="string.Normalize(NormalizationForm)"/>. In invariant globalization mode (the native form,
/// which starts sooner without ICU) the runtime returns every string unchanged, so ICU is called directly
/// (<see cref="IcuNormalizer"/>), loaded on the first name that is not ASCII: a tree of ASCII names
/// needs no ICU at all. Thread-safe.
/// </summary>
internal static class UnicodeNfc
{
    private static readonly AsyncLocal<IcuNormalizer?> Forced = new();

    // False in invariant globalization mode, where Normalize returns its input (dotnet/runtime Normalization.cs).
    private static readonly bool RuntimeNormalizes = "e\u0301".Normalize(NormalizationForm.FormC) == "\u00E9";

    /// <summary>The NFC form of <paramref name="text"/>; the same instance when it already is in NFC.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is not valid UTF-16 (a lone surrogate) or holds U+FFFE.</exception>
    /// <exception cref="DllNotFoundException">Invariant mode, and ICU could not be loaded; the message says what to install.</exception>
    public static string Normalize(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        if (Forced.Value is { } forced)
        {
            return forced.Normalize(text);
        }

        return RuntimeNormalizes ? text.Normalize(NormalizationForm.FormC) : IcuNormalizer.Shared.Normalize(text);
    }

    /// <summary>
    /// Makes <see cref="Normalize"/> call <paramref name="normalizer"/> on the calling async flow until the
    /// result is disposed, as it would in invariant mode: tests run the direct path in a normal process.
    /// </summary>
    internal static IDisposable Force(IcuNormalizer normalizer)
    {
        var before = Forced.Value;
        Forced.Value = normalizer;
        return new Restore(before);
    }

    private sealed class Restore(IcuNormalizer? before) : IDisposable
    {
        public void Dispose() => Forced.Value = before;
    }
}
