using System.Text;
using Accession.Iscc.Platform;

namespace Accession.Cli.Terminal;

/// <summary>
/// Command-line words as the operating system passed them. .NET decodes arguments as UTF-8 and
/// replaces invalid bytes with U+FFFD, which loses file names that are not valid UTF-8; on Linux the
/// exact bytes are in <c>/proc/self/cmdline</c>, and such words are re-decoded with
/// <see cref="FileNameBytes"/>. Elsewhere the words stay as .NET gave them.
/// </summary>
internal static class RawArguments
{
    public static string[] Recover(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!OperatingSystem.IsLinux() || !args.Any(a => a.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            return args;
        }

        byte[] commandLine;
        try
        {
            commandLine = File.ReadAllBytes("/proc/self/cmdline");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return args;
        }

        // NUL-terminated words: the host and program first, the arguments last.
        var words = new List<byte[]>();
        for (var start = 0; start < commandLine.Length;)
        {
            var end = Array.IndexOf(commandLine, (byte)0, start);
            end = end < 0 ? commandLine.Length : end;
            words.Add(commandLine[start..end]);
            start = end + 1;
        }

        if (words.Count < args.Length)
        {
            return args;
        }

        var raw = words[^args.Length..];
        var recovered = new string[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            // Only a word that decodes to what .NET gave is the same word.
            recovered[i] = Encoding.UTF8.GetString(raw[i]) == args[i] ? FileNameBytes.Decode(raw[i]) : args[i];
        }

        return recovered;
    }
}
