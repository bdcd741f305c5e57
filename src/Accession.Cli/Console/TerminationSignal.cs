using System.Runtime.InteropServices;

namespace Accession.Cli.Terminal;

/// <summary>
/// Remembers whether the process was asked to stop by SIGINT (Ctrl+C) or SIGTERM, so a command that
/// stopped cleanly can exit with 130 or 143 (shared/DESIGN.md "One voice for every command").
/// System.CommandLine turns either signal into a cancelled token without saying which one it was.
/// </summary>
internal static class TerminationSignal
{
    private static readonly Lock Gate = new();
    private static PosixSignalRegistration? s_interrupt;
    private static PosixSignalRegistration? s_terminate;
    private static volatile int s_lastSignal;

    /// <summary>Starts listening; call before the command line is invoked. Safe to call more than once.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (s_interrupt is not null || OperatingSystem.IsBrowser() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsAndroid())
            {
                return;
            }

            // Record only: the handlers leave the signal to System.CommandLine's own handling.
            s_interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => s_lastSignal = ExitCodes.Interrupted);
            s_terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => s_lastSignal = ExitCodes.Terminated);
        }
    }

    /// <summary>The exit code for a clean stop after cancellation: 143 after SIGTERM, otherwise 130.</summary>
    public static int ExitCode => s_lastSignal == ExitCodes.Terminated ? ExitCodes.Terminated : ExitCodes.Interrupted;
}
