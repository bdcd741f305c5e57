using System.Runtime.InteropServices;

namespace Accession.Cli.Terminal;

/// <summary>
/// Tells whether a run was stopped by SIGINT (Ctrl+C) or SIGTERM, so a command that stopped cleanly
/// can exit with 130 or 143 (shared/DESIGN.md "One voice for every command"). System.CommandLine turns
/// either signal into a cancelled token without saying which. Start listening inside the command's
/// action: .NET runs signal handlers newest first, so this one records the signal before
/// System.CommandLine's handler takes it over.
/// </summary>
internal sealed class TerminationSignal : IDisposable
{
    private readonly PosixSignalRegistration? _interrupt;
    private readonly PosixSignalRegistration? _terminate;
    private volatile bool _terminated;

    private TerminationSignal()
    {
        if (OperatingSystem.IsBrowser() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS() || OperatingSystem.IsAndroid())
        {
            return;
        }

        // Record only; the signal itself is left to the handlers registered before this one.
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => { });
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => _terminated = true);
    }

    public static TerminationSignal Listen() => new();

    /// <summary>The exit code for a clean stop after cancellation: 143 after SIGTERM, otherwise 130.</summary>
    public int ExitCode => _terminated ? ExitCodes.Terminated : ExitCodes.Interrupted;

    public void Dispose()
    {
        _interrupt?.Dispose();
        _terminate?.Dispose();
    }
}
