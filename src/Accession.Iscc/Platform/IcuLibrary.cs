using System.Globalization;
using System.Runtime.InteropServices;

namespace Accession.Iscc.Platform;

/// <summary>
/// ICU's common library (libicuuc), found the way .NET's globalization shim finds it on Linux
/// (dotnet/runtime, src/native/libs/System.Globalization.Native/pal_icushim.c): first the version that
/// <c>CLR_ICU_VERSION_OVERRIDE</c> names (<c>major[.minor[.sub]]</c>), then the sonames
/// <c>libicuuc.so.N</c> from the newest major down. Each soname the loader does not have costs it some
/// five failed opens (about 2 ms for the 28 majors above ICU 72), so the majors installed beside the C
/// library, read from one folder listing, are tried before the others. Distributions build ICU with its
/// functions renamed by version (<c>unorm2_normalize_72</c>); a build without renaming exports the plain
/// names. A loaded library stays loaded for the life of the process. Immutable and thread-safe.
/// </summary>
internal sealed class IcuLibrary
{
    /// <summary>
    /// The majors searched, newest first, down to the shim's lower bound: room for many years of two
    /// releases a year (ICU 78 came out in 2025). A newer one installed beside the C library is found too.
    /// </summary>
    internal const int NewestMajor = 100;

    internal const int OldestMajor = 50;

    private readonly nint _handle;
    private readonly string _suffix;

    private IcuLibrary(string fileName, nint handle, string suffix)
    {
        FileName = fileName;
        _handle = handle;
        _suffix = suffix;
    }

    /// <summary>The soname it was loaded by, e.g. <c>libicuuc.so.72</c>.</summary>
    public string FileName { get; }

    /// <summary>The library as the runtime would load it, or null where none of the candidates loads.</summary>
    public static IcuLibrary? Find() =>
        Find(Candidates(Environment.GetEnvironmentVariable("CLR_ICU_VERSION_OVERRIDE"), InstalledMajors()));

    /// <summary>The first candidate that loads and exports <c>unorm2_getNFCInstance</c> under one of its symbol suffixes.</summary>
    internal static IcuLibrary? Find(IEnumerable<(string FileName, string[] Suffixes)> candidates)
    {
        foreach (var (fileName, suffixes) in candidates)
        {
            if (!NativeLibrary.TryLoad(fileName, out var handle))
            {
                continue;
            }

            foreach (var suffix in suffixes)
            {
                if (NativeLibrary.TryGetExport(handle, "unorm2_getNFCInstance" + suffix, out _))
                {
                    return new IcuLibrary(fileName, handle, suffix);
                }
            }

            NativeLibrary.Free(handle);
        }

        return null;
    }

    /// <summary>
    /// The sonames to try and, for each, the symbol suffixes in the shim's order: none, then
    /// <c>_major</c>, <c>_major_minor</c>, <c>_major_minor_sub</c> as far as the name gives them.
    /// </summary>
    internal static IEnumerable<(string FileName, string[] Suffixes)> Candidates(string? versionOverride, IEnumerable<int> installedMajors)
    {
        var overridden = ParseVersion(versionOverride) is { Length: > 0 } parts ? [Candidate(parts)] : Array.Empty<(string, string[])>();
        var searched = installedMajors.Concat(Enumerable.Range(OldestMajor, NewestMajor - OldestMajor + 1).Reverse()).Distinct();
        return overridden.Concat(searched.Select(major => Candidate([major])));
    }

    /// <summary>
    /// The majors of the <c>libicuuc.so.N</c> in the folder of the C library this process was loaded
    /// with (where distributions put ICU too), newest first; none where that folder is not known.
    /// </summary>
    internal static IEnumerable<int> InstalledMajors()
    {
        try
        {
            const string Prefix = "libicuuc.so.";
            var libc = File.ReadLines("/proc/self/maps").FirstOrDefault(line => line.EndsWith("/libc.so.6", StringComparison.Ordinal));
            if (libc is null || Path.GetDirectoryName(libc[libc.IndexOf('/', StringComparison.Ordinal)..]) is not { } folder)
            {
                return [];
            }

            // The pattern also matches the development link libicuuc.so, which names no version.
            return Directory.EnumerateFiles(folder, Prefix + "*")
                .Select(Path.GetFileName)
                .Select(name => name!.Length > Prefix.Length && int.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0)
                .Where(major => major >= OldestMajor)
                .OrderDescending()
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The address of ICU function <paramref name="function"/> (its plain name, e.g. <c>unorm2_normalize</c>).</summary>
    /// <exception cref="EntryPointNotFoundException">This ICU does not export it.</exception>
    public nint Export(string function) => NativeLibrary.GetExport(_handle, function + _suffix);

    private static (string FileName, string[] Suffixes) Candidate(int[] version)
    {
        var suffixes = new string[version.Length + 1];
        suffixes[0] = string.Empty;
        for (var i = 1; i <= version.Length; i++)
        {
            suffixes[i] = "_" + string.Join('_', version[..i]);
        }

        return ("libicuuc.so." + string.Join('.', version), suffixes);
    }

    /// <summary>The leading numbers of <c>major[.minor[.sub]]</c>, as the shim's <c>sscanf("%d.%d.%d")</c> reads them.</summary>
    private static int[] ParseVersion(string? text)
    {
        var parts = new List<int>(3);
        foreach (var part in (text ?? string.Empty).Split('.').Take(3))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                break;
            }

            parts.Add(number);
        }

        return [.. parts];
    }
}
