using System.ComponentModel;
using System.Diagnostics;

namespace Accession.TestKit;

/// <summary>Named pipes for tests of folder readers; made with mkfifo(1).</summary>
public static class Fifo
{
    /// <summary>Creates a FIFO at <paramref name="path"/>; false where the system has no mkfifo.</summary>
    public static bool TryCreate(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path } })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
