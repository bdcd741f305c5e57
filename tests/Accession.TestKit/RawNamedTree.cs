using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Accession.TestKit;

/// <summary>
/// A temporary folder holding files and folders whose names are not valid UTF-8 (Latin-1 archives),
/// which .NET cannot create by name: they are made by sh(1), with every byte of the name written as an
/// octal escape of printf(1). Deleted with rm(1) on dispose, since .NET cannot delete them either.
/// </summary>
public sealed class RawNamedTree : IDisposable
{
    private readonly TempFolder _folder = new();

    public string Path => _folder.Path;

    /// <summary>Creates the file at <paramref name="relativePath"/> (raw bytes, <c>/</c> between names); false where the file system refuses the name.</summary>
    public bool TryAddFile(byte[] relativePath, byte[] content)
    {
        var staged = _folder.File($"staged-{Guid.NewGuid():N}");
        File.WriteAllBytes(staged, content);
        return Shell($"mv -- \"$1\" \"$(printf '{Octal(relativePath)}')\"", staged);
    }

    /// <summary>Creates the folder at <paramref name="relativePath"/>; false where the file system refuses the name.</summary>
    public bool TryAddFolder(byte[] relativePath) => Shell($"mkdir -- \"$(printf '{Octal(relativePath)}')\"");

    /// <summary>A name as bytes: text as UTF-8 with <c>\xHH</c> for a raw byte, e.g. <c>caf\xE9</c>.</summary>
    public static byte[] Bytes(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x')
            {
                bytes.Add(Convert.FromHexString(text.AsSpan(i + 2, 2))[0]);
                i += 3;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return [.. bytes];
    }

    public void Dispose()
    {
        Shell("rm -rf -- ./*");
        _folder.Dispose();
    }

    private static string Octal(byte[] bytes) => string.Concat(bytes.Select(b => "\\" + Convert.ToString(b, 8).PadLeft(3, '0')));

    private bool Shell(string script, params string[] args)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var info = new ProcessStartInfo("sh") { WorkingDirectory = Path, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", script, "sh" }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(info)!;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
