namespace Accession.Iscc.Platform;

/// <summary>
/// Unicode NFC through ICU's C API (unicode/unorm2.h: <c>unorm2_getNFCInstance</c>,
/// <c>unorm2_normalize</c>), called directly: the normaliser of a process in invariant globalization
/// mode, where the runtime itself leaves every string as it is. The library is found and loaded on the
/// first call (<see cref="IcuLibrary"/>), never at start-up. Inputs are checked as
/// <see cref="string.Normalize()"/> checks them on ICU, so both throw the same
/// <see cref="ArgumentException"/> for the same strings. Thread-safe.
/// </summary>
internal sealed unsafe class IcuNormalizer
{
    // UErrorCode (unicode/utypes.h): failures are positive, warnings negative, U_ZERO_ERROR is 0.
    private const int BufferOverflowError = 15;

    // Linux file names are at most 255 bytes, so nearly every name fits; longer results are preflighted.
    private const int StackCapacity = 512;

    private readonly Lazy<Functions> _functions;

    /// <param name="find">Finds the library; null where it is not there.</param>
    public IcuNormalizer(Func<IcuLibrary?> find)
    {
        ArgumentNullException.ThrowIfNull(find);

        // A failure is kept and thrown again on every later call.
        _functions = new Lazy<Functions>(() => Functions.Load(find()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The normaliser of the ICU the runtime would load.</summary>
    public static IcuNormalizer Shared { get; } = new(IcuLibrary.Find);

    /// <summary>The NFC form of <paramref name="text"/>; the same instance when it already is in NFC.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is not valid UTF-16 (a lone surrogate) or holds U+FFFE.</exception>
    /// <exception cref="DllNotFoundException">ICU could not be loaded; the message says what to install.</exception>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsRefusedByRuntime(text))
        {
            throw new ArgumentException("The string holds a lone surrogate or U+FFFE, which cannot be normalised.", nameof(text));
        }

        var functions = _functions.Value;
        Span<char> buffer = stackalloc char[StackCapacity];
        var length = functions.Normalize(text, buffer, out var status);
        if (status == BufferOverflowError)
        {
            // ICU reports the length the result needs.
            buffer = new char[length];
            length = functions.Normalize(text, buffer, out status);
        }

        if (status > 0)
        {
            throw new ArgumentException($"ICU could not normalise the string (UErrorCode {status}).", nameof(text));
        }

        var normalized = buffer[..length];
        return normalized.SequenceEqual(text) ? text : new string(normalized);
    }

    /// <summary>
    /// What <see cref="string.Normalize()"/> refuses before it calls ICU (dotnet/runtime
    /// Normalization.Icu.cs, <c>HasInvalidUnicodeSequence</c>): a surrogate without its partner, and
    /// U+FFFE. ICU itself would pass both through.
    /// </summary>
    private static bool IsRefusedByRuntime(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\uFFFE' || char.IsLowSurrogate(c))
            {
                return true;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return true;
                }

                i++;
            }
        }

        return false;
    }

    /// <summary>The two ICU functions and ICU's shared NFC instance (owned by ICU, never freed).</summary>
    private sealed class Functions
    {
        private readonly delegate* unmanaged<nint, char*, int, char*, int, int*, int> _normalize;
        private readonly nint _nfc;

        private Functions(delegate* unmanaged<nint, char*, int, char*, int, int*, int> normalize, nint nfc)
        {
            _normalize = normalize;
            _nfc = nfc;
        }

        public static Functions Load(IcuLibrary? library)
        {
            if (library is null)
            {
                throw new DllNotFoundException(
                    $"comparing non-ASCII file names needs ICU's libicuuc.so.N (N = {IcuLibrary.OldestMajor} to {IcuLibrary.NewestMajor}), which was not found; "
                    + "install ICU (the libicu package; icu-libs on Alpine) or set CLR_ICU_VERSION_OVERRIDE to the installed version.");
            }

            var getNfcInstance = (delegate* unmanaged<int*, nint>)library.Export("unorm2_getNFCInstance");
            var normalize = (delegate* unmanaged<nint, char*, int, char*, int, int*, int>)library.Export("unorm2_normalize");
            var status = 0;
            var nfc = getNfcInstance(&status);
            if (status > 0 || nfc == 0)
            {
                throw new DllNotFoundException(
                    $"ICU's {library.FileName} was found but could not load its normalization data (UErrorCode {status}); reinstall ICU (the libicu package).");
            }

            return new Functions(normalize, nfc);
        }

        public int Normalize(string text, Span<char> destination, out int status)
        {
            int result;
            var error = 0;
            fixed (char* source = text)
            fixed (char* target = destination)
            {
                result = _normalize(_nfc, source, text.Length, target, destination.Length, &error);
            }

            status = error;
            return result;
        }
    }
}
